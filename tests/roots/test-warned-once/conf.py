extensions = ["sphinx_scholar"]
exclude_patterns = ["_build"]
scholar_people = [{"id": "ada", "name": "Ada Lovelace", "photo": "data/missing.jpg"}]
