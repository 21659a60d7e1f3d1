extensions = ["sphinx_scholar"]
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "url": "https://example.org/ada"}
]
