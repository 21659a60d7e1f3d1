extensions = ["sphinx_scholar"]
scholar_people = [{"id": "ada", "name": "Ada Lovelace"}, {"name": "No Id"}]
