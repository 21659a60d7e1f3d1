extensions = ["sphinx_scholar"]
scholar_people = [
    {
        "id": "fleet",
        "name": "David J. Fleet",
        "variants": ["David Fleet"],
        "url": "https://example.org/fleet",
    }
]
version = "1.0"
copyright = "2026, the authors"
