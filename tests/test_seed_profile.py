"""The profile example (example_site/profile) is the page of seed 002, a
researcher's profile on an organisation's site: built, and read as a visitor
reads it, element by element against the seed's text (tests/seeds/
002-profile.txt, a copy of the seed): the name, the bio, the heading of the
publications, the sort menu with its four orders, and each of the ten
publications in the seed's order, with its title (none where the seed shows
none), its authors, its venue line, its abstract behind "Preview abstract"
and its "View details" link after it.

What the page cannot show as the seed does is said in ``KNOWN``: the seed's
"Research Areas" heading lists no area in any capture of the page, and the
page does not invent any.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).parent.parent
SEED = Path(__file__).parent / "seeds" / "002-profile.txt"
SITE = REPO / "example_site" / "profile"

#: the seed's elements the page leaves out, and why
KNOWN = {
    "Research Areas": "the seed's heading lists no area: nothing to show under it",
}


def words(text: str) -> str:
    """Text as a visitor reads it: white space is white space."""
    return " ".join(text.split())


@dataclass
class SeedEntry:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    venue: str = ""
    abstract: str = ""


@dataclass
class Seed:
    heading: str
    name: str
    bio: list[str]
    areas_heading: str
    publications_heading: str
    sort_label: str
    sort_options: list[str]
    entries: list[SeedEntry]


def read_seed() -> Seed:
    """The seed's text, in its parts (its layout is the page's: blocks
    separated by blank lines, the sort menu's orders as bullets, each
    publication's lines then ``Preview abstract ... View details``)."""
    text = SEED.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nResearch Areas\n")
    blocks = [words(block) for block in head.split("\n\n") if block.strip()]
    lines = rest.strip("\n").split("\n")
    assert lines[0] == "Authored Publications" and lines[1] == "Sort By"
    options = [line.strip().lstrip("•").strip() for line in lines[2:6]]
    listing = "\n".join(lines[6:])
    entries = []
    for chunk in listing.split("View details")[:-1]:
        chunk_lines = [line.strip() for line in chunk.strip("\n").split("\n")]
        *shown, abstract = chunk_lines
        assert abstract.startswith("Preview abstract ")
        entry = SeedEntry(abstract=words(abstract.removeprefix("Preview abstract ")))
        if shown:
            entry.title, *entry.authors, entry.venue = shown
        entries.append(entry)
    return Seed(
        heading=blocks[0],
        name=blocks[1],
        bio=blocks[2:],
        areas_heading="Research Areas",
        publications_heading="Authored Publications",
        sort_label="Sort By",
        sort_options=options,
        entries=entries,
    )


SEED_TEXT = read_seed()


@pytest.fixture(scope="module")
def page(module_app, tmp_path_factory):
    app = module_app(
        "html", srcdir=SITE, builddir=tmp_path_factory.mktemp("profile"), freshenv=True
    )
    app.build()
    assert app.warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.fixture(scope="module")
def module_app():
    # module-scoped: the page is built once for every element
    from sphinx.testing.util import SphinxTestApp

    apps = []

    def make(*args, **kwargs):
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()


def heading_text(node) -> str:
    return words(node.get_text()).rstrip("#¶").strip()


def entries(page):
    return page.select("li.scholar-publication")


def labels(page) -> dict:
    return json.loads(page.select_one(".scholar-interactive")["data-labels"])


# --- the profile ------------------------------------------------------------


def test_the_seed_is_read_whole():
    assert SEED_TEXT.heading == SEED_TEXT.name == "Hugo Larochelle"
    assert len(SEED_TEXT.bio) == 4
    assert len(SEED_TEXT.sort_options) == 4
    assert len(SEED_TEXT.entries) == 10


def test_heading(page):
    assert heading_text(page.select_one("h1")) == SEED_TEXT.heading, "page heading"


def test_name(page):
    name = page.select_one(".scholar-profile .scholar-name")
    assert name is not None and words(name.get_text()) == SEED_TEXT.name, "name"


def test_no_role_affiliation_or_links_the_seed_does_not_show(page):
    profile = page.select_one(".scholar-profile")
    for part in (".scholar-role", ".scholar-affiliation", ".scholar-links"):
        assert profile.select_one(part) is None, part


@pytest.mark.parametrize("index", range(4), ids=[f"bio-{n + 1}" for n in range(4)])
def test_bio_paragraph(page, index):
    paragraphs = page.select(".scholar-profile > p")
    assert len(paragraphs) == len(SEED_TEXT.bio)
    assert words(paragraphs[index].get_text()) == SEED_TEXT.bio[index], (
        f"bio paragraph {index + 1}"
    )


def test_research_areas_are_not_invented(page):
    # the seed's "Research Areas" lists none (see KNOWN); the page lists none
    assert SEED_TEXT.areas_heading in KNOWN
    assert page.select_one(".scholar-areas") is None


def test_publications_heading(page):
    headings = [heading_text(h) for h in page.select("h2")]
    assert SEED_TEXT.publications_heading in headings, "publications heading"
    # after the bio
    profile = page.select_one(".scholar-profile")
    assert profile.find_next("h2") is not None


# --- the sort menu ------------------------------------------------------------


def test_sort_label(page):
    assert labels(page)["sort"] == SEED_TEXT.sort_label, "label of the sort menu"


@pytest.mark.parametrize("index", range(4), ids=lambda n: f"sort-option-{n + 1}")
def test_sort_option(page, index):
    names = page.select_one(".scholar-interactive")["data-sort-options"].split()
    shown = [labels(page)[name] for name in names]
    assert len(shown) == len(SEED_TEXT.sort_options), "the menu's orders"
    assert shown[index] == SEED_TEXT.sort_options[index], f"sort option {index + 1}"


def test_only_sorting_and_abstracts_are_interactive(page):
    features = page.select_one(".scholar-interactive")["data-features"].split()
    assert sorted(features) == ["abstract", "sort"]


# --- the publications -----------------------------------------------------------

ENTRY_IDS = [
    entry.title[:24] or f"untitled-{n + 1}" for n, entry in enumerate(SEED_TEXT.entries)
]


def test_ten_publications_in_the_seeds_order(page):
    shown = [
        words(entry.select_one(".scholar-abstract").get_text())
        for entry in entries(page)
    ]
    assert shown == [entry.abstract for entry in SEED_TEXT.entries]


@pytest.mark.parametrize("index", range(10), ids=ENTRY_IDS)
def test_title(page, index):
    title = entries(page)[index].select_one(".scholar-title")
    expected = SEED_TEXT.entries[index].title
    if not expected:
        assert title is None, f"entry {index + 1} shows no title in the seed"
    else:
        assert title is not None and words(title.get_text()) == expected, (
            f"title of entry {index + 1}"
        )


@pytest.mark.parametrize("index", range(10), ids=ENTRY_IDS)
def test_authors(page, index):
    line = entries(page)[index].select_one(".scholar-authors")
    expected = SEED_TEXT.entries[index].authors
    shown = words(line.get_text()).split(", ") if line is not None else []
    # the seed writes a name a line; the page joins them with commas
    assert shown == expected, f"authors of entry {index + 1}"
    assert "Hugo Larochelle" not in shown, "the owner is not appended"


@pytest.mark.parametrize("index", range(10), ids=ENTRY_IDS)
def test_venue_line(page, index):
    line = entries(page)[index].select_one(".scholar-venue")
    expected = SEED_TEXT.entries[index].venue
    shown = words(line.get_text()) if line is not None else ""
    assert shown == expected, f"venue line of entry {index + 1}"


@pytest.mark.parametrize("index", range(10), ids=ENTRY_IDS)
def test_abstract(page, index):
    abstract = entries(page)[index].select_one(".scholar-abstract")
    assert words(abstract.get_text()) == SEED_TEXT.entries[index].abstract, (
        f"abstract of entry {index + 1}"
    )


@pytest.mark.parametrize("index", range(10), ids=ENTRY_IDS)
def test_preview_abstract_then_view_details(page, index):
    """The script puts its "Preview abstract" toggle right after the entry's
    lines (tests/test_interactive_sort.py checks it in a browser): then come
    the abstract and, last, "View details", as in the seed."""
    assert labels(page)["abstract"] == "Preview abstract"
    entry = entries(page)[index]
    children = [child for child in entry.children if getattr(child, "name", None)]
    classes = [" ".join(child.get("class", [])) for child in children]
    assert re.search(r"\bline-block\b", classes[0]), classes
    assert classes[1:] == ["scholar-abstract", "scholar-details-line"], classes
    details = children[-1].select_one("a")
    assert words(details.get_text()) == "View details"
    assert details["href"].startswith("pub/"), "a page of its own"
