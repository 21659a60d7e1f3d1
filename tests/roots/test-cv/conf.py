extensions = ["sphinx_scholar"]
scholar_people = [
    {
        "id": "fleet",
        "name": "David J. Fleet",
        "variants": ["David Fleet"],
        "url": "https://example.org/fleet",
    }
]
