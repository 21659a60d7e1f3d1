extensions = ["myst_parser", "sphinx_scholar"]
scholar_people_file = "data/people.yaml"
version = "1.0"
copyright = "2026, the authors"
