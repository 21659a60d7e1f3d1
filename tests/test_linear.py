"""Every loop and pattern over data text runs in linear time.

Each test feeds about 100 KB of the text that made the old code slow
(backtracking patterns, rescanning loops) and checks what a user sees: the
records and the warnings. The old code took minutes or hours on these; the
tests assert on the result, never on timing, but would hang without the fix.
Where a pattern was rewritten, the old one is kept here as a reference and
the two are compared on many small inputs.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_scholar.loaders import load_publications, load_talks
from sphinx_scholar.loaders.bibtex import EXPANSION_MAX, FIELD_MAX
from sphinx_scholar.loaders.bibtex.links import link_items as _link_items
from sphinx_scholar.loaders.talks import parse_duration
from sphinx_scholar.text import fold, latex_to_text, split_mark, split_names

BIG = 100_000


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def messages(result, subtype=None):
    return [
        (p.line, p.message)
        for p in result.problems
        if subtype is None or p.subtype == subtype
    ]


# -- talk durations -----------------------------------------------------------

_OLD_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)?)?\s*$"
)
_OLD_CLOCK = re.compile(r"^\s*(\d+):(\d{2})(?::(\d{2}))?\s*$")


def _old_parse_duration(value: str):
    if not value.strip():
        return None
    clock = _OLD_CLOCK.match(value)
    if clock:
        hours, minutes, seconds = clock.groups()
        if seconds is None:
            return int(hours) + (1 if int(minutes) >= 30 else 0)
        return int(hours) * 60 + int(minutes) + (1 if int(seconds) >= 30 else 0)
    match = _OLD_DURATION.match(fold(value))
    if not match or not (match.group("h") or match.group("m")):
        return None
    return int(match.group("h") or 0) * 60 + int(match.group("m") or 0)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1",
                "21",
                "05",
                " ",
                "  ",
                "\t",
                "\n",
                "h",
                "hr",
                "hours",
                "m",
                "min",
                "mins",
                "minutes",
                ":",
                "x",
                "H",
                "Min",
            ]
        ),  # fmt: skip
        max_size=8,
    ).map("".join)
)
def test_durations_read_as_before(value):
    assert parse_duration(value) == _old_parse_duration(value)


def test_a_duration_of_100_kb_of_blanks_is_reported(tmp_path):
    # cubic before: 3,000 blanks and a letter took 91 s
    talks = [
        {"title": "Blanks Then A Letter", "duration": " " * BIG + "x"},
        {"title": "Number, Blanks, Letter", "duration": "1" + " " * BIG + "x"},
        {"title": "Hours, Blanks, Letter", "duration": "1h" + " " * BIG + "x"},
        {"title": "Long Number", "duration": "1" * BIG},
        {"title": "Spread Out", "duration": "1" + " " * BIG + "h 2" + " " * BIG + "m"},
    ]
    result = load_talks(write(tmp_path, "talks.json", json.dumps(talks)))
    durations = {talk.title: talk.duration for talk in result.records}
    assert durations == {
        "Blanks Then A Letter": None,
        "Number, Blanks, Letter": None,
        "Hours, Blanks, Letter": None,
        "Long Number": None,
        "Spread Out": 62,
    }
    warned = messages(result, "field_type")
    assert len(warned) == 4
    assert all("is not a duration" in message for _, message in warned)
    assert all(len(message) < 300 for _, message in warned)  # quoted short


# -- names: marks and "and" ---------------------------------------------------

_OLD_NAME_MARK = re.compile(r"[\s*†‡§¶#^]+$")


def _old_split_mark(name):
    match = _OLD_NAME_MARK.search(name)
    if not match:
        return name.strip(), ""
    return name[: match.start()].strip(), match.group().strip()


def _old_split_names(value):
    return [part for part in re.split(r"\s+and\s+", value) if part.strip()]


_NAME_PIECES = ["a", "Ada", "and", " ", "  ", "\t", "\n", "\xa0", "*", "†", "#", ","]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=10).map("".join))
def test_names_split_as_before(value):
    assert split_mark(value) == _old_split_mark(value)
    assert split_names(value) == _old_split_names(value)


def test_100_kb_of_blanks_in_author_names(tmp_path):
    blanks = " " * BIG
    publications = [
        {"title": "Blanks Inside", "authors": ["Ada" + blanks + "Lovelace"]},
        {"title": "Marks And Blanks", "authors": ["Ada Lovelace" + " *†" * (BIG // 3)]},
        {"title": "One String", "authors": "Ada Lovelace" + blanks + "x"},
        {"title": "Two Names", "authors": "Ada" + blanks + "and" + blanks + "Babbage"},
        {"title": "Many Names", "authors": " and ".join(["A"] * (BIG // 6))},
    ]
    result = load_publications(write(tmp_path, "p.json", json.dumps(publications)))
    assert messages(result) == []
    authors = {r.title: r.authors for r in result.records}
    assert [(a.name.split(), a.mark) for a in authors["Blanks Inside"]] == [
        (["Ada", "Lovelace"], "")
    ]
    [marked] = authors["Marks And Blanks"]
    assert marked.name == "Ada Lovelace"
    assert set(marked.mark) == {" ", "*", "†"}
    assert [a.name.split() for a in authors["One String"]] == [["Ada", "Lovelace", "x"]]
    assert [a.name for a in authors["Two Names"]] == ["Ada", "Babbage"]
    assert len(authors["Many Names"]) == BIG // 6


def test_100_kb_of_marks_in_a_bibtex_name(tmp_path):
    result = load_publications(
        write(
            tmp_path,
            "p.bib",
            "@misc{marks, title={Marks}, author={Ada" + " *" * (BIG // 2) + " x}}\n",
        )
    )
    assert messages(result) == []
    [record] = result.records
    assert [(a.name, a.mark) for a in record.authors] == [
        ("Ada" + " *" * (BIG // 2) + " x", "")
    ]


# -- BibTeX link fields -------------------------------------------------------

_OLD_LINK_ITEM = re.compile(r"\s*(?:([^\s,:][^,:]*?)\s*:\s+)?([^\s,]+)\s*,?")


def _old_link_items(value):
    return [(label or "", url) for label, url in _OLD_LINK_ITEM.findall(value)]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "b.pdf", "ppt", "http://x/y", " ", "  ", "\t", ":", ",", ": "]
        ),
        max_size=10,
    ).map("".join)
)
def test_link_items_read_as_before(value):
    assert _link_items(value) == _old_link_items(value)


def test_100_kb_link_fields(tmp_path):
    words = "a.pdf " * (BIG // 6)
    result = load_publications(
        write(
            tmp_path,
            "p.bib",
            "@misc{words, title={Words}, pdf={" + words + "}}\n"
            "@misc{colon, title={Colon}, links={" + words + "q/x:y}}\n"
            "@misc{labelled, title={Labelled}, links={" + words + "slides: s.pdf}}\n"
            "@misc{blanks, title={Blanks}, code={b/a: " + " " * BIG + "}}\n",
        )
    )
    assert messages(result) == []
    links = {r.key: r.links for r in result.records}
    [pdf] = links["words"]
    assert pdf.label == "pdf" and len(pdf.files) == BIG // 6
    assert [(link.label, [f.url for f in link.files]) for link in links["colon"]] == [
        ("pdf", ["a.pdf"]),  # free links are labelled by their file type
        ("x:y", ["q/x:y"]),
    ]
    [labelled] = links["labelled"]  # the label runs from the first word
    assert labelled.label.split() == ["a.pdf"] * (BIG // 6) + ["slides"]
    assert [f.url for f in labelled.files] == ["s.pdf"]
    [code] = links["blanks"]
    assert [f.url for f in code.files] == ["b/a:"]


# -- where a BibTeX field is --------------------------------------------------


def test_a_field_after_blank_lines_is_reported_on_its_own_line(tmp_path):
    result = load_publications(
        write(tmp_path, "p.bib", "@misc{k,\n  title={T},\n\n\n  year={abc}}\n")
    )
    assert [line for line, _ in messages(result, "date")] == [5]


def test_100_kb_entries_report_their_field_lines(tmp_path):
    duplicates = "  title = {x},\n" * (BIG // 15)
    blank_lines = "\n" * BIG
    result = load_publications(
        write(
            tmp_path,
            "p.bib",
            "@misc{many,\n" + duplicates + "}\n"
            "@misc{blank, year={abc}," + blank_lines + "title={Blank}}\n",
        )
    )
    duplicated = messages(result, "duplicate_field")
    assert len(duplicated) == BIG // 15 - 1
    assert {line for line, _ in duplicated} == {BIG // 15 + 1}  # the last one
    assert messages(result, "date") == [
        (BIG // 15 + 3, "publication field 'year': 'abc' is not a year "
         "(write a year like 2020)")
    ]  # fmt: skip
    assert sorted(r.key for r in result.records) == ["blank", "many"]


# -- LaTeX --------------------------------------------------------------------


def test_100_kb_of_line_breaks_with_brackets_in_a_title():
    # a line break and a bracket, not an optional argument that is not closed
    assert latex_to_text("\\\\[" * (BIG // 3)) == " ".join(["["] * (BIG // 3))


# -- BibTeX macros that expand without end ------------------------------------


def _macro_bomb(levels: int) -> str:
    """@string macros each ten copies of the one before: 10 ** (levels + 1)
    characters from a few hundred bytes."""
    names = "abcdefghijklmnop"[: levels + 1]
    text = '@string{a = "xxxxxxxxxx"}\n'
    for before, name in zip(names, names[1:], strict=False):
        text += f"@string{{{name} = {' # '.join([before] * 10)}}}\n"
    return text


def test_a_macro_bomb_is_cut_at_the_field_limit(tmp_path):
    # 9 levels: a title of 10 GB before; 12: the file is still under 1 KB
    text = _macro_bomb(12) + "@misc{bomb, title = m # m}\n@misc{fine, title={Fine}}\n"
    assert len(text) < 1000
    result = load_publications(write(tmp_path, "bomb.bib", text))
    titles = {r.key: r.title for r in result.records}
    assert titles == {"bomb": "x" * FIELD_MAX, "fine": "Fine"}
    warned = messages(result, "syntax")
    assert [line for line, _ in warned] == list(range(6, 14)) + [14]
    assert "@string macro 'f' is longer than 100,000 characters" in warned[0][1]
    assert "field 'title' is longer than 100,000 characters" in warned[-1][1]
    assert all("cut there" in message for _, message in warned)


def test_macros_bring_at_most_so_many_characters_into_a_file(tmp_path):
    uses = EXPANSION_MAX // FIELD_MAX + 10
    text = _macro_bomb(4) + "".join(
        f"@misc{{k{i}, title = e, year = {{2020}}}}\n" for i in range(uses)
    )
    result = load_publications(write(tmp_path, "many.bib", text))
    full = [r for r in result.records if r.title]
    # the macros' own definitions took 100 + 1,000 + 10,000 + 100,000
    assert len(full) == (EXPANSION_MAX - 111_100) // FIELD_MAX
    assert all(len(r.title) == FIELD_MAX for r in full)
    warned = messages(result, "syntax")
    assert len(warned) == 1
    assert "expand to more than 5,000,000 characters" in warned[0][1]
    # the entries after it have no title: reported as such
    assert len(messages(result, "missing_field")) == uses - len(full)


# -- what warnings quote ------------------------------------------------------


def test_a_key_with_terminal_escapes_is_quoted_escaped(tmp_path):
    result = load_publications(
        write(tmp_path, "p.bib", "@misc{evil\x1b[2J title={T}}\n")
    )
    [(_, message)] = messages(result, "syntax")
    assert "\x1b" not in message
    assert "\\x1b[2J" in message


def test_key_less_twins_are_numbered_in_turn(tmp_path):
    """Records without keys whose made-up keys meet are numbered; 100 KB of
    them are numbered once each, not by counting again from 2."""
    path = tmp_path / "twins.yaml"
    twin = "- {title: Same Paper, authors: [Ada Lovelace], year: 2020}\n"
    path.write_text(twin * (100_000 // len(twin)), encoding="utf-8")
    records = load_publications(str(path)).records
    keys = [record.key for record in records]
    assert len(set(keys)) == len(keys) == 100_000 // len(twin)
    assert keys[1] == f"{keys[0]}-2" and keys[-1] == f"{keys[0]}-{len(keys)}"


def test_a_long_crossref_chain_is_resolved_in_linear_time(tmp_path):
    """100 KB of entries, each cross-referencing the next."""
    count = 2_000
    entries = [
        f"@inproceedings{{e{n},\n  title = {{Paper {n}}},\n  crossref = {{e{n + 1}}},\n}}\n"
        for n in range(count)
    ]
    entries.append(
        f"@proceedings{{e{count},\n  title = {{The Top}},\n  year = 2020,\n"
        "  publisher = {Engines},\n}\n"
    )
    path = tmp_path / "chain.bib"
    path.write_text("".join(entries), encoding="utf-8")
    assert path.stat().st_size > 100_000
    loaded = load_publications(str(path))
    assert [p for p in loaded.problems if p.subtype == "crossref"] == []
    first = next(r for r in loaded.records if r.key == "e0")
    assert first.year == 2020 and first.publisher == "Engines"


def test_what_crossrefs_copy_into_a_file_is_bounded(tmp_path):
    """A 100 KB field of one entry, cross-referenced by a hundred others,
    would copy ten million characters: what goes past the budget is left
    out, with a warning at each entry that would have copied it."""
    note = "x" * 100_000
    entries = [f"@proceedings{{top,\n  title = {{Top}},\n  note = {{{note}}},\n}}\n"]
    entries += [
        f"@inproceedings{{c{n},\n  title = {{Child {n}}},\n  crossref = {{top}},\n}}\n"
        for n in range(100)
    ]
    path = tmp_path / "copies.bib"
    path.write_text("".join(entries), encoding="utf-8")
    loaded = load_publications(str(path))
    warned = [p for p in loaded.problems if p.subtype == "crossref"]
    assert 40 <= len(warned) <= 60
    assert all("would copy more than" in p.message and p.line for p in warned)
    assert len(loaded.records) == 100  # the proceedings are shown through them


def test_dates_of_100_kb_with_line_breaks_are_read_once(tmp_path):
    from sphinx_scholar.loaders import load_cv

    bib = tmp_path / "dates.bib"
    bib.write_text(
        "@misc{a,\n  title = {T},\n  date = {" + "2019-01\n" * 12_500 + "},\n}\n",
        encoding="utf-8",
    )
    assert [r.key for r in load_publications(str(bib)).records] == ["a"]
    cv = tmp_path / "cv.yaml"
    cv.write_text(
        'education:\n  - degree: PhD\n    start: "' + "2019-01\\n" * 12_500 + '"\n',
        encoding="utf-8",
    )
    result = load_cv(str(cv))
    (problem,) = [p for p in result.problems if p.subtype == "date"]
    assert problem.line == 3 and len(problem.message) < 300


# -- JSON ---------------------------------------------------------------------


def test_100_kb_json_entries_report_their_field_lines(tmp_path):
    duplicates = '   "title": "x",\n' * (BIG // 16)
    blank_lines = "\n" * BIG
    text = (
        '[\n  {"key": "many",\n' + duplicates + '   "year": 2020},\n'
        '  {"key": "blank", "year": "abc",' + blank_lines + '"title": "Blank"}\n]\n'
    )
    result = load_publications(write(tmp_path, "p.json", text))
    duplicated = messages(result, "duplicate_field")
    assert len(duplicated) == BIG // 16 - 1
    assert {line for line, _ in duplicated} == {BIG // 16 + 2}  # the last one
    assert [line for line, _ in messages(result, "date")] == [BIG // 16 + 4]
    assert [r.line for r in result.records] == [2, BIG // 16 + 4]


def test_100_kb_of_json_entries_that_do_not_parse_cost_only_themselves(tmp_path):
    count = BIG // 40
    entries = [
        f'{{"key": "k{number}", "title": "T{number}"'  # every other is not closed
        + ("}" if number % 2 else "")
        for number in range(count)
    ]
    text = "[\n  " + ",\n  ".join(entries) + "\n]\n"
    result = load_publications(write(tmp_path, "p.json", text))
    assert [r.title for r in result.records] == [f"T{n}" for n in range(1, count, 2)]
    syntax = messages(result, "syntax")
    assert [line for line, _ in syntax] == list(range(2, count + 2, 2))
    assert all("not closed before the next one starts" in m for _, m in syntax)
