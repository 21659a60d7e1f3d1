extensions = ["sphinx_scholar"]
project = "Lab"
scholar_people_pages = "people"
scholar_highlight = ["ada"]
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace"},
    {"id": "charles", "name": "Charles Babbage"},
    {"id": "mary", "name": "Mary Somerville", "url": "https://example.org/mary/"},
]
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
