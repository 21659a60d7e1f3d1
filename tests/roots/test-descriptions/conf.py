extensions = ["sphinx_scholar"]
project = "Ada Lovelace"
exclude_patterns = ["_build"]
html_baseurl = "https://ada.example.org/"
scholar_people = [
    {"id": "ada", "name": "Ada Lovelace", "role": "Analyst", "affiliation": "London"}
]
