"""How to cite a publication: a sentence in the site's style, BibTeX and RIS
on its page, and ``publications.ris`` with every listed publication, for
reference managers."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pybtex.database import Person

from sphinx_scholar.model import Author, Publication
from sphinx_scholar.ris import ris_entry, ris_name


def tags(text: str) -> list[tuple[str, str]]:
    return [(line[:2], line[6:]) for line in text.splitlines()]


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Ada Lovelace", "Lovelace, Ada"),
        ("Ludwig van Beethoven", "van Beethoven, Ludwig"),
        ("Plato", "Plato"),
        ("Grace  Murray\nHopper", "Hopper, Grace Murray"),
        ("{Unbalanced", "{Unbalanced"),
    ],
)
def test_names_are_family_comma_given(name, written):
    assert ris_name(Author(name)) == written


@pytest.mark.parametrize(
    "name",
    [
        "J. R. R. Tolkien",
        "Jean-Paul Sartre",
        "Mary O'Neil",
        "Mary O’Neil",
        "Émile d'Arc",
        "Łukasz Żukowski",
        "John Smith Jr.",
        "De La Cruz",
        "Ana Li-",
        "-Ana Li",
        "Ana {Li}",
        "Ana Li, Jr.",
        "Li, Ana",
        "ana li",
        "Ana 2Li",
        "Ana Li~Wu",
    ],
)
def test_a_name_is_read_as_pybtex_reads_it(name):
    # plain names are read without pybtex's parser: the same, and quicker
    person = Person(name)
    family = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    lineage = ", " + " ".join(person.lineage_names) if person.lineage_names else ""
    expected = f"{family}, {given}{lineage}" if family and given else name
    assert ris_name(Author(name)) == expected


def test_a_conference_paper_has_every_field_on_its_own_line():
    record = Publication(
        key="k",
        title="An O(√n) way\nacross lines",
        type="conference",
        authors=(Author("Ada Lovelace"), Author("Charles Babbage")),
        venue="ICML",
        year=2020,
        month=7,
        pages="1--9",
        doi="10.1000/x",
        arxiv="2001.00001",
        abstract="Line one.\n\nLine two.",
        tags=("ml",),
    )
    assert tags(ris_entry(record)) == [
        ("TY", "CPAPER"),
        ("AU", "Lovelace, Ada"),
        ("AU", "Babbage, Charles"),
        ("TI", "An O(√n) way across lines"),
        ("T2", "ICML"),
        ("PY", "2020"),
        ("DA", "2020/07//"),
        ("SP", "1"),
        ("EP", "9"),
        ("DO", "10.1000/x"),
        ("UR", "https://arxiv.org/abs/2001.00001"),
        ("AB", "Line one. Line two."),
        ("KW", "ml"),
        ("ER", ""),
    ]


@pytest.mark.parametrize(
    ("kind", "ris_type", "venue_tag"),
    [("journal", "JOUR", "JO"), ("thesis", "THES", "PB"), ("chapter", "CHAP", "T2"),
     ("preprint", "UNPB", "T2"), ("other", "GEN", "T2")],
)  # fmt: skip
def test_each_type_has_its_ris_type_and_venue_tag(kind, ris_type, venue_tag):
    lines = tags(ris_entry(Publication(key="k", title="T", type=kind, venue="V")))
    assert lines[0] == ("TY", ris_type)
    assert (venue_tag, "V") in lines


def test_a_long_abstract_is_one_line_in_linear_time():
    abstract = "word \n" * 20_000  # 120 KB
    text = ris_entry(Publication(key="k", title="T", abstract=abstract))
    assert len(text.splitlines()) == 4


def test_names_are_read_once_and_a_100_kb_name_is_not_kept():
    from sphinx_scholar import ris

    assert ris_name(Author("Ada  Lovelace")) == ris_name(Author("Ada Lovelace"))
    kept = ris._family_first.cache_info().currsize
    long_name = "Ada " + "X" * 100_000 + " Lovelace"  # a middle name
    assert ris_name(Author(long_name)) == "Lovelace, Ada " + "X" * 100_000
    assert ris._family_first.cache_info().currsize == kept


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_a_page_offers_its_citation_as_a_sentence_bibtex_and_ris(app):
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "pub" / "lovelace2019bib.html").read_text("utf-8"), "html.parser"
    )
    rubrics = [rubric.get_text() for rubric in soup.select(".rubric")]
    assert rubrics[-3:] == ["Cite", "BibTeX", "RIS"]
    sentence = soup.select_one(".scholar-cite .scholar-copy-text").get_text()
    assert sentence.startswith("Ada Lovelace")
    assert "Bernoulli Numbers on the Analytical Engine." in sentence
    # the venue line as the site's lists write it
    assert "International Conference on Machine Learning (ICML)" in sentence
    ris = soup.select_one(".scholar-ris pre").get_text()
    assert ris.startswith("TY  - CPAPER\nAU  - Lovelace, Ada\n")
    assert ris.endswith("ER  - \n")
    for block in soup.select(".scholar-copyable"):
        assert block["data-copy-name"].startswith("Copy ")
    # the whole site's references, for reference managers
    exported = (app.outdir / "publications.ris").read_text("utf-8")
    assert ris in exported
    assert exported.count("TY  - ") == exported.count("ER  - ")
