"""Options of publication lists and profiles that an organisation's profile
page needs (example_site/profile, seed 002), each a general one: the venue
line's format, the sort menu's orders and words, the link to the page after
the abstract, entries whose title is not known, partial author lists, and
research areas after the bio."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar.citation import made_citation
from sphinx_scholar.loaders.publications import publication_from_mapping
from sphinx_scholar.model import Publication
from sphinx_scholar.render.venue_format import check_venue_format, format_venue

PAPERS = """\
- key: hanabi
  type: journal
  title: The Hanabi Challenge
  authors: [Nolan Bard, Jakob N. Foerster]
  authors_partial: true
  venue: Artificial Intelligence
  volume: 280
  year: 2020
  abstract: Games have been testbeds.
- key: untitled
  title_unknown: true
  abstract: An abstract without its title.
- key: iccv
  type: conference
  title: Impact of Aliasing
  authors: [Nicolas Le Roux]
  venue: International Conference on Computer Vision ICCV 2021
  year: 2021
"""

ALL = frozenset({"venue", "year", "notes"})


def build(make_app, tmp_path: Path, directive: str, conf: str = "", people=""):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "papers.yaml").write_text(PAPERS, "utf-8")
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\n' + conf, "utf-8"
    )
    (tmp_path / "index.rst").write_text(
        "Papers\n======\n\n" + directive + "\n", "utf-8"
    )
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    return app, soup


# --- the venue line's format ----------------------------------------------------


def record(**fields) -> Publication:
    return Publication(key="k", title="T", **fields)


@pytest.mark.parametrize(
    ("fields", "template", "line"),
    [
        (dict(venue="Artificial Intelligence", volume="280", year=2020),
         "{venue}[, {volume}][ ({year})]", "Artificial Intelligence, 280 (2020)"),
        (dict(venue="ICML", year=2020), "{venue}[, {volume}][ ({year})]", "ICML (2020)"),
        # the year is kept when the venue names it
        (dict(venue="ICCV 2021", year=2021), "{venue} ({year})", "ICCV 2021 (2021)"),
        (dict(year=2020), "{venue}[, {volume}][ ({year})]", "(2020)"),
        (dict(), "{venue}[, {volume}][ ({year})]", ""),
        (dict(venue="ICML", year=2020, status="to appear", notes=("Oral",)),
         "{venue}, {year}[ ({status})][, {notes}].", "ICML, 2020 (to appear), Oral."),
    ],
)  # fmt: skip
def test_a_format_writes_the_venue_line(fields, template, line):
    assert check_venue_format(template) == ""
    assert format_venue(record(**fields), ALL, template) == line


def test_a_format_leaves_out_the_parts_a_list_hides():
    assert (
        format_venue(
            record(venue="ICML", year=2020), frozenset({"venue"}), "{venue} ({year})"
        )
        == "ICML ()"
    )
    assert (
        format_venue(
            record(venue="ICML", year=2020), frozenset({"venue"}), "{venue}[ ({year})]"
        )
        == "ICML"
    )


@pytest.mark.parametrize(
    "template", ["{venu} ({year})", "{venue}[ ({year})", "{venue}] ", "{venue"]
)
def test_a_format_that_cannot_be_read_is_said_to_be(template):
    assert check_venue_format(template)


def test_the_site_and_a_list_choose_the_format(make_app, tmp_path):
    app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n",
        conf='scholar_venue_format = "{venue}[, {volume}][ ({year})]"\n',
    )
    venues = [v.get_text() for v in soup.select(".scholar-venue")]
    assert venues == [
        "Artificial Intelligence, 280 (2020)",
        "International Conference on Computer Vision ICCV 2021 (2021)",
    ]
    assert app.warning.getvalue() == ""


def test_a_lists_format_wins_and_a_bad_one_is_reported(make_app, tmp_path):
    app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n"
        "   :venue-format: {venue}: {year}\n\n"
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n"
        "   :venue-format: {place}\n",
    )
    venues = [v.get_text() for v in soup.select(".scholar-venue")]
    assert venues[0] == "Artificial Intelligence: 2020"
    # the built-in line, where the list's format cannot be read
    assert venues[2] == "Artificial Intelligence, vol. 280, 2020."
    assert "option :venue-format: cannot be read (no field {place}" in (
        app.warning.getvalue()
    )


def test_the_built_in_line_is_unchanged_without_a_format(make_app, tmp_path):
    _app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n",
    )
    venues = [v.get_text() for v in soup.select(".scholar-venue")]
    assert venues == [
        "Artificial Intelligence, vol. 280, 2020.",
        "International Conference on Computer Vision ICCV 2021.",
    ]


# --- entries without a title, partial author lists ----------------------------------


def test_a_record_whose_title_is_unknown_is_kept_without_one():
    problems = []
    kept = publication_from_mapping(
        {"key": "x", "title_unknown": True, "abstract": "A."}, "f.yaml", problems
    )
    assert kept is not None and kept.title == "" and problems == []
    left = publication_from_mapping({"key": "y"}, "f.yaml", problems)
    assert left is None
    assert "title_unknown: true" in problems[0].message


def test_an_untitled_entry_shows_no_title_line_and_gets_a_page(make_app, tmp_path):
    app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n",
    )
    untitled = soup.select_one("#pub-untitled")
    assert untitled.select_one(".scholar-title") is None
    page = BeautifulSoup(
        (app.outdir / "pub" / "untitled.html").read_text("utf-8"), "html.parser"
    )
    assert "Untitled" in [h.get_text().rstrip("#¶") for h in page.select("h1")]
    assert page.select_one('meta[name="citation_title"]') is None
    assert app.warning.getvalue() == ""


def test_a_partial_author_list_is_shown_as_written_and_cited_with_others():
    problems = []
    paper = publication_from_mapping(
        {"title": "T", "authors": ["Nolan Bard"], "authors_partial": True},
        "f.yaml",
        problems,
    )
    assert paper.authors_partial and [a.name for a in paper.authors] == ["Nolan Bard"]
    assert "author = {Nolan Bard and others}" in made_citation(paper)


def test_nothing_appends_the_highlighted_person(make_app, tmp_path):
    _app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n   :highlight: Ada Lovelace\n",
    )
    authors = [a.get_text() for a in soup.select(".scholar-authors")]
    assert authors == ["Nolan Bard, Jakob N. Foerster", "Nicolas Le Roux"]


# --- the sort menu, the details link ----------------------------------------------


def test_the_sort_menu_offers_the_orders_a_list_names(make_app, tmp_path):
    app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :interactive: sort\n"
        "   :sort-options: title-asc, year-desc, newest\n",
        conf='scholar_interactive_labels = {"sort": "Sort By"}\n',
    )
    wrapper = soup.select_one(".scholar-interactive")
    assert wrapper["data-sort-options"] == "title-asc year-desc"
    assert json.loads(wrapper["data-labels"])["sort"] == "Sort By"
    assert "option :sort-options: does not know 'newest'" in app.warning.getvalue()


def test_every_order_by_default(make_app, tmp_path):
    _app, soup = build(
        make_app, tmp_path, ".. publications:: data/papers.yaml\n   :interactive:\n"
    )
    wrapper = soup.select_one(".scholar-interactive")
    assert wrapper["data-sort-options"] == (
        "default title-asc title-desc year-asc year-desc"
    )
    assert json.loads(wrapper["data-labels"])["sort"] == "Sort by"


def test_the_details_link_after_the_abstract(make_app, tmp_path):
    _app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n   :style: brackets\n"
        "   :interactive: abstract\n   :details-last:\n",
    )
    entry = soup.select_one("#pub-hanabi")
    kids = [" ".join(c.get("class", [])) for c in entry.children if c.name]
    assert kids[1:] == ["scholar-abstract", "scholar-details-line"]
    assert entry.select_one(".scholar-details-line a").get_text() == "View details"


def test_the_details_link_in_the_lines_by_default(make_app, tmp_path):
    _app, soup = build(
        make_app,
        tmp_path,
        ".. publications:: data/papers.yaml\n   :sort: none\n   :group: none\n   :style: brackets\n"
        "   :interactive: abstract\n",
    )
    entry = soup.select_one("#pub-hanabi")
    assert entry.select_one(".line-block .scholar-details-line") is not None
    assert "scholar-details-last" not in entry["class"]


# --- research areas ---------------------------------------------------------------

PEOPLE = """\
- id: ada
  name: Ada Lovelace
  areas: [Analytical engines, Poetry]
"""


@pytest.mark.parametrize("where", ["before", "after"])
def test_research_areas_before_or_after_the_bio(make_app, tmp_path, where):
    (tmp_path / "people.yaml").write_text(PEOPLE, "utf-8")
    _app, soup = build(
        make_app,
        tmp_path,
        f".. profile:: ada\n   :areas: {where}\n\n   The bio.\n",
        conf='scholar_people_file = "people.yaml"\n',
    )
    profile = soup.select_one(".scholar-profile")
    kids = [c for c in profile.children if getattr(c, "name", None)]
    bio = next(i for i, c in enumerate(kids) if c.get_text() == "The bio.")
    areas = next(i for i, c in enumerate(kids) if "scholar-areas" in c.get("class", []))
    assert (areas < bio) == (where == "before")
    if where == "after":
        assert [li.get_text() for li in kids[areas].select("li")] == [
            "Analytical engines",
            "Poetry",
        ]
        assert kids[areas - 1].get_text() == "Research areas"
