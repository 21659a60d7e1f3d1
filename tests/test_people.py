"""Matching authors to people, and choosing whom to highlight."""

import pytest

from sphinx_scholar.model import Author, Person
from sphinx_scholar.people_matching import Highlight, Registry, resolve_highlight

LOVELACE = Person(
    "lovelace",
    "Ada Lovelace",
    variants=("A. Lovelace", "Augusta Ada King"),
    groups=("Lab",),
)
KAISER = Person("kaiser", "Łukasz Kaiser", groups=("lab", "brain"))
DAHL = Person("dahl", "George E. Dahl")
REGISTRY = Registry.of([LOVELACE, KAISER, DAHL])


def matched_id(author):
    person = REGISTRY.match(author)
    return person.id if person else None


# --- Registry.match -------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["Ada Lovelace", "A. Lovelace", "A Lovelace", "Augusta Ada King", "ada lovelace"],
)
def test_match_by_name_or_variant(written):
    assert matched_id(Author(written)) == "lovelace"


@pytest.mark.parametrize(
    "written", ["Lovelace, Ada", "Lovelace, A.", "King, Augusta Ada"]
)
def test_match_last_first(written):
    assert matched_id(Author(written)) == "lovelace"


def test_match_ignores_marks():
    assert matched_id(Author("Ada Lovelace", "*")) == "lovelace"
    assert matched_id(Author("Ada Lovelace*")) == "lovelace"
    assert matched_id(Author("Ada Lovelace†")) == "lovelace"


def test_match_ignores_accents_both_ways():
    assert matched_id(Author("Lukasz Kaiser")) == "kaiser"
    assert matched_id(Author("Kaiser, Łukasz")) == "kaiser"
    assert (
        Registry.of([Person("jose", "Jose Garcia")]).match(Author("José García")).id
        == "jose"
    )


def test_match_ignores_periods_in_initials():
    assert matched_id(Author("George E Dahl")) == "dahl"


def test_explicit_person_wins_over_the_name():
    assert matched_id(Author("Someone Else", person="kaiser")) == "kaiser"
    assert matched_id(Author("Ada Lovelace", person="dahl")) == "dahl"


def test_explicit_unknown_person_matches_nobody():
    assert matched_id(Author("Ada Lovelace", person="nobody")) is None


def test_unknown_name_matches_nobody():
    assert matched_id(Author("Charles Babbage")) is None
    assert matched_id(Author("Lovelace")) is None


def test_first_person_keeps_a_shared_spelling():
    registry = Registry.of(
        [Person("one", "A. Smith"), Person("two", "Alan Smith", variants=("A. Smith",))]
    )
    assert registry.match(Author("A. Smith")).id == "one"
    assert registry.match(Author("Alan Smith")).id == "two"


def test_members_of_a_group_ignore_case():
    assert REGISTRY.members("lab") == {"lovelace", "kaiser"}
    assert REGISTRY.members("LAB") == {"lovelace", "kaiser"}
    assert REGISTRY.members("brain") == {"kaiser"}
    assert REGISTRY.members("nobody") == set()


# --- resolve_highlight -------------------------------------------------------------


def test_highlight_by_id():
    assert resolve_highlight(["lovelace"], REGISTRY) == Highlight(
        frozenset({"lovelace"})
    )


def test_highlight_by_group_takes_all_members():
    assert resolve_highlight(["lab"], REGISTRY).ids == {"lovelace", "kaiser"}
    assert resolve_highlight(["Brain"], REGISTRY).ids == {"kaiser"}


def test_highlight_by_a_registry_name_gives_the_id():
    assert resolve_highlight(["Lukasz Kaiser"], REGISTRY) == Highlight(
        frozenset({"kaiser"})
    )
    assert resolve_highlight(["Lovelace, A."], REGISTRY) == Highlight(
        frozenset({"lovelace"})
    )


def test_highlight_unknown_name_is_kept_as_a_name_key():
    highlight = resolve_highlight(["Jane Doe*", "kaiser"], REGISTRY)
    assert highlight.ids == {"kaiser"}
    assert highlight.names == {"jane doe"}


def test_highlight_ignores_blank_items():
    highlight = resolve_highlight(["", "  "], REGISTRY)
    assert highlight == Highlight()
    assert not highlight


def test_highlight_items_are_stripped():
    assert resolve_highlight(["  lovelace "], REGISTRY).ids == {"lovelace"}


# --- Highlight.covers -------------------------------------------------------------------


def test_covers_a_matched_person():
    highlight = resolve_highlight(["kaiser"], REGISTRY)
    author = Author("Lukasz Kaiser", "*")
    assert highlight.covers(author, REGISTRY.match(author))


def test_covers_everyone_in_a_highlighted_group():
    highlight = resolve_highlight(["lab"], REGISTRY)
    for written in ["A. Lovelace", "Łukasz Kaiser"]:
        author = Author(written)
        assert highlight.covers(author, REGISTRY.match(author))
    dahl = Author("George Dahl", person="dahl")
    assert not highlight.covers(dahl, REGISTRY.match(dahl))


def test_covers_an_unknown_name_however_it_is_written():
    highlight = resolve_highlight(["Jane Doe"], REGISTRY)
    assert highlight.covers(Author("Jane Doe"), None)
    assert highlight.covers(Author("Doe, Jane"), None)
    assert highlight.covers(Author("JANE DOE*"), None)
    assert not highlight.covers(Author("John Doe"), None)


def test_does_not_cover_other_people():
    highlight = resolve_highlight(["kaiser"], REGISTRY)
    author = Author("Ada Lovelace")
    assert not highlight.covers(author, REGISTRY.match(author))


def test_empty_highlight_covers_nobody():
    author = Author("Ada Lovelace")
    assert not Highlight().covers(author, REGISTRY.match(author))


def test_a_photo_of_conf_py_people_is_looked_up_from_the_source_folder(
    make_app, tmp_path, monkeypatch
):
    srcdir = tmp_path / "site"
    (srcdir / "img").mkdir(parents=True)
    (srcdir / "img" / "ada.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', "utf-8"
    )
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\n'
        'scholar_people = [{"id": "ada", "name": "Ada Lovelace", "photo": "img/ada.svg"}]\n',
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text("Home\n====\n\n.. people::\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "_images" / "ada.svg").exists()
    assert "ada.svg" in (app.outdir / "index.html").read_text(encoding="utf-8")
