"""On an HTML page with buttons, a list's entries are written as HTML from
their records (``sphinx_scholar/render/entry_html.py``): what a visitor reads
is what the nodes gave (compared byte for byte on every root by
``test_deferred.py``, which includes this test's root); here, what the
lines hold, and that the page's tree stays small."""

import json

import pytest
from bs4 import BeautifulSoup
from docutils import nodes


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def entries(app):
    app.build()
    index = soup_of(app.outdir / "index.html")
    return {li["id"]: li for li in index.select("li.scholar-publication")}


@pytest.mark.sphinx("html", testroot="entry-html", freshenv=True)
def test_what_the_data_says_is_text_and_addresses_keep_their_characters(entries):
    entry = entries["pub-escapes"]
    title = entry.select_one(".scholar-title strong a")
    assert title.get_text() == "Tags <b>, ampersands & “quotes” – and @handles…"
    assert title["href"] == "pub/escapes.html"
    assert not entry.select(".scholar-title b")  # the tag is text
    badge = entry.select_one(".scholar-title a.scholar-badge")
    assert badge.get_text() == "J<E>&”Q”"
    assert badge["href"] == "https://example.org/j?a=1&b=2"
    assert badge["style"] == "--scholar-badge-color: #1f4e8c"
    authors = entry.select_one(".scholar-authors")
    assert authors.get_text() == "Ada Lovelace, Grace Hopper, O’Neil <Jr.> & Co"
    assert authors.a["href"] == "https://example.org/~ada?x=1&y='2'"
    assert authors.select_one("strong.scholar-highlight").get_text() == "Grace Hopper"
    assert entry.select_one(".scholar-venue").get_text() == (
        "Journal of <Escapes> & “Quotes”, 2024."
    )
    buttons = entry.select_one(".scholar-buttons")
    assert [(a.get_text(), a["href"]) for a in buttons.select("a")] == [
        ("Web", "https://example.org/paper?id=1&v='2'#@top"),
        ("PDF", "https://example.org/a b.pdf"),
        ("Code", "https://github.com/@someone/repo"),
        ("ppt", "https://example.org/s.ppt"),
        ("pptx", "https://example.org/s.pptx"),
        ("Details", "pub/escapes.html"),
    ]
    assert buttons.select_one(".scholar-button-label").get_text() == "Slides"


@pytest.mark.sphinx("html", testroot="entry-html", freshenv=True)
def test_lines_that_need_sphinx_are_written_by_it(app, entries):
    # mail addresses cloaked, as Sphinx cloaks them
    assert "mae@example.org" not in str(entries["pub-mailto-url"])
    assert entries["pub-mailto-url"].select_one(".scholar-authors a")["href"] == (
        "mailto:mae%40example.org"
    )
    # a file of the site is copied, and its button points at the copy
    pdf = entries["pub-site-file"].select_one("a.scholar-button-pdf")
    assert (app.outdir / pdf["href"]).is_file()
    web = entries["pub-site-file-url"].select_one("a.scholar-button-web")
    assert (app.outdir / web["href"]).is_file()
    # math is math, and the page loads MathJax for it
    assert entries["pub-math"].select_one(".scholar-title .math").get_text() == (
        r"\(O(\sqrt{n})\)"
    )
    index = soup_of(app.outdir / "index.html")
    assert any("mathjax" in (s.get("src") or "") for s in index("script"))
    # a shortened author list has its button
    short = entries["pub-many-2"].select_one(".scholar-authors")
    assert short.select_one("button.scholar-etal").get_text() == "et al."


@pytest.mark.sphinx("html", testroot="entry-html", freshenv=True)
def test_the_search_index_has_the_words_of_each_line_apart(app, entries):
    text = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[len("Search.setIndex(") : -1])["terms"]
    for word in ("pdf", "code", "ppt", "pptx", "detail", "ampersand", "lovelac"):
        assert word in terms, word
    assert not [term for term in terms if term.startswith(("pdfcode", "webpdf"))]


@pytest.mark.sphinx("html", testroot="entry-html", freshenv=True)
def test_a_written_page_holds_few_nodes_for_each_entry(app):
    counted = []

    def count(app, doctree, docname):
        items = list(doctree.findall(nodes.list_item))
        elements = sum(1 for item in items for _ in item.findall(nodes.Element))
        counted.append((len(items), elements))

    app.connect("doctree-resolved", count)
    app.build()
    [(items, elements)] = counted
    assert items == 9
    # an entry of nodes is some forty; written, its item, line block and lines
    assert elements / items < 12
