extensions = ["sphinx_scholar"]
scholar_people_file = "data/people.yaml"
scholar_highlight = ["ada"]
version = "1.0"
copyright = "2026, the authors"
