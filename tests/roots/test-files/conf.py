extensions = ["sphinx_scholar"]
scholar_file_dirs = ["assets/pdf"]
