"""The options a site uses to write its lists as it always has: the text of
links of several files (``scholar_link_format``), older years not folded
(``:fold: none``), talks without a full stop (``:full-stop: no``), and the
parts of a CV entry (``:show:``, ``:hide:``)."""

import shutil

import pytest
from bs4 import BeautifulSoup

BRACKETS = {"scholar_entry_style": "brackets"}


def html(app, name="index"):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def venue_lines(soup):
    return [line.get_text() for line in soup.select(".scholar-venue")]


def copy_root(rootdir, tmp_path, name, page, old, new):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    path = srcdir / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return srcdir


# scholar_link_format ------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_links_of_several_files_read_label_colon_files_by_default(app):
    app.build()
    lines = venue_lines(html(app))
    assert any("[slides: ppt, pptx]" in line for line in lines)
    assert any("[dataset: 2-hop, 3-hop]" in line for line in lines)


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={**BRACKETS, "scholar_link_format": "{label}:{files:/}"},
)
def test_one_link_format_writes_every_label(app):
    app.build()
    lines = venue_lines(html(app))
    assert any("[slides:ppt/pptx]" in line for line in lines)
    assert any("[dataset:2-hop/3-hop]" in line for line in lines)
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={**BRACKETS, "scholar_link_format": {"slides": "{label}:{files:/}"}},
)
def test_a_label_gets_a_format_of_its_own(app):
    """As the seed homepage writes them: ``[slides:ppt/pptx]`` beside
    ``[dataset: 2-hop, 3-hop]``; each file is still its own link."""
    app.build()
    soup = html(app)
    lines = venue_lines(soup)
    assert any("[slides:ppt/pptx]" in line for line in lines)
    assert any("[dataset: 2-hop, 3-hop]" in line for line in lines)
    first = soup.select_one("li.scholar-publication")
    assert [a.get_text() for a in first.select(".scholar-links a")][2:4] == [
        "ppt",
        "pptx",
    ]


@pytest.mark.sphinx(
    "text",
    testroot="basic",
    freshenv=True,
    confoverrides={"scholar_link_format": {"*": "{files: | } ({label})"}},
)
def test_the_link_format_is_the_same_in_other_builders(app):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "[ppt | pptx (slides)]" in text
    assert "[2-hop | 3-hop (dataset)]" in text


@pytest.mark.parametrize(
    "value, problem",
    [
        ("{label}", "it needs {files}"),
        ("{label}: {urls}", "not {urls}"),
        ("{label: {files}", "a format that can be read"),
        (["{label}"], "a format or a mapping of labels to formats"),
    ],
)
def test_a_link_format_that_cannot_be_read_is_a_warning(
    make_app, rootdir, tmp_path, value, problem
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(
        "html",
        srcdir=srcdir,
        freshenv=True,
        confoverrides={**BRACKETS, "scholar_link_format": value},
    )
    app.build()
    warnings = app.warning.getvalue()
    assert "conf.py: scholar_link_format should be" in warnings
    assert problem in warnings
    # the default is kept
    assert any("[slides: ppt, pptx]" in line for line in venue_lines(html(app)))


# :fold: none ---------------------------------------------------------------------


def test_fold_none_shows_the_older_years_under_their_heading(
    make_app, rootdir, tmp_path
):
    srcdir = copy_root(
        rootdir,
        tmp_path,
        "basic",
        "index.rst",
        ":collapse-before: 2016",
        ":collapse-before: 2016\n   :fold: none",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    soup = html(app)
    assert soup.select("details.scholar-fold") == []
    assert "Show the" not in soup.get_text()
    older = soup.select("section.scholar-group")[-1]
    assert older.find(["h2", "h3"]).get_text(strip=True).rstrip("#¶") == "≤ 2015"
    assert older.select("li.scholar-publication")


# :full-stop: no -------------------------------------------------------------------


def talk_lines(soup):
    return [
        li.select_one(".scholar-title").get_text()
        for li in soup.select("li.scholar-talk")
    ]


def test_talks_without_a_full_stop(make_app, rootdir, tmp_path):
    srcdir = copy_root(
        rootdir,
        tmp_path,
        "talks",
        "index.rst",
        "   :highlight: ada",
        "   :highlight: ada\n   :full-stop: no",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert talk_lines(html(app)) == [
        "[18 mins] Analytical Engines Revisited at ICML 2019 [slides] [paper]",
        "[81 mins] Lecture on “Towards a unified view of engines” at UC Berkeley, 2017",
        "[53 mins] Poetical Science at Royal Society, 2016",
        "A Talk Before Recordings (2012)",
    ]


def test_a_lectures_quotes_follow_the_sites_smartquotes(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-talks", srcdir)
    app = make_app(
        "html", srcdir=srcdir, freshenv=True, confoverrides={"smartquotes": False}
    )
    app.build()
    assert talk_lines(html(app))[1] == (
        '[81 mins] Lecture on "Towards a unified view of engines" at UC Berkeley, 2017.'
    )


# the parts of a CV entry ---------------------------------------------------------


def cv_lines(soup):
    return [
        [line.get_text() for line in li.select(".line")]
        for li in soup.select("li.scholar-cv-entry")
    ]


def test_a_cv_entry_hides_its_thesis(make_app, rootdir, tmp_path):
    srcdir = copy_root(
        rootdir,
        tmp_path,
        "cv",
        "parts.rst",
        "   :sections: education\n",
        "   :sections: education\n   :hide: thesis\n",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    shown = cv_lines(html(app, "parts"))[0]
    assert shown and not any(line.startswith("Thesis:") for line in shown)
    # the whole CV still has it
    assert any(
        line.startswith("Thesis:") for entry in cv_lines(html(app)) for line in entry
    )


def test_a_cv_entry_shows_only_the_parts_named(make_app, rootdir, tmp_path):
    srcdir = copy_root(
        rootdir,
        tmp_path,
        "cv",
        "parts.rst",
        "   :filter: type == internship\n",
        "   :filter: type == internship\n   :show: title\n",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    internships = html(app, "parts").select(".scholar-cv-positions")[0]
    for entry in internships.select("li.scholar-cv-entry"):
        assert len(entry.select(".line")) == 1
