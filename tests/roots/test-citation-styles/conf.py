extensions = ["sphinx_scholar"]
project = "Citation styles"
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
scholar_highlight = ["Ada Lovelace"]
