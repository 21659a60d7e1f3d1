extensions = ["sphinx_scholar"]
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "url": "https://example.org/ada"}
]
version = "1.0"
copyright = "2026, the authors"
