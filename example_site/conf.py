# The example site: a researcher's homepage written with sphinx-scholar.
project = "Mohammad Norouzi"
author = "Mohammad Norouzi"
copyright = "2026, the sphinx-scholar contributors"

extensions = ["sphinx_scholar"]

scholar_people_file = "data/people.yaml"

exclude_patterns = ["_build"]

html_theme = "sphinx_book_theme"
html_title = "Mohammad Norouzi"
html_theme_options = {"show_toc_level": 2}

latex_documents = [
    ("index", "norouzi.tex", "Mohammad Norouzi", "Mohammad Norouzi", "howto"),
    ("cv", "norouzi-cv.tex", "Curriculum Vitae", "Mohammad Norouzi", "howto"),
]
man_pages = [("index", "norouzi", "Mohammad Norouzi", [author], 7)]
latex_elements = {"tableofcontents": ""}
