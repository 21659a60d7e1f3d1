extensions = ["sphinx_scholar"]
html_theme = "sphinx_book_theme"
# Without a default mode the theme's script logs "Got invalid theme mode" as a
# console error on a first visit; the browser tests count console errors.
html_context = {"default_mode": "auto"}
project = "Interactive lists"
copyright = "2026, the authors"
exclude_patterns = ["_build"]

scholar_people = [
    {
        "id": "ada",
        "name": "Ada Lovelace",
        "variants": ["A. Lovelace"],
        "url": "https://example.org/ada/",
    },
    {"id": "mary", "name": "Mary Somerville"},
    {"id": "lukasz", "name": "Łukasz Wróbel"},
]
version = "1.0"
