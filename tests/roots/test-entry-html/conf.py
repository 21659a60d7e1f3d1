extensions = ["sphinx_scholar"]
project = "Entry lines"
exclude_patterns = ["_build"]

scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "url": "https://example.org/~ada?x=1&y='2'"},
    {"id": "mail", "name": "Mae Ling", "url": "mailto:mae@example.org"},
    {"id": "grace", "name": "Grace Hopper"},
]
scholar_highlight = ["grace"]
scholar_people_pages = "people"
scholar_venues_file = "data/venues.yaml"
