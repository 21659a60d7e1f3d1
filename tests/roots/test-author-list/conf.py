extensions = ["sphinx_scholar"]
project = "Author lists"
exclude_patterns = ["_build"]

scholar_people = [
    {"id": "me", "name": "Grace Hopper", "url": "https://example.org/grace/"},
]
scholar_highlight = ["me"]
scholar_max_authors = 3
copyright = "2026, the authors"
version = "1.0"
