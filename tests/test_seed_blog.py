"""The example research blog is the page of seed 001 (an organisation's
research blog, tests/seeds/001-blog.txt): built as HTML and read as a visitor
reads it, every line of the seed (each role line, paper and its authors,
workshop, talk and session line, sponsor entry, project, investigator and
fellow, and each paragraph of the posts) is on the blog's front page, in the
seed's order and wording."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

HERE = Path(__file__).parent
BLOG = HERE.parent / "example_site" / "blog"
SEED = HERE / "seeds" / "001-blog.txt"

#: Lines of the seed the blog writes otherwise, and why.
ALTERED = {
    # a typo of the seed, corrected in data/icml2015.yaml (with a comment)
    "Google is an Platinum Sponsor of ICML 2015.": (
        "Google is a Platinum Sponsor of ICML 2015."
    ),
}


def words(text: str) -> str:
    return " ".join(text.split())


def seed_elements() -> list[str]:
    """The seed's lines, each an element of the page (a list's bullet aside)."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [words(line).removeprefix("• ") for line in lines if line.strip()]


ELEMENTS = seed_elements()


def page_blocks(html: str) -> list[str]:
    """The front page's lines and paragraphs, in order, as a visitor reads them."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article") or soup.body
    for link in main.select("a.headerlink"):
        link.decompose()
    blocks = []
    for node in main.find_all(["h1", "h2", "h3", "h4", "p", "div"]):
        if node.name == "div" and "line" not in node.get("class", []):
            continue
        blocks.append(words(node.get_text()))
    return blocks


@pytest.fixture(scope="module")
def matches(tmp_path_factory):
    """For each element of the seed: how it is found on the page (identical,
    altered or missing) and where, looking only after the previous one."""
    out = tmp_path_factory.mktemp("seed-blog")
    app = SphinxTestApp("html", srcdir=BLOG, builddir=out, freshenv=True)
    try:
        app.build()
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    blocks = page_blocks(html)
    found, start = [], 0
    for element in ELEMENTS:
        for status, text in (("identical", element), ("altered", ALTERED.get(element))):
            if text is None:
                continue
            try:
                position = blocks.index(text, start)
            except ValueError:
                continue
            found.append((status, position))
            start = position + 1
            break
        else:
            found.append(("missing", None))
    return found


@pytest.mark.parametrize(
    "index",
    range(len(ELEMENTS)),
    ids=[f"{i:03}-{e[:40]}" for i, e in enumerate(ELEMENTS)],
)
def test_each_element_of_the_seed_is_on_the_blog_page_in_order(matches, index):
    element = ELEMENTS[index]
    status, position = matches[index]
    assert status != "missing", (
        f"seed element {index} {element!r} is not on the page after "
        "the elements before it"
    )
    expected = "altered" if element in ALTERED else "identical"
    assert status == expected, f"seed element {index} {element!r} is {status}"


def test_the_tally(matches):
    tally = {status: 0 for status in ("identical", "altered", "missing")}
    for status, _position in matches:
        tally[status] += 1
    assert tally == {
        "identical": len(ELEMENTS) - len(ALTERED),
        "altered": len(ALTERED),
        "missing": 0,
    }
