extensions = ["sphinx_scholar"]
project = "Whole posts"
author = "The Engines Lab"
copyright = "2026, the authors"
version = "1.0"
exclude_patterns = ["_build"]
