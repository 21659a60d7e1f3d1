"""What a list hides stays hidden: a publication has a page, is in the search
index, the ``.bib`` and ``.ris`` exports and the feed if and only if a list
of the built site shows it."""

import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

from .test_build import replace_in

#: the records each way of hiding keeps off the site, by key and title
HIDDEN = {
    "draft2025": "Zanzibar",  # :filter: on a tag
    "preprint2025": "Xylophone",  # :filter: on the type
    "review2025": "Wombat",  # the directive commented out
    "never2025": "Vicuna",  # inside `only:: never`
    "second2020": "Umbrella",  # after the :limit:
    "excluded2025": "Tapir",  # on a document of exclude_patterns
}
SHOWN = {
    "public2024": "Marmalade",
    "first2024": "Lantern",
    "html2023": "Kestrel",  # inside `only:: html`
}


def site_files(outdir):
    """What a visitor or a crawler can get of the site: the publication
    pages, the search index, the BibTeX and RIS exports and the feed."""
    pages = {path.stem for path in (outdir / "pub").glob("*.html")}
    search = (outdir / "searchindex.js").read_text(encoding="utf-8")
    bib = (outdir / "publications.bib").read_text(encoding="utf-8")
    ris = (outdir / "publications.ris").read_text(encoding="utf-8")
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(outdir / "publications.atom").getroot()
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    return pages, search, bib, ris, titles


def assert_hidden(outdir, hidden: dict, shown: dict) -> None:
    pages, search, bib, ris, feed = site_files(outdir)
    for key, word in hidden.items():
        assert key not in pages, key
        # nor its title, nor a word of it stemmed
        assert key not in search and word.lower()[:5] not in search.lower(), key
        assert key not in bib, key
        assert word not in ris, key
        assert not any(word in title for title in feed), key
    for key, word in shown.items():
        assert key in pages, key
        assert f"pub/{key}" in search and word in search, key
        assert f"{{{key}," in bib, key
        assert word in ris, key
        assert any(word in title for title in feed), key


@pytest.mark.sphinx("html", testroot="hidden", freshenv=True)
def test_every_way_of_hiding_keeps_a_record_off_pages_search_and_exports(app):
    app.build()
    assert_hidden(app.outdir, HIDDEN, SHOWN)
    # the draft's abstract is nowhere in the output
    for path in app.outdir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".bib", ".ris", ".atom"):
            assert "quokka" not in path.read_text(encoding="utf-8"), path


@pytest.mark.sphinx("html", testroot="hidden", freshenv=True)
def test_a_list_in_an_only_block_that_holds_links_to_its_page(app):
    app.build()
    index = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    links = [a["href"] for a in index.select("a.scholar-details-link")]
    assert links == ["pub/public2024.html", "pub/html2023.html"]
    page = BeautifulSoup(
        (app.outdir / "pub" / "html2023.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    listed = page.select_one(".scholar-listed-in a")
    assert listed["href"] == "../index.html#pub-html2023"


@pytest.mark.parametrize(
    ("page", "old", "new", "key", "word"),
    [
        (
            "index.rst",
            "not (type == preprint or tag in [draft])",
            "not (type == preprint or tag in [draft] or year == 2024)",
            "public2024",
            "Marmalade",
        ),
        ("limited.rst", ":limit: 1", ":limit: 0", "first2024", "Lantern"),
        (
            "index.rst",
            ".. only:: html\n\n   .. publications:: data/html-only.yaml",
            ".. only:: never\n\n   .. publications:: data/html-only.yaml",
            "html2023",
            "Kestrel",
        ),
        (
            "index.rst",
            ".. publications:: data/papers.yaml",
            "..\n   publications:: data/papers.yaml",
            "public2024",
            "Marmalade",
        ),
    ],
    ids=["filter", "limit", "only", "comment"],
)
def test_hiding_a_record_later_removes_it_at_the_next_build(
    make_app, root_copy, page, old, new, key, word
):
    srcdir = root_copy("hidden")
    make_app("html", srcdir=srcdir).build()
    outdir = srcdir / "_build" / "html"
    assert_hidden(outdir, HIDDEN, SHOWN)

    replace_in(srcdir / page, old, new)
    make_app("html", srcdir=srcdir, freshenv=False).build()
    shown = {k: w for k, w in SHOWN.items() if k != key}
    assert_hidden(outdir, {**HIDDEN, key: word}, shown)


def test_removing_the_data_file_removes_its_pages(make_app, root_copy):
    srcdir = root_copy("hidden")
    make_app("html", srcdir=srcdir).build()
    outdir = srcdir / "_build" / "html"
    (srcdir / "limited.rst").unlink()
    replace_in(srcdir / "index.rst", "   limited\n", "")
    make_app("html", srcdir=srcdir, freshenv=False).build()
    shown = {k: w for k, w in SHOWN.items() if k != "first2024"}
    assert_hidden(outdir, {**HIDDEN, "first2024": "Lantern"}, shown)


def test_a_link_to_a_publication_an_only_block_hides_later_goes(make_app, root_copy):
    srcdir = root_copy("hidden")
    (srcdir / "cites.rst").write_text(
        "Cites\n=====\n\nSee :scholar:pub:`html2023`.\n", encoding="utf-8"
    )
    replace_in(srcdir / "index.rst", "   limited\n", "   limited\n   cites\n")
    make_app("html", srcdir=srcdir).build()
    cites = srcdir / "_build" / "html" / "cites.html"

    def link():
        soup = BeautifulSoup(cites.read_text(encoding="utf-8"), "html.parser")
        return soup.select_one("a .scholar-pub-ref")

    assert link() is not None
    replace_in(srcdir / "index.rst", ".. only:: html", ".. only:: never")
    app = make_app("html", srcdir=srcdir, freshenv=False)
    app.build()
    # the page that links to it is written again, without the link
    assert link() is None
    assert "Kestrel Shown Where HTML Is" not in cites.read_text(encoding="utf-8")
