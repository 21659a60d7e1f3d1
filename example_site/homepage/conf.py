# A researcher's homepage (the page of seed 000), written with sphinx-scholar.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from themes import theme_settings  # noqa: E402  (the example sites' themes)

project = "Mohammad Norouzi"
author = "Mohammad Norouzi"
copyright = "2026, Mohammad Norouzi"
version = "2026"  # e-books (the epub builder) need one

extensions = ["sphinx_scholar"]

scholar_people_file = "data/people.yaml"
# the seed homepage lists its links as text after the venue: [pdf] [code]
scholar_entry_style = "brackets"
# and its slides as [slides:ppt/pptx], its data sets as [dataset: 2-hop, 3-hop]
scholar_link_format = {"slides": "{label}:{files:/}"}
# its quotes and dashes as typed: "Master's thesis", "process -- gif files"
smartquotes = False

exclude_patterns = ["_build"]

globals().update(theme_settings())
html_title = "Mohammad Norouzi"
html_favicon = "_static/favicon.svg"
# The site's address, for canonical links and the absolute URLs of the
# publication pages for Google Scholar: Read the Docs tells it (for the
# published example, .readthedocs.yaml gives its own); example.org otherwise.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://example.org/norouzi/"
)
html_static_path = ["_static"]
html_css_files = ["custom.css"]

latex_documents = [
    ("index", "norouzi.tex", "Mohammad Norouzi", "Mohammad Norouzi", "howto"),
    ("cv", "norouzi-cv.tex", "Curriculum Vitae", "Mohammad Norouzi", "howto"),
]
man_pages = [("index", "norouzi", "Mohammad Norouzi", [author], 7)]
latex_elements = {"tableofcontents": ""}
