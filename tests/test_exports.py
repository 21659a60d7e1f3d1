"""The outputs of the whole site (the BibTeX export, the feed, the events'
calendar files, the publication pages' search entries) are written each on
its own: one that cannot be written costs none of the others."""

import xml.etree.ElementTree as ElementTree

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_scholar import exports

from .test_differential import scholar_warnings


def test_noncharacters_are_removed_and_the_feed_is_written(make_app, root_copy):
    srcdir = root_copy("events")
    papers = srcdir / "data" / "papers.yaml"
    text = papers.read_text(encoding="utf-8")
    # as YAML escapes them: PyYAML refuses the characters themselves
    papers.write_text(
        text.replace('title: "', 'title: "Non\\uFFFEcharacter \\uFFFF', 1),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    feed = ElementTree.parse(app.outdir / "publications.atom").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(title.startswith("Noncharacter ") for title in titles)
    assert not any("\ufffe" in t or "\uffff" in t for t in titles)
    assert [w for w in scholar_warnings(app) if "[scholar.text]" in w]
    assert list((app.outdir / "_calendar").glob("*.ics"))


def test_an_export_that_fails_costs_none_of_the_others(
    make_app, root_copy, monkeypatch
):
    def broken(*args):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(exports, "write_feed", broken)
    srcdir = root_copy("events")
    app = make_app("html", srcdir=srcdir)
    app.build()
    (warning,) = [w for w in scholar_warnings(app) if "[scholar.export]" in w]
    assert "publications.atom could not be written" in warning
    assert not (app.outdir / "publications.atom").exists()
    assert (app.outdir / "publications.bib").exists()
    assert list((app.outdir / "_calendar").glob("*.ics"))


def test_two_events_whose_names_make_one_key_get_a_calendar_file_each(
    make_app, root_copy
):
    from bs4 import BeautifulSoup

    srcdir = root_copy("events")
    data = srcdir / "data" / "conf2015.yaml"
    other = data.read_text(encoding="utf-8").replace(
        "name: ICML 2015", "name: 'ICML: 2015'"
    )
    (srcdir / "data" / "other.yaml").write_text(
        other.replace("Lille, France", "Elsewhere"), encoding="utf-8"
    )
    (srcdir / "news" / "other.rst").write_text(
        "Other\n=====\n\n.. event:: /data/other.yaml\n", encoding="utf-8"
    )
    for parallel in (1, 2):
        app = make_app(
            "html", srcdir=srcdir, parallel=parallel, freshenv=True,
            builddir=srcdir / f"_build{parallel}",
        )  # fmt: skip
        app.build()
        places = {}
        for page in ("news/roundup.html", "news/other.html"):
            soup = BeautifulSoup((app.outdir / page).read_text("utf-8"), "html.parser")
            href = soup.select_one("a.scholar-calendar")["href"]
            ics = (app.outdir / "news" / href).resolve().read_text(encoding="utf-8")
            places[page] = "Elsewhere" in ics
        assert places == {"news/roundup.html": False, "news/other.html": True}


def test_one_key_in_two_shown_files_is_reported(make_app, root_copy):
    srcdir = root_copy("basic")
    bib = srcdir / "data" / "papers.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{lovelace2012first,\n  title = {Another First},\n  year = 2012,\n}\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    found = [w for w in scholar_warnings(app) if "[scholar.duplicate_key]" in w]
    (warning,) = found
    assert "papers.bib" in warning and "papers.yaml" in warning
    assert "'lovelace2012first'" in warning


@settings(max_examples=100)
@given(st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), max_size=8))
def test_the_bibtex_export_always_parses_with_one_entry_per_record(pairs):
    """Keys with braces, blanks or quotes, and keys twice, in any case."""
    from pybtex.database import parse_string

    from sphinx_scholar.model import Publication

    records = [Publication(key=key, title=title) for key, title in pairs]
    text = "\n\n".join(exports.exported_entries(records))
    entries = parse_string(text, "bibtex").entries
    assert len(entries) == len(records)
