extensions = ["sphinx_scholar"]
scholar_people = [
    {
        "id": "ada",
        "name": "Ada Lovelace",
        "groups": ["lab"],
        "url": "https://example.org/ada",
    }
]
scholar_highlight = ["lab"]
version = "1.0"
copyright = "2026, the authors"
