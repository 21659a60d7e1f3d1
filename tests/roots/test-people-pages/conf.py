extensions = ["sphinx_scholar"]
project = "Lab"
scholar_people_pages = "people"
scholar_highlight = ["ada"]
scholar_people = [
    {
        "id": "ada",
        "name": "Ada Lovelace",
        "role": "Principal investigator",
        "affiliation": "Analytical Lab",
        "links": {"orcid": "https://orcid.org/0000-0002-1825-0097"},
        "areas": ["engines", "poetry"],
    },
    {"id": "charles", "name": "Charles Babbage", "role": "Engineer"},
    {"id": "mary", "name": "Mary Somerville", "url": "https://example.org/mary/"},
]
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
