# Documentation of sphinx-scholar, built with sphinx-scholar itself.
project = "sphinx-scholar"
author = "the sphinx-scholar contributors"
copyright = "2026, the sphinx-scholar contributors"

extensions = ["sphinx_scholar"]

scholar_people_file = "data/people.yaml"

exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_title = "sphinx-scholar"
