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
    assert [a.get_text() for a in details] == ["Details"] * 4
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


def files_under(folder):
    return sorted(
        (path.relative_to(folder).as_posix(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if "_build" not in path.parts
    )


def test_nothing_is_written_into_the_source_folder(make_app, root_copy):
    srcdir = root_copy("basic")
    before = files_under(srcdir)
    make_app("html", srcdir=srcdir).build()
    make_app("dirhtml", srcdir=srcdir).build()
    assert files_under(srcdir) == before
    assert (srcdir / "_build" / "html" / "pub" / "lovelace2019engines.html").exists()


def test_page_sources_of_an_earlier_version_go_once(make_app, root_copy):
    srcdir = root_copy("basic")
    folder = srcdir / "pub"
    folder.mkdir()
    (folder / "gone.rst").write_text(
        ".. This file is written by sphinx-scholar; edits are lost.\n\n:orphan:\n",
        encoding="utf-8",
    )
    (folder / "mine.rst").write_text(":orphan:\n\nMine\n====\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert not (folder / "gone.rst").exists()
    assert (folder / "mine.rst").exists()  # never a file the extension did not write
    assert sorted(p.name for p in folder.iterdir()) == ["mine.rst"]
    assert "removed 1 publication page source" in app.status.getvalue()
    # the user's own page keeps its name; the publications' pages are beside it
    assert (app.outdir / "pub" / "mine.html").exists()
    assert (app.outdir / "pub" / "lovelace2019engines.html").exists()


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "latex", "text", "man"])
def test_builders_without_pages_show_no_details_link(make_app, root_copy, builder):
    srcdir = root_copy("basic")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    written = [p for p in app.outdir.rglob("*") if p.is_file()]
    assert not [p for p in written if "lovelace2019engines" in p.name]
    for path in written:
        if path.suffix in (".html", ".xhtml", ".tex", ".txt", ".1"):
            text = path.read_text(encoding="utf-8")
            assert "View details" not in text, path
            assert "#document-pub" not in text, path


def test_hide_details_hides_the_link_of_one_list(make_app, root_copy):
    srcdir = root_copy("basic")
    replace_in(
        srcdir / "papers.rst",
        "   :group: type\n",
        "   :group: type\n   :hide: details\n",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "View details" not in (app.outdir / "papers.html").read_text(
        encoding="utf-8"
    )
    index = soup_of(app.outdir / "index.html")
    assert len(index.select("a.scholar-details-link")) == 4
    # the publications still have their pages, from the lists that link them
    assert (app.outdir / "pub" / "lovelace2019engines.html").exists()


KEYS = """\
- {key: Zhao_One_2022, title: Written As Is, year: 2022}
- {key: "doi:10.1000/x y", title: Unsafe Characters, year: 2021}
- {key: Smith2020, title: Upper Case, year: 2020}
- {key: smith2020, title: Lower Case, year: 2020}
- {key: taken, title: A Page Has The Name, year: 2019}
- {key: "::", title: Nothing Safe, year: 2018}
"""


def test_page_names_keep_the_key_and_differ_where_files_would_collide(
    make_app, tmp_path
):
    srcdir = tmp_path / "src"
    (srcdir / "pub").mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\n', encoding="utf-8"
    )
    (srcdir / "papers.yaml").write_text(KEYS, encoding="utf-8")
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n\n   pub/taken\n\n.. publications:: papers.yaml\n",
        encoding="utf-8",
    )
    (srcdir / "pub" / "taken.rst").write_text("Mine\n====\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    index = soup_of(app.outdir / "index.html")
    links = {
        a.find_parent("li").select_one(".scholar-title").get_text(): a["href"]
        for a in index.select("a.scholar-details-link")
    }
    assert links["Written As Is"] == "pub/Zhao_One_2022.html"
    assert links["Unsafe Characters"] == "pub/doi-10.1000-x-y.html"
    # one of the two keys that differ by case only gets a suffix
    assert links["Upper Case"] == "pub/Smith2020.html"
    assert links["Lower Case"].startswith("pub/smith2020-")
    assert links["A Page Has The Name"].startswith("pub/taken-")
    assert links["Nothing Safe"].startswith("pub/")
    assert len(set(links.values())) == len(links)
    for title, href in links.items():
        page = soup_of(app.outdir / href)
        assert page.find("h1").get_text().rstrip("#¶") == title
    # the user's own page is not written over
    assert (
        soup_of(app.outdir / "pub" / "taken.html")
        .find("h1")
        .get_text()
        .startswith("Mine")
    )


def test_a_no_op_rebuild_writes_no_publication_page(make_app, root_copy):
    srcdir = root_copy("basic")
    make_app("html", srcdir=srcdir).build()
    pages = srcdir / "_build" / "html" / "pub"
    before = {p.name: p.stat().st_mtime_ns for p in pages.iterdir()}
    index = srcdir / "_build" / "html" / "searchindex.js"
    first_index = index.read_text(encoding="utf-8")
    written = []
    app = make_app("html", srcdir=srcdir)
    app.connect("html-page-context", lambda app, name, *args: written.append(name))
    app.build()
    assert not [name for name in written if name.startswith("pub/")]
    assert {p.name: p.stat().st_mtime_ns for p in pages.iterdir()} == before
    # still in the search index, which Sphinx writes anew each build: the
    # same index, after one no-op build and after another
    search = index.read_text(encoding="utf-8")
    assert "pub/lovelace2019engines" in search
    assert search == first_index
    make_app("html", srcdir=srcdir).build()
    assert index.read_text(encoding="utf-8") == first_index


def test_editing_an_entry_writes_its_page_and_no_other(make_app, root_copy):
    srcdir = root_copy("basic")
    make_app("html", srcdir=srcdir).build()
    data = srcdir / "data" / "papers.yaml"
    # a line more: the entries below it move down the file, unchanged
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            "  title: Analytical Engines Revisited\n",
            "  title: Analytical Engines Revisited Again\n  abstract: Engines.\n",
        ),
        encoding="utf-8",
    )
    written = []
    app = make_app("html", srcdir=srcdir)
    app.connect("html-page-context", lambda app, name, *args: written.append(name))
    app.build()
    assert [name for name in written if name.startswith("pub/")] == [
        "pub/lovelace2019engines"
    ]
    page = srcdir / "_build" / "html" / "pub" / "lovelace2019engines.html"
    assert "Analytical Engines Revisited Again" in page.read_text(encoding="utf-8")


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


def test_a_data_file_with_a_blank_in_its_name_has_whole_pages(make_app, root_copy):
    srcdir = root_copy("basic")
    (srcdir / "data" / "papers.yaml").rename(srcdir / "data" / "my papers.yaml")
    for page in ("index.rst", "papers.rst"):
        replace_in(srcdir / page, "data/papers.yaml", "data/my papers.yaml")
    app = make_app("html", srcdir=srcdir)
    app.build()
    page = soup_of(app.outdir / "pub" / "lovelace2019engines.html")
    assert page.find("h1").get_text() == "Analytical Engines Revisited"
    assert "Ada Lovelace" in page.select_one(".scholar-authors").get_text()


def test_a_linked_file_copied_in_later_is_linked_at_the_next_build(make_app, root_copy):
    """A page depends on the files its entries link, there or not yet."""
    srcdir = root_copy("files")
    make_app("html", srcdir=srcdir).build()
    index = srcdir / "_build" / "html" / "index.html"
    assert "nowhere.pdf" not in index.read_text(encoding="utf-8")
    (srcdir / "assets" / "pdf" / "nowhere.pdf").write_bytes(b"%PDF-1.4 at last")
    app = make_app("html", srcdir=srcdir, freshenv=False)
    app.build()
    links = [a["href"] for a in soup_of(index).select("a.download")]
    assert [href for href in links if href.endswith("/nowhere.pdf")]
    assert list((app.outdir / "_downloads").rglob("nowhere.pdf"))


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("html", "pub/lovelace2012first.html"),
        ("dirhtml", "pub/lovelace2012first/index.html"),
    ],
)
def test_a_page_whose_file_is_gone_is_written_again(
    make_app, root_copy, builder, output
):
    srcdir = root_copy("basic")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    (app.outdir / output).unlink()
    others = {p: p.stat().st_mtime_ns for p in (app.outdir / "pub").rglob("*.html")}
    app = make_app(builder, srcdir=srcdir, freshenv=False)
    app.build()
    assert (app.outdir / output).exists()
    assert {p: p.stat().st_mtime_ns for p in others} == others


def test_json_ld_authors_carry_their_profiles_from_the_registry(make_app, tmp_path):
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\n'
        "scholar_people = [{'id': 'ada', 'name': 'Ada Lovelace',\n"
        "  'url': 'https://example.org/ada/',\n"
        "  'links': {'orcid': 'https://orcid.org/0000-0002-1825-0097',\n"
        "            'scholar': 'https://scholar.google.com/citations?user=ada',\n"
        "            'email': 'ada@example.org', 'cv': 'https://example.org/cv.pdf'}}]\n",
        "utf-8",
    )
    (tmp_path / "papers.yaml").write_text(
        "- key: notes\n  title: Notes\n  authors: [Ada Lovelace, Charles Babbage]\n"
        "  year: 1843\n",
        "utf-8",
    )
    (tmp_path / "index.rst").write_text(
        "Papers\n======\n\n.. publications:: papers.yaml\n", "utf-8"
    )
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    page = soup_of(app.outdir / "pub" / "notes.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    ada, charles = data["author"]
    assert ada == {
        "@type": "Person",
        "name": "Ada Lovelace",
        "url": "https://example.org/ada/",
        "sameAs": [
            "https://orcid.org/0000-0002-1825-0097",
            "https://scholar.google.com/citations?user=ada",
        ],
    }
    assert charles == {"@type": "Person", "name": "Charles Babbage"}
