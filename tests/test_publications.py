"""The publications directive, read from the built HTML as a visitor reads it."""

import shutil

import pytest
from bs4 import BeautifulSoup

#: the seed's look: links as text after the venue, "View details" on a line
BRACKETS = {"scholar_entry_style": "brackets"}


def html(app, name="index"):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def headings(soup):
    return [
        section.find(["h2", "h3"]).get_text(strip=True).rstrip("#¶")
        for section in soup.select("section.scholar-group")
    ]


def entries(soup):
    return soup.select("li.scholar-publication")


def titles(soup):
    return [
        li.select_one(".scholar-title").get_text(strip=True) for li in entries(soup)
    ]


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_year_groups_are_sections_newest_first(app):
    app.build()
    soup = html(app)
    assert headings(soup) == ["2019", "2017", "≤ 2015"]
    assert titles(soup) == [
        "Analytical Engines Revisited",
        "On the Connexion of the Physical Sciences",
        "Notes on the Engine",
        "A First Program",
    ]
    # group headings are real sections, so the page's table of contents lists them
    toc = app.env.tocs["index"].astext()
    assert "2019" in toc and "≤ 2015" in toc


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_the_years_before_collapse_before_are_folded(app):
    app.build()
    soup = html(app)
    folded = soup.select("details.scholar-fold")
    assert len(folded) == 1
    fold = folded[0]
    assert not fold.has_attr("open")
    assert fold.summary.get_text(strip=True) == "Show the 2 entries before 2016"
    assert fold.find_parent("section").h2.get_text(strip=True).startswith("≤ 2015")
    assert [
        li.select_one(".scholar-title").get_text(strip=True) for li in fold("li")
    ] == [
        "Notes on the Engine",
        "A First Program",
    ]


@pytest.mark.parametrize("builder", ["latex", "text", "epub"])
def test_builders_that_cannot_fold_show_the_older_years(
    make_app, rootdir, tmp_path, builder
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    written = {
        "latex": lambda: next(app.outdir.glob("*.tex")).read_text(),
        "text": lambda: (app.outdir / "index.txt").read_text(),
        "epub": lambda: (app.outdir / "index.xhtml").read_text(),
    }[builder]()
    assert "A First Program" in written
    assert "<details" not in written and "Show the 2 entries" not in written


def test_fold_open_starts_unfolded(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text().replace(
            ":collapse-before: 2016", ":collapse-before: 2016\n   :fold: open"
        )
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert soup.select_one("details.scholar-fold").has_attr("open")


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_entry_reads_like_a_hand_written_list(app):
    app.build()
    first = entries(html(app))[0]
    assert first.get_text(" ", strip=True).startswith("Analytical Engines Revisited")
    authors = first.select_one(".scholar-authors")
    assert authors.get_text() == "Ada Lovelace*, Charles Babbage*, Mary Somerville"
    venue = first.select_one(".scholar-venue").get_text()
    assert venue.startswith("ICML, 2019 (to appear, Oral).")
    links = first.select(".scholar-links a")
    assert [a.get_text() for a in links] == [
        "pdf",
        "code",
        "ppt",
        "pptx",
        "image sequence – gif files",
    ]
    assert "[slides: ppt, pptx]" in venue
    assert links[0]["href"] == "https://example.org/engines.pdf"


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_people_are_linked_and_highlighted_through_variants(app):
    app.build()
    soup = html(app)
    highlighted = [s.get_text() for s in soup.select(".scholar-highlight")]
    # "Ada Lovelace*" and "A. Lovelace" are both Ada (config highlight), marks kept in display
    assert highlighted == [
        "Ada Lovelace*",
        "A. Lovelace",
        "Ada Lovelace",
        "Ada Lovelace",
    ]
    # the own name is bold, not a link (scholar_highlight_links turns it into one)
    assert soup.select_one(".scholar-highlight a") is None
    # a group highlights all its members, whatever the spelling in the data
    lab = [s.get_text() for s in html(app, "papers").select(".scholar-highlight")]
    assert "Charles Babbage*" in lab and "Mary Somerville" not in lab


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_multi_file_labels_and_related_lines(app):
    app.build()
    notes = entries(html(app))[2]
    assert "[dataset: 2-hop, 3-hop]" in notes.select_one(".scholar-venue").get_text()
    related = notes.select_one(".scholar-related")
    # Sphinx's smart quotes apply to data as to prose
    assert related.get_text().startswith(
        "Extended version: Master’s thesis, 2013. [pdf]"
    )
    assert related.a["href"] == "https://example.org/thesis.pdf"


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_group_by_type_and_journal_details(app):
    app.build()
    soup = html(app, "papers")
    assert headings(soup) == ["Journal articles", "Conference papers", "Preprints"]
    journal = entries(soup)[0]
    assert (
        journal.select_one(".scholar-venue")
        .get_text()
        .startswith("TPAMI, vol. 36, no. 6, 2017.")
    )
    assert (
        journal.select_one(".scholar-title a")["href"]
        == "https://example.org/connexion"
    )


@pytest.mark.sphinx("html", testroot="basic", freshenv=True, confoverrides=BRACKETS)
def test_bibtex_gives_the_same_records(app):
    app.build()
    soup = html(app, "bib")
    assert not soup.select("section.scholar-group")
    assert titles(soup) == [
        "Bernoulli Numbers on the Analytical Engine",
        "The Difference Engine – a Retrospective",
    ]
    first = entries(soup)[0]
    assert (
        first.select_one(".scholar-authors").get_text()
        == "Ada Lovelace, Charles Babbage, Jörg Müller"
    )
    venue = first.select_one(".scholar-venue").get_text()
    assert venue.startswith(
        "International Conference on Machine Learning (ICML), pp. 1–10, 2019."
    )
    assert "[pdf] [code] [slides: ppt, pptx]" in venue
    doi = entries(soup)[1].select_one(".scholar-links a")
    assert (doi.get_text(), doi["href"]) == (
        "doi",
        "https://doi.org/10.1000/engine.2016",
    )


@pytest.mark.sphinx("html", testroot="files", freshenv=True, confoverrides=BRACKETS)
def test_relative_links_are_site_files_copied_into_the_output(app):
    app.build()
    soup = html(app)
    entry = entries(soup)[0]
    links = {a.get_text(): a["href"] for a in entry.select(".scholar-links a")}
    assert set(links) == {"pdf", "poster"}
    for name, expected in (("pdf", "next to the data"), ("poster", "in assets")):
        assert (app.outdir / links[name]).read_text().strip().endswith(expected)
    warnings = app.warning.getvalue()
    assert "papers.bib:1: WARNING: 'files2020' links to 'missing.pdf'" in warnings
    assert "[scholar.file]" in warnings
    # an entry whose only link is missing shows no empty brackets
    assert entries(soup)[1].select_one(".scholar-venue").get_text() == "2019."


def test_entities_and_trailing_commas_of_bibtex_values_read_well(tmp_path):
    from sphinx_scholar.loaders import load_publications

    path = tmp_path / "papers.bib"
    path.write_text(
        "@book{b1,\n  title = {Knowledge \\&amp; Data},\n"
        "  publisher = {Courier Corporation,},\n  year = 2020,\n}\n",
        encoding="utf-8",
    )
    (record,) = load_publications(str(path)).records
    assert record.title == "Knowledge & Data"
    from docutils import nodes as docutils_nodes

    from sphinx_scholar.render.publications import DEFAULT_PARTS
    from sphinx_scholar.render.venue_line import venue_nodes

    text = "".join(
        node.astext()
        for node in venue_nodes(record, DEFAULT_PARTS - {"links"}, None)
        if isinstance(node, docutils_nodes.Node)
    )
    assert text == "Courier Corporation, 2020."


# The compact entry (scholar_entry_style = "buttons", the default) -------------


@pytest.mark.sphinx("html", testroot="entry-look", freshenv=True)
def test_compact_entry_has_a_badge_a_title_to_its_page_and_one_button_row(app):
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    typical = html(app).select_one("#pub-maddison2017filtering")
    badge = typical.select_one(".scholar-title a.scholar-badge")
    assert (badge.get_text(), badge["href"]) == ("ICML", "https://icml.cc/")
    assert "#1f4e8c" in badge["style"]
    title = typical.select_one(".scholar-title strong a")
    assert title["href"] == "pub/maddison2017filtering.html"
    assert (app.outdir / title["href"]).is_file()
    rows = typical.select(".scholar-buttons")
    assert len(rows) == 1
    assert [a.get_text() for a in rows[0].select("a")] == [
        "PDF", "Code", "ppt", "pptx", "Video", "Details",
    ]  # fmt: skip
    assert rows[0].select_one(".scholar-button-group").get_text(" ", strip=True) == (
        "Slides ppt pptx"
    )
    assert not typical.select(".scholar-links, .scholar-details-line")
    # the own name is bold and not a link; the others are as before
    highlight = typical.select_one(".scholar-highlight")
    assert highlight.get_text() == "Mohammad Norouzi" and highlight.a is None
    assert typical.select_one(".scholar-venue").get_text() == "ICML, 2017 (Oral)."
    # a venue of the venues file gets its badge, without abbr
    kmeans = html(app).select_one("#pub-norouzi2013kmeans .scholar-badge")
    assert kmeans.name == "span" and kmeans.get_text() == "CVPR"


@pytest.mark.sphinx(
    "html",
    testroot="entry-look",
    freshenv=True,
    confoverrides={"scholar_highlight_links": True},
)
def test_highlighted_authors_link_when_configured(app):
    app.build()
    highlight = html(app).select_one("#pub-maddison2017filtering .scholar-highlight")
    assert highlight.a["href"] == "https://example.org/me/"


@pytest.mark.sphinx("html", testroot="entry-look", freshenv=True)
def test_brackets_style_reads_like_the_seed(app):
    app.build()
    entry = html(app, "brackets").select_one("#pub-maddison2017filtering")
    assert entry.select_one(".scholar-venue").get_text() == (
        "ICML, 2017 (Oral). [pdf] [code] [slides: ppt, pptx] [video]"
    )
    assert not entry.select(".scholar-buttons")
    assert entry.select_one("a.scholar-details-link").get_text() == "View details"


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "epub"])
def test_thumbnails_are_copied_by_every_html_builder(
    make_app, rootdir, tmp_path, builder
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-entry-look", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    name = {"dirhtml": "index.html", "epub": "index.xhtml"}.get(builder, "index.html")
    soup = BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")
    image = soup.select_one("img.scholar-thumbnail")
    assert (app.outdir / image["src"]).is_file(), image["src"]
    if builder == "epub":  # an e-book has no buttons: the links are text
        assert not soup.select(".scholar-buttons")
        assert "[pdf" in soup.select_one(".scholar-venue").get_text()


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_other_builders_write_a_flat_entry(make_app, rootdir, tmp_path, builder):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-entry-look", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    written = next(
        path for path in app.outdir.glob("*.*") if path.suffix in (".tex", ".txt")
    ).read_text(encoding="utf-8")
    assert "Filtering Variational Objectives" in written
    assert "Details" not in written
