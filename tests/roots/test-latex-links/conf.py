extensions = ["sphinx_scholar"]
project = "Links"
version = "1.0"
copyright = "2026, the authors"
scholar_people = [{"id": "ada", "name": "Ada Lovelace"}]
latex_documents = [("index", "links.tex", "Links", "Ada Lovelace", "howto")]
latex_elements = {"tableofcontents": ""}
