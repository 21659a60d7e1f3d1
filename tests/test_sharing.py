"""Sharing and indexing: link previews (OpenGraph and the card X/Twitter,
Mastodon and Bluesky read) and a sitemap, with sphinxext-opengraph and
sphinx-sitemap where the site uses them, and the extension's own tags for
the pages it makes (publication and people pages), which they do not see."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

pytest.importorskip("sphinxext.opengraph")
pytest.importorskip("sphinx_sitemap")

BASE = "https://lab.example.org/"


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [
        tag["content"]
        for tag in soup.find_all("meta")
        if key in (tag.get("property"), tag.get("name"))
    ]


@pytest.fixture
def site(make_app, root_copy):
    srcdir = root_copy("people-pages")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write(
            'extensions += ["sphinxext.opengraph", "sphinx_sitemap"]\n'
            f'html_baseurl = "{BASE}"\n'
            'sitemap_url_scheme = "{link}"\n'
        )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    return app


def test_the_sitemap_lists_the_made_pages_too(site):
    root = ElementTree.parse(site.outdir / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    addresses = {loc.text for loc in root.iter(f"{namespace}loc")}
    assert {
        f"{BASE}index.html",
        f"{BASE}pub/notes.html",
        f"{BASE}pub/diff.html",
        f"{BASE}people/ada.html",
    } <= addresses
    # what the list hides is not in the sitemap either
    assert f"{BASE}pub/hidden.html" not in addresses


def test_documents_get_their_tags_once_from_sphinxext_opengraph(site):
    soup = soup_of(site.outdir / "index.html")
    assert meta(soup, "og:title") == ["Lab"]
    assert len(meta(soup, "og:url")) == 1
    assert len(meta(soup, "description")) <= 1


def test_a_publication_page_has_a_preview_of_its_own(site):
    soup = soup_of(site.outdir / "pub" / "notes.html")
    assert meta(soup, "og:title") == ["Notes on the Engine"]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:url") == [f"{BASE}pub/notes.html"]
    assert meta(soup, "twitter:card") == ["summary"]
    assert meta(soup, "description")[0].startswith("Ada Lovelace, Charles Babbage")


def test_a_person_page_describes_the_person(site):
    soup = soup_of(site.outdir / "people" / "ada.html")
    assert meta(soup, "og:title") == ["Ada Lovelace"]
    assert meta(soup, "og:type") == ["profile"]
    assert meta(soup, "description") == [
        "Principal investigator, Analytical Lab. engines, poetry"
    ]
    assert soup.title.get_text().startswith("Ada Lovelace")


def test_a_name_is_text_in_the_page_title(make_app, root_copy):
    srcdir = root_copy("people-pages")
    conf = (srcdir / "conf.py").read_text("utf-8")
    (srcdir / "conf.py").write_text(
        conf.replace('"name": "Mary Somerville"', '"name": "<b>Mary</b>"'), "utf-8"
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    markup = (app.outdir / "people" / "mary.html").read_text("utf-8")
    assert "<b>Mary</b>" not in markup
    assert "&lt;b&gt;Mary&lt;/b&gt;" in markup
