"""How the extension behaves in a build: every builder, parse once, and
exact incremental rebuilds (tests/test_differential.py compares builds)."""

import os
import re
import shutil
import time

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar import loaders

BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "epub", "man", "texinfo"]


#: Every test root and the example site, with words of what they show that
#: every builder must write: a title from each directive and role.
SITES = {
    "basic": [
        "Analytical Engines Revisited",
        "Bernoulli Numbers on the Analytical Engine",
        "Connexion",
    ],
    "talks": ["Poetical Science", "81 mins", "UC Berkeley"],
    "cv": ["Sep 2010 - Dec 2015", "Mentors: Samy Bengio, Yoram Singer", "CSC2503"],
    "people": ["Principal investigator", "Mary Somerville", "Research areas"],
    "events": [
        "Platinum Sponsor of ICML 2015",
        "Fellowship in Speech Technology",
        "Workshop on Deep Learning",
    ],
    "files": ["Nothing To Download"],
    "interactive": ["Élan vital", "Bernoulli Numbers on the Difference Engine"],
    "parallel": ["Paper number 0 on engines", "Paper number 7 on engines"],
    "warnings": ["A Good Entry", "A Fine Article", "A Fine Talk"],
    # every directive, and the role, in Markdown pages
    "myst": [
        "Analytical Engines Revisited",  # publications
        "A Talk at EngineConf",  # talks
        "Simon Fraser University",  # cv
        "I write programs for engines",  # profile
        "Charles Babbage",  # people
        "Platinum Sponsor of ICML 2015",  # sponsorship
        "IMLS Board Member - Corinna Cortes",  # event-roles
        "Workshop on Deep Learning",  # event-program
        "Batch Normalization",  # event
        "SCAN: Systematic Content Analysis",  # awards
        "Our people at ICML 2015",  # news
        "Our engines paper: Analytical Engines Revisited",  # the role
    ],
    "example": [
        "Mohammad Norouzi",
        "Neural Combinatorial Optimization",
        "Curriculum Vitae",
    ],
}
#: The data problems a root holds on purpose; -W fails on any other warning.
EXPECTED_WARNINGS = {
    "warnings": ["scholar"],
    "files": ["scholar.file"],
    "people": ["scholar.file", "scholar.person"],
    "talks": ["scholar.reference"],
}


#: Markup between the words a reader sees, in each output format.
MARKUP = [
    (r"\\-|\{-\}|\\sphinxhyphen\{\}", "-"),  # hyphens in man and LaTeX
    (r"<[^>]+>", ""),  # HTML tags
    (r"\\f[BIRP]|\\&|\\%", ""),  # man fonts, zero-width spaces, no-hyphenation
    (r"\\sphinxhref\{[^}]*\}|\\DUrole\{[^}]*\}", ""),  # LaTeX: a URL, a role's class
    (r"@ref\{[^,]*,,", ""),  # a Texinfo cross-reference's target
    (r"\\[A-Za-z]+(\[[^\]]*\])?|[{}]", ""),  # LaTeX commands and braces
]


def written_text(outdir) -> str:
    """The words of every page, chapter and manual a builder wrote."""
    suffixes = {".html", ".xhtml", ".tex", ".txt", ".7", ".1", ".texi"}
    text = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in outdir.rglob("*")
        if path.is_file() and path.suffix in suffixes
    )
    for pattern, replacement in MARKUP:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_renders_every_directive(
    make_app, root_copy, tmp_path, builder, site
):
    srcdir = root_copy(site)
    app = make_app(
        builder,
        srcdir=srcdir,
        builddir=tmp_path / "build",  # the doctrees beside the output, not in it
        freshenv=True,
        warningiserror=True,  # -W; Sphinx builds on (--keep-going) and fails at the end
        confoverrides={"suppress_warnings": EXPECTED_WARNINGS.get(site, [])},
    )
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    assert app.warning.getvalue() == ""
    text = written_text(app.outdir)
    for words in SITES[site]:
        assert words in text, words


@pytest.mark.sphinx("text", testroot="basic", freshenv=True)
def test_text_output_reads_like_the_list(app):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "2019\n====" in text
    assert "**Analytical Engines Revisited**" in text
    assert "ICML, 2019 (to appear, Oral). [pdf] [code] [slides: ppt, pptx]" in text


@pytest.mark.sphinx("latex", testroot="basic", freshenv=True)
def test_latex_highlights_in_bold_and_groups_are_sections(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # the site's own name is bold, not a link (scholar_highlight_links)
    assert r"\sphinxstylestrong{Ada Lovelace*}" in tex
    assert r"\section{2019}" in tex or r"\subsection{2019}" in tex


def counting_loader(monkeypatch):
    calls = []
    original = loaders.LOADERS["publications"]

    def counted(path, *previous):
        calls.append(os.path.basename(path))
        return original(path, *previous)

    monkeypatch.setitem(loaders.LOADERS, "publications", counted)
    return calls


def test_each_data_file_is_parsed_once_per_build(
    make_app, rootdir, tmp_path, monkeypatch
):
    calls = counting_loader(monkeypatch)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-parallel", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    # eight pages show papers.yaml, one shows papers.bib
    assert sorted(calls) == ["papers.bib", "papers.yaml"]


def replace_in(path, old: str, new: str) -> None:
    """Edit a source or data file in place, as a user would.

    The file keeps the clock's stamp: ``edit_file`` in test_incremental.py
    stamps it a second ahead, which the build after next would take for
    another edit.
    """
    path.write_text(
        path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8"
    )


def read_and_written(make_app, srcdir, **kwargs):
    """Build, and say which documents were read and which pages were written."""
    app = make_app("html", srcdir=srcdir, freshenv=False, **kwargs)
    read: list[str] = []
    written: list[str] = []
    app.connect(
        "env-before-read-docs", lambda app, env, docnames: read.extend(docnames)
    )
    app.connect(
        "html-page-context", lambda app, pagename, *args: written.append(pagename)
    )
    app.build()
    return (
        app,
        sorted(read),
        sorted(name for name in written if name not in ("genindex", "search")),
    )


def test_editing_a_data_file_rebuilds_exactly_the_pages_that_show_it(
    make_app, rootdir, tmp_path, monkeypatch
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    read_and_written(make_app, srcdir)

    _, read, written = read_and_written(make_app, srcdir)
    assert read == [] and written == []

    data = srcdir / "data" / "papers.yaml"
    time.sleep(0.01)
    replace_in(data, "A First Program", "The Very First Program")
    calls = counting_loader(monkeypatch)
    app, read, written = read_and_written(make_app, srcdir)
    # the two lists are read again; they and the changed publication's own
    # page are written: not the other publications' pages
    assert read == ["index", "papers"]
    assert written == ["index", "papers", "pub/lovelace2012first"]
    assert calls == ["papers.yaml"]
    soup = BeautifulSoup(
        (app.outdir / "papers.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "The Very First Program" in soup.get_text()

    bib = srcdir / "data" / "papers.bib"
    replace_in(bib, "Retrospective", "Look Back")
    app, read, written = read_and_written(make_app, srcdir)
    assert read == ["bib"]
    # Sphinx itself also rewrites the page whose toctree lists the changed one
    assert written == ["bib", "index", "pub/babbage2016diff"]


def test_editing_the_people_file_rebuilds_the_pages_with_lists(
    make_app, rootdir, tmp_path
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    read_and_written(make_app, srcdir)
    people = srcdir / "data" / "people.yaml"
    # Charles is not highlighted, so his name links to his page
    replace_in(
        people,
        "  name: Charles Babbage\n",
        "  name: Charles Babbage\n  url: https://example.org/charles/\n",
    )
    app, read, written = read_and_written(make_app, srcdir)
    assert read == ["bib", "index", "papers"]
    # every publication page shows the people's links
    assert len([page for page in written if page.startswith("pub/")]) == 6
    assert "https://example.org/charles/" in (app.outdir / "index.html").read_text(
        encoding="utf-8"
    )


def test_unchanged_data_is_not_parsed_again_in_the_next_build(
    make_app, rootdir, tmp_path, monkeypatch
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    read_and_written(make_app, srcdir)
    page = srcdir / "index.rst"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8"
    )

    calls = counting_loader(monkeypatch)
    _, read, _ = read_and_written(make_app, srcdir)
    assert read == ["index"]
    assert calls == []


def test_a_parallel_build_parses_each_file_once(
    make_app, rootdir, tmp_path, monkeypatch
):
    # Workers are separate processes: count the parses in a file.
    log = tmp_path / "parses.log"
    original = loaders.LOADERS["publications"]

    def counted(path):
        with open(log, "a", encoding="utf-8") as file:
            file.write(os.path.basename(path) + "\n")
        return original(path)

    monkeypatch.setitem(loaders.LOADERS, "publications", counted)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-parallel", srcdir)
    app = make_app("html", srcdir=srcdir, parallel=2)
    app.build()
    assert sorted(log.read_text(encoding="utf-8").split()) == [
        "papers.bib",
        "papers.yaml",
    ]


def test_editing_talks_rebuilds_the_pages_with_talks_and_nothing_else(
    make_app, rootdir, tmp_path
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-talks", srcdir)
    read_and_written(make_app, srcdir)
    talks = srcdir / "data" / "talks.yaml"
    replace_in(talks, "Poetical Science", "Poetical Engines")
    app, read, written = read_and_written(make_app, srcdir)
    assert read == ["by-kind", "index"]
    assert written == ["by-kind", "index"]
    assert "Poetical Engines" in (app.outdir / "by-kind.html").read_text(
        encoding="utf-8"
    )


def test_a_page_linking_to_a_moved_publication_is_written_again(
    make_app, rootdir, tmp_path
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-talks", srcdir)
    read_and_written(make_app, srcdir)
    # the publication list moves to another page; the talks page is not read
    # again, but its links to the papers must follow them
    (srcdir / "papers.rst").write_text(
        "Papers\n======\n\nNone here any more.\n", encoding="utf-8"
    )
    (srcdir / "moved.rst").write_text(
        "Moved\n=====\n\n.. publications:: data/papers.yaml\n", encoding="utf-8"
    )
    index = srcdir / "index.rst"
    replace_in(index, "   by-kind\n", "   by-kind\n   moved\n")
    app, read, written = read_and_written(make_app, srcdir)
    assert "by-kind" not in read
    assert "by-kind" in written
    page = BeautifulSoup(
        (app.outdir / "by-kind.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert (
        page.select_one("li.scholar-talk .scholar-links a")["href"]
        == "moved.html#pub-lovelace2019engines"
    )


def test_a_link_to_a_publication_follows_its_new_title(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-talks", srcdir)
    (srcdir / "by-kind.rst").write_text(
        "Cited\n=====\n\nSee :scholar:pub:`lovelace2019engines`.\n", encoding="utf-8"
    )
    read_and_written(make_app, srcdir)
    papers = srcdir / "data" / "papers.yaml"
    replace_in(papers, "Analytical Engines Revisited", "Engines Revisited Again")
    app, read, written = read_and_written(make_app, srcdir)
    # the citing page is not read again, but written with the new title
    assert "by-kind" not in read
    assert "by-kind" in written
    page = BeautifulSoup(
        (app.outdir / "by-kind.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.select_one("a .scholar-pub-ref").get_text() == "Engines Revisited Again"
