extensions = ["sphinx_scholar"]
scholar_people = [
    {"id": "samy", "name": "Samy Bengio", "groups": ["engines"]},
    {"id": "corinna", "name": "Corinna Cortes", "groups": ["engines"]},
    {
        "id": "oriol",
        "name": "Oriol Vinyals",
        "variants": ["O. Vinyals"],
        "groups": ["engines"],
    },
]
version = "1.0"
copyright = "2026, the authors"
