extensions = ["sphinx_scholar"]
html_theme = "sphinx_book_theme"
# without a default mode the theme's script logs a console error on a first visit
html_context = {"default_mode": "auto"}
project = "Entry look"
copyright = "2026, the authors"
exclude_patterns = ["_build"]
version = "1.0"

scholar_people = [
    {"id": "me", "name": "Mohammad Norouzi", "url": "https://example.org/me/"},
    {"id": "dale", "name": "Dale Schuurmans", "url": "https://example.org/dale/"},
]
scholar_highlight = ["me"]
scholar_venues_file = "data/venues.yaml"
