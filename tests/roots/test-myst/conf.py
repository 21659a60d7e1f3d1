extensions = ["myst_parser", "sphinx_scholar"]
scholar_people_file = "data/people.yaml"
