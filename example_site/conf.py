# The example site: a researcher's homepage written with sphinx-scholar.
import os

project = "Mohammad Norouzi"
author = "Mohammad Norouzi"
copyright = "2026, the sphinx-scholar contributors"
version = "2026"  # e-books (the epub builder) need one

extensions = ["sphinx_scholar"]

# The researchers of the homepages, and the organisation of the research blog.
scholar_people_file = ["data/people.yaml", "data/org/googlers.yaml"]
# the seed homepage lists its links as text after the venue: [pdf] [code]
scholar_entry_style = "brackets"

exclude_patterns = ["_build"]

html_theme = "sphinx_book_theme"
html_title = "Mohammad Norouzi"
# A homepage, not a book (docs/howto/homepage.rst): the left sidebar lists
# the pages, without a second search box; no download or full-screen buttons,
# no "Previous" and "Next" links, no "Contents" beside the home page.
html_theme_options = {
    "show_toc_level": 2,
    "article_header_end": ["search-button", "theme-switcher"],
    "secondary_sidebar_items": {"**": ["page-toc"], "index": []},
    "show_prev_next": False,
    "footer_content_items": ["author", "copyright"],
}
html_sidebars = {"**": ["navbar-logo", "sbt-sidebar-nav"]}
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
