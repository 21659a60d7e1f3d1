"""Every HTML page describes itself to search engines and link previews."""

import pytest
from bs4 import BeautifulSoup


def head(app, name: str) -> dict[str, str]:
    soup = BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")
    tags = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("name") or meta.get("property")
        if key == "description" or (key or "").startswith("og:"):
            assert key not in tags, f"{key} twice in {name}"
            tags[key] = meta["content"]
    return tags


@pytest.mark.sphinx("html", testroot="descriptions", freshenv=True)
def test_pages_describe_themselves(app):
    app.build()
    home = head(app, "index.html")
    assert home["description"] == (
        "I write programs for the Analytical Engine, and notes on what it “can” do "
        "& what it cannot."
    )
    assert home["og:title"] == "Ada Lovelace"
    assert home["og:description"] == home["description"]
    assert home["og:type"] == "website"
    assert home["og:url"] == "https://ada.example.org/index.html"
    assert home["og:site_name"] == "Ada Lovelace"

    plain = head(app, "plain.html")
    assert plain["description"].startswith("The first paragraph of this page")

    own = head(app, "own.html")
    assert own["description"] == "A description written by hand."

    notes = head(app, "pub/notes.html")
    assert notes["description"] == (
        "Ada Lovelace, Charles Babbage, Luigi Menabrea et al., Scientific Memoirs, 1843"
    )
    assert notes["og:title"] == "Notes on the <Engine>"
    assert notes["og:type"] == "article"
    assert notes["og:url"] == "https://ada.example.org/pub/notes.html"

    abstracted = head(app, "pub/abstracted.html")["description"]
    assert len(abstracted) <= 160 and abstracted.endswith("…")
    assert abstracted.startswith("The abstract is long enough")
    assert not abstracted[:-1].endswith(" ")


@pytest.mark.sphinx(
    "html",
    testroot="descriptions",
    freshenv=True,
    confoverrides={"scholar_page_descriptions": False},
)
def test_descriptions_can_be_left_to_other_extensions(app):
    app.build()
    assert "description" not in head(app, "index.html")
    assert not [k for k in head(app, "pub/notes.html") if k.startswith("og:")]


def test_a_long_text_is_cut_in_linear_time():
    from sphinx_scholar.page_description import summary

    assert len(summary("word " * 20_000)) <= 160
    assert len(summary("x" * 100_000)) <= 160
