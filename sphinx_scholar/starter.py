"""The files of a new site (``sphinx-scholar new``): it builds at once, and its
data files say in comments how to fill them in."""

from __future__ import annotations

import datetime

CONF = """\
# The configuration of your academic site. Sphinx reads it before building.
import os

project = "{{name}}"
author = "{{name}}"
copyright = "{{year}}, {{name}}"
# The site's edition, which e-books (epub) need: a year is enough.
version = "{{year}}"

# sphinx_scholar also writes each page's description and link preview
# (OpenGraph); a sitemap for search engines is added below, once the site has
# an address.
extensions = ["sphinx_scholar"]

# Who you and your co-authors are: links, name variants, groups.
scholar_people_file = "data/people.yaml"
# Whom every list highlights (a person id from data/people.yaml).
scholar_highlight = ["me"]

# Furo: light, so the site opens fast on a phone (Lighthouse: 100 of 100; the
# heavier sphinx-book-theme and pydata-sphinx-theme score from 80 to 98, and
# about 60 where the host does not compress), with a light and a dark mode.
# docs/howto/homepage.rst in sphinx-scholar has the settings of the other
# themes, and their scores.
html_theme = "furo"
html_title = "{{name}}"
html_favicon = "favicon.svg"
# A homepage, not documentation: no "Edit this page" button, no "Made with
# Sphinx" in the footer.
html_show_sphinx = False
html_theme_options = {"top_of_page_buttons": []}
# The left sidebar (a menu on a phone): the site's name, the search, the pages.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
# Your site's address, for canonical links, Google Scholar's absolute links,
# link previews and the sitemap. Read the Docs tells it; for another host,
# write it in place of "".
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
if html_baseurl:
    extensions.append("sphinx_sitemap")
    # the sitemap's addresses: the pages' own, without a language or version
    sitemap_url_scheme = "{link}"
    sitemap_excludes = ["search.html", "genindex.html"]

exclude_patterns = ["_build", "README.md"]

# The PDF (make pdf): the homepage as a short CV, without a table of contents,
# chapters or blank pages.
latex_documents = [("index", "cv.tex", "Curriculum Vitae", author, "howto")]
latex_toplevel_sectioning = "section"
latex_elements = {"tableofcontents": "", "extraclassoptions": "oneside"}
"""

INDEX = """\
:hide-toc:

{{rule}}
{{name}}
{{rule}}

.. profile:: me

   A paragraph about you and your research. This is reStructuredText:
   *emphasis*, **strong**, `links <https://example.org>`__.

Publications
============

.. publications:: data/publications.yaml
   :collapse-before: 2020

Talks
=====

.. talks:: data/talks.yaml

Education
=========

.. cv:: data/cv.yaml
   :sections: education

Experience
==========

.. cv:: data/cv.yaml
   :sections: positions
"""

PEOPLE = """\
# People: you and your co-authors. Authors in the other files match a person
# through their name or any of their variants ("A. Lovelace", "Lovelace, Ada"),
# and are linked to the person's url.
- id: me
  name: {{name}}
  variants: []
  role: PhD student
  affiliation: Your University
  # A picture of you, next to this file: square, at least 300 pixels wide.
  photo: photo.svg
  url: https://example.org/
  # Shown as icons: scholar, orcid, github, gitlab, email, cv, web, twitter,
  # mastodon, bluesky, linkedin, dblp, semanticscholar, researchgate.
  links:
    scholar: https://scholar.google.com/
    github: https://github.com/
    email: you@example.org
  areas: [Your research area]
  groups: [lab]
"""

PUBLICATIONS = """\
# Your publications. Only the title is required; "sphinx-scholar import
# papers.bib" turns a BibTeX export into this form, or name a .bib file in
# index.rst instead.
- key: me2024first
  type: conference        # journal, conference, workshop, preprint, thesis, ...
  title: A First Paper
  authors: [{{name}}, Charles Babbage]
  venue: A Conference
  year: 2024
  notes: [Oral]
  links:
    pdf: https://example.org/first.pdf
    code: https://github.com/
- key: me2019early
  type: journal
  title: An Early Paper
  authors: [Charles Babbage, "{{name}}"]
  venue: A Journal
  volume: 12
  year: 2019
"""

TALKS = """\
# Your talks. duration is in minutes; publication is the key of the paper a
# talk presents.
- key: first-talk
  title: A First Paper
  kind: conference        # keynote, invited, lecture, tutorial, conference, ...
  event: A Conference 2024
  date: 2024-06-12
  duration: 20
  url: https://example.org/recording
  publication: me2024first
"""

CV = """\
# Your CV, section by section: education, positions, teaching, service, honors.
education:
  - degree: PhD student
    field: Computer Science
    institution: Your University
    advisors: [Charles Babbage]
    start: 2021-09
    end: present
positions:
  - title: Research Intern
    kind: internship
    organisation: A Lab
    place: Somewhere
    mentors: [Mary Somerville]
    when: Summer 2023
"""

READTHEDOCS = """\
# Read the Docs builds the site from this file: import the repository on
# readthedocs.org and every push publishes the site.
version: 2
build:
  os: ubuntu-24.04
  tools:
    python: "3.12"
sphinx:
  configuration: conf.py
  # A problem in a data file (a missing PDF, a typo) is reported in the build
  # log and leaves out only what it concerns: the rest of the site is still
  # published. The check in .github/workflows/check.yml fails on it instead.
  fail_on_warning: false
python:
  install:
    - requirements: requirements.txt
"""

CHECK_WORKFLOW = """\
# GitHub runs "sphinx-scholar check" on every push and pull request: it fails,
# with the file and line of each problem, where "make html" would.
name: check
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt
      - run: sphinx-scholar check
"""

REQUIREMENTS = "sphinx-scholar\nfuro\nsphinx-sitemap\n"

MAKEFILE = """\
# make html: build the site into _build/html
SPHINXBUILD ?= sphinx-build

html:
\t$(SPHINXBUILD) -M html . _build -W --keep-going

# make pdf: your CV, _build/latex/cv.pdf (needs LaTeX and latexmk)
pdf:
\t$(SPHINXBUILD) -M latexpdf . _build -W --keep-going

clean:
\trm -rf _build

.PHONY: html pdf clean
"""

GITIGNORE = "_build/\n"

#: a stand-in for the owner's photo (data/people.yaml names it)
PHOTO = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">
  <rect width="240" height="240" fill="#c9ced6"/>
  <circle cx="120" cy="95" r="45" fill="#f4f5f7"/>
  <ellipse cx="120" cy="225" rx="80" ry="70" fill="#f4f5f7"/>
</svg>
"""

README = """\
# {{name}}

An academic site built with sphinx-scholar: `make html`, then open
`_build/html/index.html`; `make pdf` makes a CV of it, `_build/latex/cv.pdf`.
Edit the data files in `data/`, and check them with `sphinx-scholar check`.
"""

FAVICON = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
<rect width="32" height="32" rx="6" fill="#2962a4"/>\
<path d="M9 24 16 8l7 16M11.6 18h8.8" fill="none" stroke="#fff" stroke-width="3"/>\
</svg>
"""

#: path in the new site -> text
STARTER_FILES = {
    "conf.py": CONF,
    "index.rst": INDEX,
    "data/people.yaml": PEOPLE,
    "data/photo.svg": PHOTO,
    "favicon.svg": FAVICON,
    "data/publications.yaml": PUBLICATIONS,
    "data/talks.yaml": TALKS,
    "data/cv.yaml": CV,
    ".readthedocs.yaml": READTHEDOCS,
    ".github/workflows/check.yml": CHECK_WORKFLOW,
    "requirements.txt": REQUIREMENTS,
    "Makefile": MAKEFILE,
    ".gitignore": GITIGNORE,
    "README.md": README,
}


def _yaml_text(name: str) -> str:
    """``name`` as a double-quoted YAML string: a comma, a colon, a quote or a
    backslash in it stays text."""
    import yaml  # here: ``sphinx-scholar --help`` does not load PyYAML

    return yaml.safe_dump(
        name, default_style='"', allow_unicode=True, width=float("inf")
    ).strip()


def _python_text(text: str) -> str:
    """``text`` as a Python string, in double quotes where it can be."""
    written = repr(text)
    if written.startswith("'") and '"' not in text:
        written = '"' + written[1:-1] + '"'
    return written


def fill(relative: str, text: str, name: str) -> str:
    """The text of the starter file ``relative`` for the site of ``name``,
    which is written as each file's language writes text: a Python string in
    ``conf.py``, a quoted string in YAML."""
    year = str(datetime.date.today().year)
    if relative == "conf.py":
        text = text.replace('"{{year}}, {{name}}"', _python_text(f"{year}, {name}"))
        text = text.replace('"{{name}}"', _python_text(name))
    elif relative.endswith(".yaml"):
        text = text.replace('"{{name}}"', "{{name}}")
        text = text.replace("{{name}}", _yaml_text(name))
    # one line: a line break would end a reStructuredText title
    shown = " ".join(name.split())
    text = text.replace("{{name}}", shown).replace("{{year}}", year)
    return text.replace("{{rule}}", "#" * len(shown))
