"""A publication page says what its list says, as the list writes it: the
same smart quotes, dashes and ellipses, the same links to people and to
files; its Cite sentence ends with the venue line as the page shows it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def site(make_app, root_copy):
    app = make_app("html", srcdir=root_copy("page-text"), freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    return app


def page_of(site, key: str):
    page = soup_of(site.outdir / "pub" / f"{key}.html")
    return page.select_one("section.scholar-publication-page")


def test_a_page_writes_its_words_as_its_list_does(site):
    index = soup_of(site.outdir / "index.html")
    for key in ("quotes", "maths"):
        entry = index.select_one(f"#pub-{key}")
        page = page_of(site, key)
        assert page.select_one("h1").get_text() == (
            entry.select_one(".scholar-title").get_text()
        )
        for part in (".scholar-authors", ".scholar-details"):
            assert page.select_one(part).get_text() == (
                entry.select_one(part).get_text()
            )


def test_a_page_has_smart_quotes_dashes_and_ellipses(site):
    page = page_of(site, "quotes")
    assert page.select_one("h1").get_text() == (
        "The “Engine” and Babbage’s Notes – a Reading…"
    )
    assert "Flann O’Brien" in page.select_one(".scholar-authors").get_text()
    venue = page.select_one(".scholar-details").get_text()
    assert venue == "Taylor’s “Memoirs”, pp. 12–20, 1843."
    assert page.select_one(".scholar-abstract").get_text() == (
        "It’s “quoted” – and so on…"
    )
    assert (
        page.select_one(".scholar-related")
        .get_text()
        .startswith("Reprinted in “Sketches” [")
    )
    # the citation to copy ends with the venue line the page shows
    assert page.select_one(".scholar-copy-text").get_text().endswith(" " + venue)
    # the BibTeX to copy keeps what the data file says
    assert (
        "Babbage's Notes -- a Reading..."
        in page.select_one(".scholar-bibtex").get_text()
    )


def test_math_keeps_its_quotes_and_the_text_around_it_gets_smart_ones(site):
    abstract = page_of(site, "maths").select_one(".scholar-abstract")
    assert abstract.select_one("span.math").get_text() == r"\(a < b\)"
    assert abstract.get_text() == r"We show \(a < b\) for all ‘inputs’."


def test_names_link_to_people_and_files_to_their_download(site):
    page = page_of(site, "quotes")
    names = {a.get_text(): a["href"] for a in page.select(".scholar-authors a")}
    assert names == {
        "Ada Lovelace": "../people/ada.html",
        "Charles Babbage": "../people/charles.html",
        "Mary Somerville": "https://example.org/mary/",
    }
    assert page.select_one(".scholar-authors strong.scholar-highlight").get_text() == (
        "Ada Lovelace"
    )
    links = {a.get_text(): a["href"] for a in page.select(".scholar-links a")}
    assert links["code"] == "https://example.org/code/"
    pdf = links["pdf"]
    assert pdf.startswith("../_downloads/") and pdf.endswith("/notes.pdf")
    assert (site.outdir / "pub" / pdf).resolve().is_file()


def test_a_page_of_100_kb_of_quotes_is_written_whole(make_app, root_copy):
    root = root_copy("page-text")
    words = 'It\'s "x" -- y... ' * 6000  # 102 KB of what smart quotes change
    quoted = words.replace("'", "''")  # in single quotes, as YAML writes them
    (root / "data" / "papers.yaml").write_text(
        f"- key: long\n  title: Long\n  year: 2020\n  abstract: '{quoted}'\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=root, freshenv=True)
    app.build()
    abstract = page_of(app, "long").select_one(".scholar-abstract").get_text()
    assert abstract == ("It’s “x” – y… " * 6000).strip()
