# A researcher's profile page on an organisation's site (the page of seed
# 002), written with sphinx-scholar.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from themes import theme_settings  # noqa: E402  (the example sites' themes)

project = "Hugo Larochelle"
author = "Google Research"
copyright = "2026, Google"
version = "2026"  # e-books (the epub builder) need one

extensions = ["sphinx_scholar"]

scholar_people_file = "data/people.yaml"
# the sort menu's label as the profile writes it
scholar_interactive_labels = {"sort": "Sort By"}

# the abstracts keep their LaTeX quotes and dashes (``static'', --) as the
# profile shows them
smartquotes = False

exclude_patterns = ["_build"]

# one page: no sidebar of pages
globals().update(theme_settings(sidebar=False))
html_title = "Hugo Larochelle – Google Research"
html_favicon = "_static/favicon.svg"
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://example.org/larochelle/"
)
html_static_path = ["_static"]

latex_documents = [
    ("index", "larochelle.tex", "Hugo Larochelle", "Google Research", "howto"),
]
man_pages = [("index", "larochelle", "Hugo Larochelle", [author], 7)]
latex_elements = {"tableofcontents": ""}
