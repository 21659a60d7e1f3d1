# Documentation of sphinx-scholar, built with sphinx-scholar itself.
project = "sphinx-scholar"
author = "the sphinx-scholar contributors"
copyright = "2026, the sphinx-scholar contributors"

import sys
from pathlib import Path

# scholar_reference: the reference pages, generated from the code
sys.path.insert(0, str(Path(__file__).parent / "_ext"))
extensions = ["sphinx_scholar", "scholar_reference"]

scholar_people_file = "data/people.yaml"

exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_title = "sphinx-scholar"

# The example site is built beside the docs on Read the Docs (.readthedocs.yaml).
linkcheck_ignore = [r"example/.*"]
