"""Every label the extension writes goes through its message catalog."""

import json

import pytest
from bs4 import BeautifulSoup


def html(app, name="index"):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


@pytest.mark.sphinx(
    "html", testroot="basic", freshenv=True, confoverrides={"language": "fr"}
)
def test_a_french_site_reads_french(app):
    app.build()
    papers = html(app, "papers")
    headings = [
        s.find(["h2", "h3"]).get_text().rstrip("#¶")
        for s in papers.select("section.scholar-group")
    ]
    assert headings == [
        "Articles de revue",
        "Articles de conférence",
        "Prépublications",
    ]
    assert papers.select_one("a.scholar-details-link").get_text() == "Détails"
    journal = papers.select_one("li.scholar-publication .scholar-venue").get_text()
    assert journal.startswith("TPAMI, vol. 36, nº 6, 2017.")
    page = html(app, "pub/lovelace2014notes")
    assert "Résumé" not in page.get_text()  # no abstract in the data
    assert [r.get_text() for r in page.select("p.rubric")] == ["Citer", "BibTeX", "RIS"]


@pytest.mark.sphinx(
    "html", testroot="talks", freshenv=True, confoverrides={"language": "fr"}
)
def test_talks_in_french(app):
    app.build()
    titles = [
        li.select_one(".scholar-title").get_text()
        for li in html(app).select("li.scholar-talk")
    ]
    assert (
        titles[1]
        == "[81 min] Cours sur «\u00a0Towards a unified view of engines\u00a0» à UC Berkeley, 2017."
    )
    assert titles[0].endswith("[slides] [article]")


def test_the_script_gets_its_labels_in_french(make_app, root_copy):
    srcdir = root_copy("files")
    (srcdir / "interactive.rst").write_text(
        ":orphan:\n\nI\n=\n\n.. publications:: data/papers.bib\n   :interactive:\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "fr"})
    app.build()
    box = html(app, "interactive").select_one(".scholar-interactive")
    labels = json.loads(box["data-labels"])
    assert labels["abstract"] == "Aperçu du résumé"
    assert labels["sort"] == "Trier par"
    assert labels["count"] == "{shown} publications sur {total}"


def test_catalogs_are_complete_and_current(tmp_path):
    """Every label in the code is in the template, and translated in French."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    package = Path(__file__).parent.parent / "sphinx_scholar"
    in_code = {
        message
        for _, _, message, *_ in extract_from_dir(str(package), keywords={"_": None})
    }
    with open(package / "locale" / "sphinx_scholar.pot", "rb") as file:
        template = {m.id for m in read_po(file) if m.id}
    assert in_code == template, "run: make catalogs"
    folder = package / "locale" / "fr" / "LC_MESSAGES"
    with open(folder / "sphinx_scholar.po", "rb") as file:
        french = {m.id: m.string for m in read_po(file) if m.id}
    assert {k for k, v in french.items() if not v} == set() and set(french) == template
    with open(folder / "sphinx_scholar.mo", "rb") as file:
        compiled = {m.id: m.string for m in read_mo(file) if m.id}
    assert compiled == french, "run: make catalogs"
