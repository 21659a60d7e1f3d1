extensions = ["sphinx_scholar"]
scholar_file_dirs = ["assets/pdf"]
html_baseurl = "https://scholar.example.org/"
version = "1.0"
copyright = "2026, the authors"
