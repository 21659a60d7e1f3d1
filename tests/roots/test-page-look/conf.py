extensions = ["sphinx_scholar"]
html_theme = "sphinx_book_theme"
# Without a default mode the theme's script logs "Got invalid theme mode" as a
# console error on a first visit; the browser tests count console errors.
html_context = {"default_mode": "auto"}
project = "Ada Lovelace"
author = "Ada Lovelace"
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
scholar_highlight = "ada"
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "url": "https://example.org/ada/"},
]
