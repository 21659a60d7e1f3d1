extensions = ["sphinx_scholar"]
project = "Biblatex"
scholar_people_file = "data/people.yaml"
scholar_highlight = ["ludwig"]
