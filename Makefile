# Everything sets itself up: `make site` and `make test` need only Python 3.11+ and make.
# Another Python, or pinned versions, in a venv of their own:
#   make test PYTHON=python3.13 VENV=.venv-newest
#   make test VENV=.venv-oldest CONSTRAINTS=.ci/oldest-constraints.txt
PYTHON ?= python3
VENV ?= .venv
CONSTRAINTS ?=
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site cv-pdf test lint catalogs clean

$(STAMP): pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test,docs]" \
		$(if $(CONSTRAINTS),--constraint $(CONSTRAINTS))
	touch $(STAMP)

EXAMPLES := homepage blog profile

site: $(STAMP)
	@for site in $(EXAMPLES); do \
		$(BIN)/sphinx-build -q -W --keep-going -b html example_site/$$site example_site/$$site/_build/html || exit 1; \
	done
	@echo
	@echo "The three example sites are built:"
	@echo "  a researcher's homepage:     example_site/homepage/_build/html/index.html"
	@echo "  an organisation's research blog: example_site/blog/_build/html/index.html"
	@echo "  a researcher's profile page: example_site/profile/_build/html/index.html"

cv-pdf: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -b latex example_site/homepage example_site/homepage/_build/latex
	cd example_site/homepage/_build/latex && latexmk -pdf -interaction=nonstopmode -halt-on-error norouzi-cv.tex
	@echo "The CV is example_site/homepage/_build/latex/norouzi-cv.pdf"

test: $(STAMP)
	@$(BIN)/python -c 'import sys, sphinx, docutils; print(f"Python {sys.version.split()[0]}, Sphinx {sphinx.__version__}, docutils {docutils.__version__}")'
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check sphinx_scholar tests scripts
	$(BIN)/ruff format --check sphinx_scholar tests scripts
	$(BIN)/mypy

# After changing a label: update the template and the translations, then compile.
catalogs: $(STAMP)
	$(BIN)/pybabel extract -k _ --no-location -o sphinx_scholar/locale/sphinx_scholar.pot sphinx_scholar
	$(BIN)/pybabel update -D sphinx_scholar -d sphinx_scholar/locale -i sphinx_scholar/locale/sphinx_scholar.pot
	$(BIN)/pybabel compile -D sphinx_scholar -d sphinx_scholar/locale

clean:
	rm -rf $(VENV) example_site/*/_build docs/_build
