extensions = ["sphinx_scholar"]
project = "Hidden"
exclude_patterns = ["_build", "excluded.rst"]
html_baseurl = "https://hidden.example.org/"
