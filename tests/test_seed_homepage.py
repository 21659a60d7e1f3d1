"""The example homepage is the seed homepage, element by element.

``tests/seeds/000-homepage.txt`` is the visible text of the researcher's
homepage that ``example_site/homepage`` reproduces. The test reads it into
elements (the name, the bio, the highlighted block, the profile links, each
publication, each talk, each CV entry), builds the example site and reads the
page as a visitor does (the text of each element), and compares them one by
one, in the seed's order. What the site writes otherwise is listed in
:data:`ALTERED`, each with its reason; what the page has and the seed has not,
in :data:`EXTRA`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).parent.parent
SEED = Path(__file__).parent / "seeds" / "000-homepage.txt"
SITE = REPO / "example_site" / "homepage"


@dataclass(frozen=True)
class Element:
    kind: str  # name, bio, highlights, links, heading, publication, talk, cv
    name: str  # how the test names it
    lines: tuple[str, ...]


def squash(text: str) -> str:
    return " ".join(text.split())


def read_seed(text: str) -> list[Element]:
    """The seed's elements, in its order."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    elements: list[Element] = [Element("name", "name", (blocks[0].strip(),))]
    blocks = blocks[1:]
    bios = 0
    section = "top"
    index = 0
    while index < len(blocks):
        block = blocks[index]
        lines = tuple(line.strip() for line in block.splitlines())
        index += 1
        if section == "top":
            if lines[0] == "Currently, I am highlighting:":
                # the block: its title, its lead-in and the numbered list
                lead, items = blocks[index], blocks[index + 1]
                index += 2
                numbered = [
                    re.sub(r"^\d+\.\s*", "", item.strip())
                    for item in items.splitlines()
                ]
                elements.append(
                    Element(
                        "highlights",
                        "highlighted block",
                        (lines[0], lead.strip(), *numbered),
                    )
                )
            elif len(lines) == 1:
                bios += 1
                elements.append(
                    Element("bio", f"bio paragraph {bios}", (squash(block),))
                )
            else:
                elements.append(Element("links", "profile links", lines))
                section = "publications"
            continue
        if section == "publications":
            if lines == ("≤ 2015",):
                elements.append(Element("heading", "heading ≤ 2015", lines))
                continue
            if lines == ("Recorded talks",):
                elements.append(Element("heading", "heading Recorded talks", lines))
                section = "talks"
                continue
            elements.append(Element("publication", lines[0].rstrip(","), lines))
            continue
        if section == "talks" and lines[0].startswith("["):
            elements.append(Element("talk", lines[0], lines))
            continue
        section = "cv"
        elements.append(Element("cv", lines[0], lines))
    return elements


SEED_ELEMENTS = read_seed(SEED.read_text(encoding="utf-8"))

#: Elements the page writes otherwise than the seed: name -> (the page's
#: lines, why). Each is checked: the page must read exactly so.
ALTERED: dict[str, tuple[tuple[str, ...], str]] = {
    "Neural Program Synthesis with Priority Queue Training": (
        (
            "Neural Program Synthesis with Priority Queue Training",
            "Daniel A Abolafia, Mohammad Norouzi, Jonathan Shen, Rui Zhao, Quoc V Le",
            "ArXiv, 2018. [pdf] [code]",
        ),
        "a typo of the seed: it says 'ArXiv, 2010' for a paper it lists among "
        "2018's; the data file has 2018, with a comment",
    ),
    "Efficient Non-greedy Optimization of Decision Trees": (
        (
            "Efficient Non-greedy Optimization of Decision Trees",
            "Mohammad Norouzi, Maxwell D. Collins, Matthew Johnson, David J. Fleet, Pushmeet Kohli",
            "NIPS, 2015. [pdf]",
        ),
        "a typo of the seed, 'Pushmeet Kohl,' (he is Pushmeet Kohli everywhere "
        "else), corrected in the data file with a comment; and the trailing "
        "comma of the author line, see below",
    ),
    "Compact Discrete Representations for Scalable Similarity Search": (
        (
            "Compact Discrete Representations for Scalable Similarity Search",
            "Mohammad Norouzi",
            "PhD thesis, 2016. [pdf]",
        ),
        "the seed writes the thesis's one author on the venue line "
        "('Mohammad Norouzi, PhD thesis, 2016.'); every entry of the site has "
        "its authors on a line of their own",
    ),
}
#: The seed's older entries (≤ 2015) end the title and author lines with a
#: comma, written by hand ("Cartesian k-means,"); the site writes every
#: entry with the same punctuation, without them.
TRAILING_COMMAS = "the seed ends the title and the author line of its older entries with a comma; the site writes every entry alike, without"
for element in SEED_ELEMENTS:
    if element.kind == "publication" and element.name not in ALTERED:
        trimmed = tuple(
            line.rstrip(",") if index < 2 else line
            for index, line in enumerate(element.lines)
        )
        if trimmed != element.lines:
            ALTERED[element.name] = (trimmed, TRAILING_COMMAS)

#: Headings the page has and the seed has not: the site asks for them.
EXTRA = {
    "Publications": "the section of the list (the seed's list has no heading)",
    "2019": "the list is grouped by year (:group: year); the seed separates its years by space",
    "2018": "as 2019",
    "2017": "as 2019",
    "2016": "as 2019",
    "Education": "the section of the CV entries (the seed's have no heading)",
    "Internships": "as Education",
    "Teaching": "as Education",
}


# The page, as a visitor reads it ------------------------------------------------


def lines_of(element) -> tuple[str, ...]:
    return tuple(squash(line.get_text()) for line in element.select("div.line"))


def read_page(soup: BeautifulSoup) -> tuple[list[Element], list[str]]:
    """The page's elements, in its order, and its headings (below the title)."""
    top = soup.select_one("section")
    elements: list[Element] = []
    headings: list[str] = []
    bios = 0
    for child in top.find_all(recursive=False):
        if child.name == "h1":
            elements.append(
                Element("name", "name", (squash(child.get_text()).rstrip("#¶ "),))
            )
        elif child.name == "p":
            bios += 1
            elements.append(
                Element("bio", f"bio paragraph {bios}", (squash(child.get_text()),))
            )
        elif "admonition" in child.get("class", []):
            title = child.select_one(".admonition-title")
            lead = title.find_next_sibling("p")
            items = child.select("ol > li")
            elements.append(
                Element(
                    "highlights",
                    "highlighted block",
                    (
                        squash(title.get_text()),
                        squash(lead.get_text()),
                        *(squash(item.get_text()) for item in items),
                    ),
                )
            )
        elif "line-block" in child.get("class", []):
            elements.append(Element("links", "profile links", lines_of(child)))
    for node in top.select(
        "h2, h3, li.scholar-publication, li.scholar-talk, li.scholar-cv-entry"
    ):
        if node.name in ("h2", "h3"):
            text = squash(node.get_text()).rstrip("#¶ ")
            headings.append(text)
            if text in ("≤ 2015", "Recorded talks"):
                elements.append(Element("heading", f"heading {text}", (text,)))
            continue
        lines = lines_of(node)
        kind = {
            "scholar-publication": "publication",
            "scholar-talk": "talk",
            "scholar-cv-entry": "cv",
        }[
            next(
                c
                for c in node["class"]
                if c in ("scholar-publication", "scholar-talk", "scholar-cv-entry")
            )
        ]
        elements.append(Element(kind, lines[0], lines))
    return elements, headings


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from sphinx.testing.util import SphinxTestApp

    out = tmp_path_factory.mktemp("homepage")
    app = SphinxTestApp("html", srcdir=SITE, builddir=out, freshenv=True)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    soup = BeautifulSoup(html, "html.parser")
    return read_page(soup) + (soup,)


def test_the_seed_is_read_whole():
    kinds = [element.kind for element in SEED_ELEMENTS]
    assert kinds.count("publication") == 38
    assert kinds.count("talk") == 7
    assert kinds.count("cv") == 4
    assert kinds.count("bio") == 2


@pytest.mark.parametrize(
    "index", range(len(SEED_ELEMENTS)), ids=[e.name[:60] for e in SEED_ELEMENTS]
)
def test_each_element_reads_as_the_seed_writes_it(page, index):
    """The n-th element of the page is the n-th of the seed, line by line
    (so in the seed's order, with no line the seed does not have)."""
    elements, _, _ = page
    seed = SEED_ELEMENTS[index]
    assert len(elements) == len(SEED_ELEMENTS)
    shown = elements[index]
    assert shown.kind == seed.kind, (
        f"{seed.name}: a {shown.kind} where the seed has a {seed.kind}"
    )
    if seed.name in ALTERED:
        expected, why = ALTERED[seed.name]
        assert shown.lines == expected, f"{seed.name} ({why})"
    else:
        assert shown.lines == seed.lines, seed.name


def test_the_altered_elements_are_those_listed(page):
    elements, _, _ = page
    altered = {
        seed.name
        for seed, shown in zip(SEED_ELEMENTS, elements, strict=True)
        if shown.lines != seed.lines
    }
    assert altered == set(ALTERED)


def test_the_page_has_only_the_headings_it_asks_for(page):
    _, headings, _ = page
    extra = [h for h in headings if h not in ("≤ 2015", "Recorded talks")]
    assert extra == list(EXTRA)


def test_no_button_fold_or_details_line_the_seed_lacks(page):
    _, _, soup = page
    article = soup.select_one("section")
    assert article.select("details, summary, button, .scholar-details-line") == []
    assert "View details" not in article.get_text()
    assert "Show the" not in article.get_text()


def test_the_profile_links_and_the_multi_file_labels_are_links(page):
    _, _, soup = page
    links = soup.select_one("section > div.line-block").select("a")
    assert [a.get_text() for a in links] == [
        "Google scholar profile",
        "Curriculum Vitae",
        "GitHub page",
    ]
    kmeans = soup.select_one("#pub-norouzi2013cartesian .scholar-links")
    assert [a.get_text() for a in kmeans.select("a")] == ["pdf", "code", "ppt", "pptx"]


def test_tally(page):
    """identical / altered / missing, as the report gives it."""
    elements, headings, _ = page
    shown = {(e.kind, e.lines) for e in elements}
    identical = [s for s in SEED_ELEMENTS if (s.kind, s.lines) in shown]
    altered = [s for s in SEED_ELEMENTS if s.name in ALTERED]
    missing = [s for s in SEED_ELEMENTS if s not in identical and s.name not in ALTERED]
    assert len(identical) + len(altered) == len(SEED_ELEMENTS)
    assert missing == []
    print(
        f"\nseed 000: {len(identical)} identical, {len(altered)} altered, "
        f"{len(missing)} missing, of {len(SEED_ELEMENTS)}; "
        f"{len(EXTRA)} headings the seed has not"
    )
