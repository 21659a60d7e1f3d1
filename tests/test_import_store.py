"""The YAML file written back by an import: fields replaced in place, the
other lines and comments kept, in time linear in the text."""

from __future__ import annotations

from sphinx_scholar.importing.files.ris import load_ris
from sphinx_scholar.importing.store import patch_item


def test_fields_are_replaced_in_place_or_not_at_all():
    item = (
        "- key: a  # the key\n"
        "  title: Old\n"
        "  authors:\n"
        "  - Ada Lovelace\n"
        "  # a comment between fields\n"
        "  links:\n"
        "    pdf: a.pdf\n"
        "\n"
    )
    patched = patch_item(item, {"title": "New", "authors": ["A", "B"], "year": 2020})
    assert patched == (
        "- key: a  # the key\n"
        "  title: New\n"
        "  authors:\n"
        "  - A\n"
        "  - B\n"
        "  # a comment between fields\n"
        "  year: 2020\n"
        "  links:\n"
        "    pdf: a.pdf\n"
        "\n"
    )
    assert patch_item("- {key: a}\n", {"title": "New"}) is None


def test_100_kb_of_ris_continuation_lines_and_yaml_lines(tmp_path):
    """Linear in the text: a wrapped abstract of 100 KB in lines of a few
    characters, and an entry of 100 KB of lines to patch."""
    lines = "\n".join(["ab"] * 33_000)
    problems: list = []
    [record] = load_ris(
        f"TY  - JOUR\nTI  - T\nAB  - start\n{lines}\nER  -\n", "x.ris", problems
    )
    assert len(record["abstract"]) > 99_000 and problems == []
    item = "- key: a\n  title: T\n  notes:\n" + "  - n\n" * 20_000
    patched = patch_item(item, {"title": "U"})
    assert patched is not None and patched.count("\n  - n") == 20_000


def test_100_kb_identifiers_and_service_text():
    """What a service sends and what a user types go through patterns that
    look at each character a bounded number of times."""
    from sphinx_scholar.importing.identifiers import BadIdentifier, is_identifier, parse
    from sphinx_scholar.importing.mapping import clean_abstract, clean_text, norm_title

    for text in (
        "doi:10." + "1" * 100_000,
        "arxiv:" + "a-" * 50_000,
        "10.1234/" + " x" * 50_000,
    ):
        try:
            parse(text)
        except BadIdentifier as error:
            assert len(str(error)) > 0
        is_identifier(text)
    assert parse("doi:10.1234/" + "x" * 100_000).value.endswith("x")
    assert clean_text("<" * 100_000) == "<" * 100_000
    assert clean_text("<a" * 50_000) == "<a" * 50_000
    assert clean_abstract("<jats:title>" * 20_000) == ""  # tags, no text
    assert len(norm_title("Ab-" * 40_000)) == 80_000
