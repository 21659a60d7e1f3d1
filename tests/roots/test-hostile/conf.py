extensions = ["sphinx_scholar"]
project = "Hostile data"
copyright = "2026, the authors"
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/site/"
scholar_people_file = "data/people.yaml"
scholar_highlight = ["eve"]
# The tests compare the pages' text with the data, character for character.
smartquotes = False
