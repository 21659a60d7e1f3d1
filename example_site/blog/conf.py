# An organisation's research blog (the page of seed 001), written with
# sphinx-scholar: event roundups, award announcements and stories.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from themes import theme_settings  # noqa: E402  (the example sites' themes)

project = "Research Blog"
author = "Google Research"
copyright = "2015, Google"
version = "2015"  # e-books (the epub builder) need one

extensions = ["sphinx_scholar"]

# The organisation's researchers, whom the roundups highlight.
scholar_people_file = "data/googlers.yaml"

exclude_patterns = ["_build"]

# The posts are published as written: straight quotes stay straight
# ("Here's", "It'll") and "--" stays two hyphens, as in the post.
smartquotes = False

globals().update(theme_settings())
html_title = "Research Blog"
html_favicon = "_static/favicon.svg"
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://example.org/research-blog/"
)
html_static_path = ["_static"]
html_css_files = ["custom.css"]

latex_documents = [
    ("index", "research-blog.tex", "Research Blog", "Google Research", "howto"),
]
man_pages = [("index", "research-blog", "Research Blog", [author], 7)]
latex_elements = {"tableofcontents": ""}
