extensions = ["sphinx_scholar"]
project = 'Engines & "Looms" <Lab>'
author = "The Engines Lab"
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "url": "https://example.org/ada/"},
    {"id": "mary", "name": "Mary Somerville", "variants": ["M. Somerville"]},
]
