"""A page per person of the registry (``scholar_people_pages``): their
profile and the publications of theirs the site lists, names linking to it,
written only when what it shows changed."""

from __future__ import annotations

import json
import os

import pytest
from bs4 import BeautifulSoup

from .test_build import replace_in


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def author_links(soup: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in soup.select(".scholar-authors a")}


@pytest.fixture
def site(make_app, root_copy):
    return make_app("html", srcdir=root_copy("people-pages"), freshenv=True)


def test_each_person_has_a_page_with_profile_and_listed_publications(site):
    site.build()
    assert sorted(p.name for p in (site.outdir / "people").iterdir()) == [
        "ada.html",
        "charles.html",
        "mary.html",
    ]
    ada = soup_of(site.outdir / "people" / "ada.html")
    assert (
        ada.select_one("section.scholar-person-page h1")
        .get_text()
        .startswith("Ada Lovelace")
    )
    profile = ada.select_one(".scholar-profile")
    assert profile.select_one(".scholar-role").get_text() == "Principal investigator"
    assert "engines, poetry" in profile.select_one(".scholar-areas").get_text()
    assert profile.select_one('a[href="https://orcid.org/0000-0002-1825-0097"]')
    charles = soup_of(site.outdir / "people" / "charles.html")
    titles = [
        t.get_text() for t in charles.select(".scholar-publications .scholar-title")
    ]
    # newest first; the draft that the site's list hides is not there either
    assert titles == ["Notes on the Engine", "The Difference Engine"]
    # titles lead to the publications' pages
    link = charles.select_one(".scholar-title a")
    assert link["href"] == "../pub/notes.html"
    assert not any("Draft" in t for t in charles.stripped_strings)
    assert "WARNING" not in site.warning.getvalue()


def test_names_link_to_their_page_unless_the_registry_gives_a_url(site):
    site.build()
    index = author_links(soup_of(site.outdir / "index.html"))
    assert index["Charles Babbage"] == "people/charles.html"
    assert index["Mary Somerville"] == "https://example.org/mary/"
    # the site's owner stays bold and unlinked in lists (scholar_highlight_links)
    assert "Ada Lovelace" not in index
    page = author_links(soup_of(site.outdir / "pub" / "notes.html"))
    assert page["Charles Babbage"] == "../people/charles.html"
    assert page["Ada Lovelace"] == "../people/ada.html"
    # on their own page, a name is not a link to the page itself
    own = author_links(soup_of(site.outdir / "people" / "charles.html"))
    assert "Charles Babbage" not in own
    assert own["Mary Somerville"] == "https://example.org/mary/"


def test_without_the_setting_there_are_no_people_pages(make_app, root_copy):
    srcdir = root_copy("people-pages")
    replace_in(srcdir / "conf.py", 'scholar_people_pages = "people"', "")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert not (app.outdir / "people").exists()
    assert "Charles Babbage" not in author_links(soup_of(app.outdir / "index.html"))


@pytest.mark.parametrize("builder", ["latex", "singlehtml"])
def test_builders_without_pages_write_names_as_text(make_app, root_copy, builder):
    app = make_app(builder, srcdir=root_copy("people-pages"), freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    assert not (app.outdir / "people").exists()
    if builder == "singlehtml":
        soup = soup_of(app.outdir / "index.html")
        assert "Charles Babbage" not in author_links(soup)
        assert soup.find(string=lambda s: s and "Charles Babbage" in s)


def test_pages_are_written_again_only_when_what_they_show_changed(site):
    site.build()
    pages = {p.name: p for p in (site.outdir / "people").iterdir()}
    before = {name: os.stat(p).st_mtime_ns for name, p in pages.items()}
    site.build()
    assert {name: os.stat(p).st_mtime_ns for name, p in pages.items()} == before
    # a paper of Charles alone: his page changes, Ada's stays
    replace_in(site.srcdir / "papers.yaml", "The Difference Engine", "The Engine")
    site.build()
    assert os.stat(pages["charles.html"]).st_mtime_ns != before["charles.html"]
    assert os.stat(pages["ada.html"]).st_mtime_ns == before["ada.html"]
    assert "The Engine" in soup_of(pages["charles.html"]).get_text()


def test_a_page_shows_the_talks_the_site_lists(site):
    site.build()
    charles = soup_of(site.outdir / "people" / "charles.html")
    rubrics = [r.get_text() for r in charles.select(".rubric")]
    assert rubrics == ["Publications", "Talks"]
    talks = charles.select(".scholar-talks li")
    assert len(talks) == 1 and "On Engines" in talks[0].get_text()
    # the talk the list hides is on nobody's page
    assert "A Closed Meeting" not in charles.get_text()
    ada = soup_of(site.outdir / "people" / "ada.html")
    assert "Talks" not in [r.get_text() for r in ada.select(".rubric")]


def test_a_talk_inside_an_only_block_follows_its_condition(make_app, root_copy):
    srcdir = root_copy("people-pages")
    replace_in(
        srcdir / "index.rst",
        ".. talks:: talks.yaml\n   :filter: not tag == private\n",
        ".. only:: never\n\n   .. talks:: talks.yaml\n",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    charles = soup_of(app.outdir / "people" / "charles.html")
    assert "On Engines" not in charles.get_text()


def test_an_edited_talk_is_on_the_speakers_page_at_the_next_build(site):
    site.build()
    page = site.outdir / "people" / "charles.html"
    before = os.stat(site.outdir / "people" / "ada.html").st_mtime_ns
    replace_in(site.srcdir / "talks.yaml", "On Engines", "On Calculating Engines")
    site.build()
    assert "On Calculating Engines" in soup_of(page).get_text()
    assert os.stat(site.outdir / "people" / "ada.html").st_mtime_ns == before


def test_the_site_search_finds_a_person_by_name_and_area(site):
    site.build()
    text = (site.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    page = index["docnames"].index("people/ada")
    assert index["titles"][page] == "Ada Lovelace"

    def pages(word: str) -> list[int]:
        found = index["terms"].get(word, [])
        return found if isinstance(found, list) else [found]

    # a research area (only on her page) and her role lead to it
    assert page in pages("poetri")
    assert page in pages("investig")


def test_a_page_written_alone_is_the_page_of_a_whole_build(site):
    site.build()
    pages = site.outdir / "people"
    whole = {p.name: p.read_bytes() for p in pages.iterdir()}
    assert b'id="pub-notes"' in whole["ada.html"]
    assert b'id="pub-notes"' in whole["charles.html"]
    # only Mary's page is written again: the same bytes as in a whole build
    (pages / "mary.html").unlink()
    site.build()
    assert {p.name: p.read_bytes() for p in pages.iterdir()} == whole
