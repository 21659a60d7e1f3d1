extensions = ["sphinx_scholar"]
project = "Ada Lovelace"
html_baseurl = "https://example.org/ada/"
scholar_people = [
    {
        "id": "ada",
        "name": "Ada Lovelace",
        "url": "https://example.org/ada",
        "role": "Analyst",
        "links": {
            "email": "ada@example.org",
            "github": "https://github.com/ada",
            "orcid": "https://orcid.org/0000-0000-0000-0000",
            "cv": "https://example.org/ada/cv.pdf",
        },
    },
    {"id": "babbage", "name": "Charles Babbage"},
]
scholar_highlight = "ada"
