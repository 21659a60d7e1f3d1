extensions = ["sphinx_scholar"]
scholar_file_dirs = ["assets/pdf"]
html_baseurl = "https://scholar.example.org/"
