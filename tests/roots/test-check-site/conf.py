extensions = ["myst_parser", "sphinx_scholar"]
# papers/ is missing: the PDFs there are not found
scholar_file_dirs = ["slides"]
version = "1.0"
copyright = "2026, the authors"
