"""Every listed publication has a page of its own that Google Scholar can index."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from .test_build import replace_in


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def metas(soup, name):
    return [meta["content"] for meta in soup.find_all("meta", attrs={"name": name})]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_every_listed_publication_has_a_page_linked_from_the_list(app):
    app.build()
    index = soup_of(app.outdir / "index.html")
    details = index.select("li.scholar-publication a.scholar-details-link")
    assert [a.get_text() for a in details] == ["View details"] * 4
    assert details[0]["href"] == "pub/lovelace2019engines.html"
    page = soup_of(app.outdir / "pub" / "lovelace2019engines.html")
    assert page.find("h1").get_text().rstrip("#¶") == "Analytical Engines Revisited"
    assert (
        page.select_one(".scholar-authors").get_text()
        == "Ada Lovelace*, Charles Babbage*, Mary Somerville"
    )
    assert page.select_one(".scholar-highlight a")["href"] == "https://example.org/ada/"
    links = [a.get_text() for a in page.select(".scholar-links a")]
    assert links == ["pdf", "code", "ppt", "pptx", "image sequence – gif files"]
    bibtex = page.select_one(".scholar-bibtex").get_text()
    assert bibtex.startswith("@inproceedings{lovelace2019engines,")
    # the pages are real documents: the site's search finds them
    assert "lovelace2019engines" in (app.outdir / "searchindex.js").read_text(
        encoding="utf-8"
    )


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_a_page_carries_highwire_tags_and_json_ld(app):
    app.build()
    page = soup_of(app.outdir / "pub" / "lovelace2019bib.html")
    assert metas(page, "citation_title") == [
        "Bernoulli Numbers on the Analytical Engine"
    ]
    assert metas(page, "citation_author") == [
        "Ada Lovelace",
        "Charles Babbage",
        "Jörg Müller",
    ]
    assert metas(page, "citation_publication_date") == ["2019/06"]
    assert metas(page, "citation_conference_title") == [
        "International Conference on Machine Learning (ICML)"
    ]
    assert metas(page, "citation_firstpage") == ["1"] and metas(
        page, "citation_lastpage"
    ) == ["10"]
    assert metas(page, "citation_pdf_url") == ["https://example.org/bernoulli.pdf"]
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "ScholarlyArticle"
    assert [a["name"] for a in data["author"]] == [
        "Ada Lovelace",
        "Charles Babbage",
        "Jörg Müller",
    ]
    journal = soup_of(app.outdir / "pub" / "babbage2016diff.html")
    assert metas(journal, "citation_journal_title") == ["Journal of Engines"]
    assert metas(journal, "citation_doi") == ["10.1000/engine.2016"]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_the_page_bibtex_has_no_site_fields(app):
    app.build()
    bibtex = (
        soup_of(app.outdir / "pub" / "lovelace2019bib.html")
        .select_one(".scholar-bibtex")
        .get_text()
    )
    # as written, with the @string macro expanded and the month macro's name
    assert "title = {{B}ernoulli Numbers on the {A}nalytical {E}ngine}," in bibtex
    assert "booktitle = {International Conference on Machine Learning (ICML)}" in bibtex
    assert "month = {June}" in bibtex
    for site_field in ("pdf", "code", "slides", "selected"):
        assert f"{site_field} =" not in bibtex


@pytest.mark.sphinx("html", testroot="files", freshenv=True)
def test_with_html_baseurl_links_are_absolute(app):
    app.build()
    page = soup_of(app.outdir / "pub" / "files2020.html")
    pdf = metas(page, "citation_pdf_url")[0]
    assert pdf.startswith("https://scholar.example.org/_downloads/") and pdf.endswith(
        "/near.pdf"
    )
    assert (
        page.find("link", rel="canonical")["href"]
        == "https://scholar.example.org/pub/files2020.html"
    )
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == "https://scholar.example.org/pub/files2020.html"


@pytest.mark.sphinx("dirhtml", testroot="basic", freshenv=True)
def test_pages_with_dirhtml(app):
    app.build()
    index = soup_of(app.outdir / "index.html")
    assert (
        index.select_one("a.scholar-details-link")["href"] == "pub/lovelace2019engines/"
    )
    assert (app.outdir / "pub" / "lovelace2019engines" / "index.html").exists()


@pytest.mark.sphinx("text", testroot="basic", freshenv=True)
def test_no_view_details_outside_html(app):
    app.build()
    assert "View details" not in (app.outdir / "index.txt").read_text(encoding="utf-8")


def test_pages_can_be_turned_off(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"scholar_publication_pages": ""}
    )
    app.build()
    assert not (srcdir / "pub").exists() and not (app.outdir / "pub").exists()
    assert "View details" not in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_page_sources_of_removed_publications_go(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    folder = srcdir / "pub"
    folder.mkdir()
    (folder / "gone.rst").write_text(
        ".. This file is written by sphinx-scholar; edits are lost.\n\n:orphan:\n",
        encoding="utf-8",
    )
    (folder / "mine.rst").write_text(":orphan:\n\nMine\n====\n", encoding="utf-8")
    make_app("html", srcdir=srcdir).build()
    assert not (folder / "gone.rst").exists()
    assert (folder / "mine.rst").exists()  # never a file the extension did not write
    assert (folder / "lovelace2019engines.rst").exists()


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_site_wide_bibtex_has_every_listed_entry_without_site_fields(app):
    from pybtex.database import parse_string

    app.build()
    text = (app.outdir / "publications.bib").read_text(encoding="utf-8")
    data = parse_string(text, "bibtex")
    assert set(data.entries) == {
        "lovelace2019engines",
        "somerville2017connexion",
        "lovelace2014notes",
        "lovelace2012first",
        "lovelace2019bib",
        "babbage2016diff",
    }
    bib = data.entries["lovelace2019bib"]
    assert (
        bib.fields["booktitle"] == "International Conference on Machine Learning (ICML)"
    )
    assert not {"pdf", "code", "slides", "selected"} & {
        name.lower() for name in bib.fields
    }
    made = data.entries["somerville2017connexion"]  # from YAML
    assert made.type == "article" and made.fields["journal"] == "TPAMI"


@pytest.mark.sphinx("html", testroot="files", freshenv=True)
def test_atom_feed_of_the_newest_publications(app):
    import xml.etree.ElementTree as ElementTree

    app.build()
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(app.outdir / "publications.atom").getroot()
    entries = feed.findall(f"{atom}entry")
    assert [e.find(f"{atom}title").text for e in entries] == [
        "Files of the Site",
        "Nothing To Download",
    ]
    assert (
        entries[0].find(f"{atom}link").get("href")
        == "https://scholar.example.org/pub/files2020.html"
    )
    assert (
        feed.find(f"{atom}link").get("href")
        == "https://scholar.example.org/publications.atom"
    )


def test_exports_follow_changes_and_rest_on_a_no_op_build(make_app, root_copy):
    srcdir = root_copy("basic")
    make_app("html", srcdir=srcdir).build()
    outdir = srcdir / "_build" / "html"
    exported = outdir / "publications.bib"
    before = exported.stat().st_mtime_ns
    assert "lovelace2019bib" in exported.read_text(encoding="utf-8")

    make_app("html", srcdir=srcdir).build()  # nothing changed
    assert exported.stat().st_mtime_ns == before

    # the page that alone shows the BibTeX file goes: so do its entries
    (srcdir / "bib.rst").unlink()
    index = srcdir / "index.rst"
    replace_in(index, "   bib\n", "")
    make_app("html", srcdir=srcdir).build()
    assert "lovelace2019bib" not in exported.read_text(encoding="utf-8")
