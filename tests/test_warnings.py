"""Bad input gives located warnings, every good entry still renders, and -W fails."""

import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_scholar.diagnostics import Subtype


def warnings_of(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def find(lines, *parts):
    """The one warning line that contains every part."""
    found = [line for line in lines if all(part in line for part in parts)]
    assert len(found) == 1, (parts, lines)
    return found[0]


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_data_file_problems_name_file_and_line(app):
    app.build()
    lines = warnings_of(app)
    find(
        lines,
        "bad.yaml:4:",
        "unknown publication field 'venu'; did you mean 'venue'?",
        "[scholar.unknown_field]",
    )
    find(lines, "bad.yaml:6:", "'no-title' has no 'title'", "[scholar.missing_field]")
    find(
        lines,
        "bad.yaml:11:",
        "'authors' should be a list of names",
        "[scholar.field_type]",
    )
    find(lines, "bad.yaml:15:", "'soon' is not a year", "[scholar.date]")
    find(
        lines,
        "bad.yaml:17:",
        "link field 'pdf': 'javascript:alert(1)' is not a safe URL",
        "[scholar.url]",
    )
    find(
        lines,
        "bad.yaml:19:",
        "duplicate key 'good' (first on line 1)",
        "[scholar.duplicate_key]",
    )
    find(
        lines,
        "broken.bib:4:",
        "undefined @string macro 'nojournal'",
        "[scholar.syntax]",
    )
    find(lines, "broken.bib:", "'broken' is left out", "[scholar.syntax]")


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_directive_problems_point_at_the_directive(app):
    app.build()
    lines = warnings_of(app)
    find(
        lines,
        "index.rst:13:",
        "data file not found: data/nowhere.yaml",
        "[scholar.data_file]",
    )
    find(lines, "index.rst:15:", "bad filter", "expected", "[scholar.filter]")
    find(
        lines,
        "index.rst:18:",
        "cannot sort by 'yeer'; did you mean 'year'?",
        "[scholar.option]",
    )
    find(lines, "index.rst:18:", "cannot group by 'colour'", "[scholar.option]")
    find(lines, "index.rst:18:", ":limit: needs a whole number", "[scholar.option]")
    find(lines, "index.rst:18:", "does not know 'pictures'", "[scholar.option]")
    find(lines, "conf.py (scholar_people)", "has no 'id'", "[scholar.missing_field]")
    find(
        lines,
        "index.rst:24:",
        "highlight 'Nobody Known' is no person id, group or author of data/bad.yaml",
        "[scholar.person]",
    )
    assert not [
        line
        for line in lines
        if "highlight 'ada'" in line or "highlight 'Ada Lovelace'" in line
    ]


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_talk_and_cv_problems_name_file_and_line(app):
    app.build()
    lines = warnings_of(app)
    find(
        lines,
        "bad-talks.yaml:5:",
        "'forever' is not a duration",
        "[scholar.field_type]",
    )
    find(lines, "bad-talks.yaml:6:", "unknown talk kind 'rant'", "[scholar.field_type]")
    find(lines, "bad-talks.yaml:7:", "'2019-13-01' is not a date", "[scholar.date]")
    find(lines, "bad-talks.yaml:8:", "talk has no 'title'", "[scholar.missing_field]")
    find(lines, "bad-cv.yaml:4:", "'sometime' is not a date", "[scholar.date]")
    find(
        lines,
        "bad-cv.yaml:6:",
        "education entry has no 'degree'",
        "[scholar.missing_field]",
    )
    find(
        lines,
        "bad-cv.yaml:7:",
        "unknown CV section 'hobbies'",
        "[scholar.unknown_field]",
    )
    find(
        lines,
        "bad-cv.yaml:11:",
        "unknown position kind 'apprentice'",
        "[scholar.field_type]",
    )
    find(lines, "bad-cv.yaml:12:", "'present' is not a date", "[scholar.date]")
    soup = BeautifulSoup(
        (app.outdir / "more.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [t.get_text() for t in soup.select("li.scholar-talk .scholar-title")] == [
        "[20 mins] A Fine Talk.",
        "Too Long.",
    ]
    assert len(soup.select("li.scholar-cv-entry")) == 2


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_problems_of_a_file_shown_twice_are_reported_once(app):
    app.build()
    assert sum("'venu'" in line for line in warnings_of(app)) == 1


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_good_entries_still_render(app):
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "again.html").read_text(encoding="utf-8"), "html.parser"
    )
    titles = [
        t.get_text() for t in soup.select("li.scholar-publication .scholar-title")
    ]
    # a field written twice: the later value wins
    assert titles == [
        "A Good Entry",
        "Authors Is A Number",
        "The Second Title",
        "An Unsafe Link",
    ]
    unsafe = soup.select("li.scholar-publication")[3]
    links = unsafe.select(".scholar-buttons a.scholar-button")
    assert [a["href"] for a in links] == ["https://example.org/code", "pub/unsafe.html"]
    assert "javascript" not in str(soup)
    index = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    bib_titles = [t.get_text() for t in index.select(".scholar-title")]
    assert "A Fine Article" in bib_titles and "Another Fine Article" in bib_titles


def run_sphinx(srcdir, outdir, *args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            *args,
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


#: Every kind of warning, as ``suppress_warnings`` names it.
KINDS = [f"scholar.{subtype}" for subtype in Subtype]


def kind_of(line: str) -> str:
    return re.search(r"\[(scholar\.\w+)\]", line).group(1)


@pytest.fixture(scope="module")
def warnings_root(tmp_path_factory, rootdir):
    """The warnings root, and every warning a build of it gives."""
    srcdir = tmp_path_factory.mktemp("warnings") / "src"
    shutil.copytree(rootdir / "test-warnings", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir.parent / "all")
    try:
        app.build()
    finally:
        app.cleanup()
    return srcdir, warnings_of(app)


def test_W_fails_the_build_and_suppress_warnings_silences_each_kind(
    warnings_root, tmp_path
):
    srcdir, _ = warnings_root
    failed = run_sphinx(srcdir, tmp_path / "out1", "-W", "--keep-going")
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    quiet = run_sphinx(
        srcdir,
        tmp_path / "out2",
        "-W",
        "--keep-going",
        "-D",
        f"suppress_warnings={','.join(KINDS)}",
    )
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr.strip() == ""


@pytest.mark.parametrize("kind", KINDS)
def test_suppressing_one_kind_silences_exactly_that_kind(
    make_app, warnings_root, tmp_path, kind
):
    srcdir, every_warning = warnings_root
    # the warnings root holds a problem of every kind: add one for a new kind
    assert [line for line in every_warning if kind_of(line) == kind] != []
    app = make_app(
        "html",
        srcdir=srcdir,
        builddir=tmp_path,
        freshenv=True,
        confoverrides={"suppress_warnings": [kind]},
    )
    app.build()
    assert warnings_of(app) == [line for line in every_warning if kind_of(line) != kind]


@pytest.mark.parametrize("parallel", [1, 2])
def test_a_problem_shown_by_several_lists_is_reported_once(
    make_app, rootdir, tmp_path, parallel
):
    """Three lists on two pages show one entry with a missing PDF and an
    unknown person id, and two profiles show a missing photo: one warning
    each. The entry no list shows is not looked at."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-warned-once", srcdir)
    app = make_app("html", srcdir=srcdir, parallel=parallel, freshenv=True)
    app.build()
    lines = warnings_of(app)
    find(lines, "papers.yaml:1:", "'engine' links to 'engine.pdf'", "[scholar.file]")
    find(lines, "papers.yaml:1:", "unknown person id 'adaa'", "[scholar.person]")
    find(lines, "picture 'data/missing.jpg' of 'ada' not found", "[scholar.file]")
    assert not [line for line in lines if "draft.pdf" in line]
    assert len(lines) == 3, lines

    # The PDF copied in: the pages that show it are read again, and link it.
    (srcdir / "data" / "engine.pdf").write_bytes(b"%PDF-1.4\n")
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    assert not [line for line in warnings_of(app) if "engine.pdf" in line]
    for page in ("index.html", "more.html"):
        soup = BeautifulSoup((app.outdir / page).read_text(), "html.parser")
        assert soup.select_one("#pub-engine a.download[href$='engine.pdf']"), page
