"""The BibTeX a site shows and exports: written by hand, read back by pybtex."""

from dataclasses import replace

import pytest
from pybtex.database import parse_string

from sphinx_scholar.citation import citation_bibtex
from sphinx_scholar.loaders import load_publications
from sphinx_scholar.loaders.bibtex import load_bibtex
from sphinx_scholar.model import Author, Publication

BIBTEX = r"""@article{plain,
  title = {A {GPU} Study of 100\% Recall},
  author = {M{\"u}ller, J{\"o}rg and Lovelace, Ada},
  journal = {Journal of Things},
  year = {2020},
  pdf = {https://example.org/a.pdf},
  selected = {true},
}
@inproceedings{child,
  title = {Child},
  crossref = {parent},
}
@proceedings{parent,
  title = {Proceedings of Parents},
  year = 2019,
}
"""


def test_a_bibtex_entry_reads_back_as_written_less_site_fields():
    plain = load_bibtex(BIBTEX, "x.bib", [])[0]
    entry = parse_string(citation_bibtex(plain), "bibtex").entries["plain"]
    assert entry.fields["title"] == r"A {GPU} Study of 100\% Recall"
    assert entry.fields["journal"] == "Journal of Things"
    assert [str(person) for person in entry.persons["author"]] == [
        r"M{\"u}ller, J{\"o}rg",
        "Lovelace, Ada",
    ]
    assert "pdf" not in entry.fields and "selected" not in entry.fields


def test_site_fields_and_unsafe_urls_are_left_out_whatever_their_case():
    shouting = load_bibtex(
        "@misc{loud, TITLE = {Loud}, Year = 2020, PDF = {https://example.org/a.pdf},"
        " URL = {javascript:alert(1)}}",
        "x.bib",
        [],
    )[0]
    entry = parse_string(citation_bibtex(shouting), "bibtex").entries["loud"]
    assert dict(entry.fields) == {"title": "Loud", "year": "2020"}


def test_a_crossref_is_resolved_in_the_citation():
    child = next(r for r in load_bibtex(BIBTEX, "x.bib", []) if r.key == "child")
    entry = parse_string(citation_bibtex(child), "bibtex").entries["child"]
    assert entry.fields["booktitle"] == "Proceedings of Parents"
    assert entry.fields["year"] == "2019"
    assert "crossref" not in entry.fields


def test_the_citation_made_when_loading_equals_the_one_made_on_demand():
    """Loading makes each entry's citation once; without it, the entry's text
    is parsed again: both give the same BibTeX."""
    plain = load_bibtex(BIBTEX, "x.bib", [])[0]
    assert plain.citation
    assert citation_bibtex(replace(plain, citation="")) == citation_bibtex(plain)


@pytest.mark.parametrize(
    "title",
    ["Sets {x", "Closing } brace", "100% & #1 $5 a_b ^ ~ back\\slash", "{balanced}"],
)
def test_a_citation_made_from_yaml_is_valid_bibtex_whatever_the_text(title):
    record = Publication(
        key="k",
        title=title,
        type="journal",
        venue="Venue & Co",
        authors=(Author("Ada Lovelace"), Author("John Smith, Jr."), Author("R & D")),
        url="https://example.org/a%20b?x={y}",
        year=2020,
    )
    entry = parse_string(citation_bibtex(record), "bibtex").entries["k"]
    assert entry.fields["journal"] == r"Venue \& Co"
    assert entry.fields["url"] == "https://example.org/a%20b?x=%7By%7D"
    assert len(entry.persons["author"]) == 3
    assert str(entry.persons["author"][1]) == "{John Smith, Jr.}"


def test_yaml_bibtex_field_is_shown_as_a_citation(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "- title: T\n"
        "  bibtex: |\n"
        "    @article{t, title = {T}, journal = {J}, year = 2020, pdf = {x.pdf}}\n",
        encoding="utf-8",
    )
    record = load_publications(str(path)).records[0]
    text = citation_bibtex(record)
    assert parse_string(text, "bibtex").entries["t"].fields["journal"] == "J"
    assert "pdf" not in text
