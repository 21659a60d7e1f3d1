"""The sphinx-scholar command, run as a user runs it: real files, exit codes, messages."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sphinx_scholar import __version__
from sphinx_scholar.loaders import load_publications

ROOTS = Path(__file__).parent / "roots"


def scholar(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "sphinx_scholar", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_version_and_help():
    assert scholar("--version").stdout.strip() == f"sphinx-scholar {__version__}"
    for command in ("new", "check", "import"):
        done = scholar(command, "--help")
        assert done.returncode == 0 and "usage: sphinx-scholar" in done.stdout


def test_new_site_builds_at_once_with_W(tmp_path):
    site = tmp_path / "site"
    done = scholar("new", site, "--name", "Grace Hopper")
    assert done.returncode == 0, done.stderr
    assert "make html" in done.stderr
    for name in (
        "conf.py",
        "index.rst",
        "data/publications.yaml",
        ".readthedocs.yaml",
        "Makefile",
        ".gitignore",
    ):
        assert (site / name).is_file(), name
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(site),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Grace Hopper" in html and "A First Paper" in html
    assert scholar("check", site).returncode == 0


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    done = scholar("new", tmp_path, "--name", "Grace Hopper")
    assert done.returncode == 2 and "not empty" in done.stderr
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_check_finds_every_problem_with_its_line(tmp_path):
    broken = tmp_path / "papers.yaml"
    broken.write_text(
        "- key: a\n  title: Fine\n  venu: ICML\n"
        "- key: b\n  authors: [X]\n"
        "- key: c\n  title: Dated\n  year: soon\n",
        encoding="utf-8",
    )
    talks = tmp_path / "talks.yaml"
    talks.write_text(
        "- title: T\n  duration: forever\n  speakers: [A]\n", encoding="utf-8"
    )
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@article{x,\n  title = {Unbalanced {braces},\n  year = 2020,\n}\n",
        encoding="utf-8",
    )
    done = scholar("check", broken, talks, bib, cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert (
        "papers.yaml:3: unknown publication field 'venu'; did you mean 'venue'?"
        in lines
    )
    assert any(
        line.startswith("papers.yaml:4: publication 'b' has no 'title'")
        for line in lines
    )
    assert any(
        line.startswith("papers.yaml:8: publication field 'year': 'soon' is not a year")
        for line in lines
    )
    assert any(line.startswith("talks.yaml:2: talk field 'duration'") for line in lines)
    assert any(line.startswith("refs.bib:") and "left out" in line for line in lines)
    assert "problem(s)" in done.stderr


def test_check_a_site_reads_it_as_the_build_does(tmp_path):
    done = scholar("check", ROOTS / "test-warnings")
    assert done.returncode == 1
    out = done.stdout
    assert (
        "bad.yaml:4: unknown publication field 'venu'; did you mean 'venue'? "
        "[scholar.unknown_field]" in out
    )
    # problems the pages make, not only the data files
    assert "index.rst:15: bad filter" in out and "[scholar.reference]" in out
    assert (
        "bad-talks.yaml:5:" in out
        and "bad-cv.yaml:7:" in out
        and "bad-event.yaml:6:" in out
    )
    clean = scholar("check", ROOTS / "test-basic")
    assert clean.returncode == 0, clean.stdout
    assert "test-basic: no problem(s)" in clean.stderr


def test_import_gives_the_same_publications_and_keeps_the_entry(tmp_path):
    source = ROOTS / "test-basic" / "data" / "papers.bib"
    output = tmp_path / "papers.yaml"
    done = scholar("import", source, "-o", output)
    assert done.returncode == 0, done.stderr
    assert "2 new and 0 updated publication(s)" in done.stderr
    imported = load_publications(str(output))
    original = load_publications(str(source))
    assert imported.problems == []
    fields = (
        "key",
        "type",
        "title",
        "authors",
        "venue",
        "year",
        "month",
        "pages",
        "links",
        "selected",
        "doi",
    )
    for a, b in zip(imported.records, original.records, strict=True):
        assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert data[0]["bibtex"].startswith("@inproceedings{lovelace2019bib,")
    assert (
        "pdf = {https://example.org/bernoulli.pdf}" in data[0]["bibtex"]
    )  # kept as written


MESSY_BIBTEX = (
    "@article{tabbed2020,\n"
    "\ttitle\t= {A Title\twith a Tab},   \n"
    "\tauthor = {Ada Lovelace and Charles Babbage},  \n"
    "\tjournal = {Journal of\n\t           Engines},\n"
    "\tyear = 2020,\n"
    "\tabstract = {First line.   \n\t  Second\tline.},\n"
    "}\n\n"
    "@inproceedings{plain2021,\n  title = {Plain},\n  author = {Ada Lovelace},\n"
    "  booktitle = {ICML},\n  year = 2021,\n}\n"
)


def build_html(site: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
        + [str(site), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_import_writes_bibtex_as_readable_blocks_that_build_the_same(tmp_path):
    """Tabs and spaces at the ends of lines, common in exports, would make
    YAML quote the entry on one line with escapes; the import writes it as a
    block, and the site built from the YAML cites as the one from the BibTeX."""
    from sphinx_scholar.loaders.bibtex import load_bibtex

    sites = {}
    for data in ("papers.bib", "papers.yaml"):
        site = sites[data] = tmp_path / data.replace(".", "-")
        (site / "data").mkdir(parents=True)
        (site / "conf.py").write_text('extensions = ["sphinx_scholar"]\n', "utf-8")
        (site / "index.rst").write_text(
            f"Papers\n======\n\n.. publications:: data/{data}\n", "utf-8"
        )
        (site / "data" / "papers.bib").write_text(MESSY_BIBTEX, "utf-8")
    output = sites["papers.yaml"] / "data" / "papers.yaml"
    assert scholar("import", output.with_suffix(".bib"), "-o", output).returncode == 0

    text = output.read_text(encoding="utf-8")
    assert text.count("  bibtex: |") == 2
    assert "\\t" not in text and 'bibtex: "' not in text
    assert (
        "    @article{tabbed2020,\n        title   = {A Title  with a Tab},\n" in text
    )
    originals = load_publications(str(output.with_suffix(".bib"))).records
    for record, original in zip(yaml.safe_load(text), originals, strict=True):
        lines = record["bibtex"].splitlines()
        assert all("\t" not in line and line == line.rstrip() for line in lines)
        [again] = load_bibtex(record["bibtex"], "again.bib", [])
        for name in ("key", "type", "title", "authors", "venue", "year", "abstract"):
            assert getattr(again, name) == getattr(original, name), name

    exported = {}
    for data, site in sites.items():
        done = build_html(site, site / "_build")
        assert done.returncode == 0, done.stderr
        exported[data] = (site / "_build" / "publications.bib").read_text("utf-8")
    assert exported["papers.yaml"] == exported["papers.bib"]
    assert "title = {A Title with a Tab}" in exported["papers.yaml"]


def test_import_never_overwrites_without_being_asked(tmp_path):
    """An existing file is merged into, after asking; with no terminal to
    ask, only --yes writes; --force replaces it."""
    source = ROOTS / "test-basic" / "data" / "papers.bib"
    output = tmp_path / "papers.yaml"
    output.write_text("# mine\n", encoding="utf-8")
    refused = scholar("import", source, "-o", output)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert "+ lovelace2019bib" in refused.stdout  # the diff is shown
    assert output.read_text(encoding="utf-8") == "# mine\n"
    merged = scholar("import", source, "-o", output, "--yes")
    assert merged.returncode == 0, merged.stderr
    text = output.read_text(encoding="utf-8")
    assert text.startswith("# mine\n- key: lovelace2019bib\n")
    assert scholar("import", source, "-o", output, "--force").returncode == 0
    assert output.read_text(encoding="utf-8").startswith("# Publications imported")


def test_the_directive_kinds_known_to_the_source_scanner_match_the_directives():
    from sphinx_scholar.extension import DIRECTIVES
    from sphinx_scholar.page_scan import DIRECTIVE_KINDS

    assert {
        name: directive.kind for name, directive in DIRECTIVES.items()
    } == DIRECTIVE_KINDS


def test_the_scanner_skips_examples_in_code_blocks():
    from sphinx_scholar.page_scan import named_files

    text = (
        ".. publications:: data/a.yaml\n\n"
        ".. code-block:: rst\n\n   .. publications:: data/example.yaml\n\n"
        "Literal::\n\n   .. talks:: data/literal.yaml\n\n"
        ".. container:: box\n\n   .. talks:: data/t.yaml\n\n"
        "```{publications} data/m.bib\n:group: none\n```\n\n"
        "```rst\n.. cv:: data/fenced.yaml\n```\n\n"
        ".. event:: /data/e.yaml\n"
    )
    found = named_files(text, "/site/index.rst", "/site")
    assert found == [
        ("/site/data/a.yaml", "publications"),
        ("/site/data/t.yaml", "talks"),
        ("/site/data/m.bib", "publications"),
        ("/site/data/e.yaml", "event"),
    ]


@pytest.mark.parametrize(
    "name", ['Ada "Countess" Lovelace', "Lovelace, Ada", "Ada: PhD"]
)
def test_new_writes_a_name_that_conf_py_and_yaml_read_back(tmp_path, name):
    import runpy

    from sphinx_scholar.cli import main

    target = tmp_path / "site"
    assert main(["new", str(target), "--name", name]) == 0
    settings = runpy.run_path(str(target / "conf.py"))
    assert name in settings["copyright"]
    for path in (target / "data").glob("*.yaml"):
        yaml.safe_load(path.read_text(encoding="utf-8"))


def test_new_asks_for_the_name_and_says_how_to_install_the_theme(tmp_path):
    done = scholar("new", tmp_path / "site")
    assert done.returncode == 2 and "--name" in done.stderr
    assert not (tmp_path / "site").exists()
    done = scholar("new", tmp_path / "site", "--name", "Grace Hopper")
    assert "pip install -r requirements.txt" in done.stderr
