extensions = ["sphinx_scholar"]
scholar_people = [{"id": "ada", "name": "Ada Lovelace"}, {"name": "No Id"}]
version = "1.0"
copyright = "2026, the authors"
# a folder where the feed would be written: the feed cannot be (scholar.export)
html_extra_path = ["extra"]
