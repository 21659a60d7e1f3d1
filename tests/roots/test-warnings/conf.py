extensions = ["sphinx_scholar"]
scholar_people = [{"id": "ada", "name": "Ada Lovelace"}, {"name": "No Id"}]
version = "1.0"
copyright = "2026, the authors"
