"""Hostile and odd YAML (issue 22): no traceback, a located warning, and the
good entries of the file still read."""

from __future__ import annotations

from sphinx_scholar.event_calendar import event_ics, event_jsonld
from sphinx_scholar.loaders import fields, load_event, load_publications

from .test_cli import scholar


def write(tmp_path, name, text):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def problems(result, subtype):
    return [p for p in result.problems if p.subtype == subtype]


def titles(result):
    return [record.title for record in result.records]


# --- 1. a tab after the first dash, a document start with a comment ----------

TAB_AFTER_DASH = (
    "-\tkey: tabbed\n  title: Tabbed\n- key: good\n  title: Good After The Tab\n"
)
COMMENTED_START = (
    "--- # my papers\n"
    "- key: good\n  title: Good Before\n"
    "- key: broken\n  title: [Unclosed\n"
    "- key: last\n  title: Good After\n"
)


def test_a_tab_after_the_first_dash_is_a_located_syntax_warning(tmp_path):
    result = load_publications(write(tmp_path, "p.yaml", TAB_AFTER_DASH))
    assert titles(result) == ["Good After The Tab"]
    (syntax,) = problems(result, "syntax")
    assert syntax.line == 1 and "indent with spaces, not tabs" in syntax.message


def test_a_commented_document_start_before_a_syntax_error(tmp_path):
    result = load_publications(write(tmp_path, "p.yaml", COMMENTED_START))
    assert titles(result) == ["Good Before", "Good After"]
    (syntax,) = problems(result, "syntax")
    assert syntax.line == 5 and "this entry is left out" in syntax.message


def test_check_reports_both_files_without_a_traceback(tmp_path):
    write(tmp_path, "tab.yaml", TAB_AFTER_DASH)
    write(tmp_path, "start.yaml", COMMENTED_START)
    done = scholar("check", "tab.yaml", "start.yaml", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "tab.yaml:1: YAML syntax error" in done.stdout
    assert "start.yaml:5: YAML syntax error" in done.stdout


# --- 2. an event URL cut in lines; 4. an event that ends on 9999-12-31 -----------

EVENT = """\
event:
  name: Conf
  start: {start}
  end: {end}
  url: |-
    https://example.org/
    conf
program:
  - title: Opening
    url: "https://example.org/\\u2028open ing\\u00a0now"
"""


def test_an_event_url_in_lines_is_read_on_one_line_with_a_warning(tmp_path):
    result = load_event(
        write(tmp_path, "e.yaml", EVENT.format(start="2020-06-01", end="2020-06-03"))
    )
    (event,) = result.records
    assert event.url == "https://example.org/conf"
    assert event.program[0].url == "https://example.org/%E2%80%A8open ing%C2%A0now"
    warned = problems(result, "url")
    assert [p.line for p in warned] == [5, 10]
    assert "holds a line break" in warned[0].message
    ics = event_ics(event).decode()
    assert "URL:https://example.org/conf\r\n" in ics
    assert "DTEND;VALUE=DATE:20200604" in ics


def test_an_event_ending_on_the_last_day_there_is_has_a_calendar(tmp_path):
    result = load_event(
        write(tmp_path, "e.yaml", EVENT.format(start="9999-12-30", end="9999-12-31"))
    )
    (event,) = result.records
    ics = event_ics(event).decode()
    assert "DTSTART;VALUE=DATE:99991230" in ics and "DURATION:P2D" in ics
    assert '"endDate": "9999-12-31"' in event_jsonld(event)


def test_a_100_kb_url_of_breaks_and_blanks_is_cleaned(tmp_path):
    written = "https://example.org/" + "a\\n\\t\\u2028 " * 10_000 + "z"  # 110 KB
    result = load_event(
        write(tmp_path, "e.yaml", f'event:\n  name: Conf\n  url: "{written}"\n')
    )
    (event,) = result.records
    assert event.url == "https://example.org/" + "a%E2%80%A8 " * 10_000 + "z"
    assert [p.line for p in problems(result, "url")] == [3]


# --- 3. alias bombs, and aliases that repeat a long text ------------------------


def alias_bomb(levels: int) -> str:
    """A few hundred bytes that mean ``9 ** levels`` strings."""
    lines = ['  - &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"  - &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)
    ]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_quoted_in_a_few_words(tmp_path):
    text = (
        "- key: bomb\n  title: Bomb\n  notes:\n"
        + alias_bomb(10)  # 9 ** 10 strings: hours and terabytes, walked whole
        + "  authors: *a9\n  venue: *a9\n  tags: *a9\n"
        "- key: good\n  title: Good\n"
    )
    assert len(text) < 1000
    result = load_publications(write(tmp_path, "p.yaml", text))
    assert titles(result) == ["Bomb", "Good"]
    wrong = problems(result, "field_type")
    assert {p.line for p in wrong} == {3, 14, 15, 16}
    assert all(len(p.message) < 250 for p in wrong), wrong
    venue = next(p for p in wrong if p.line == 15)
    assert "'venue' should be text, not a list [[[[[[[[[['lol', 'lol'" in venue.message


def test_an_alias_bomb_in_a_file_read_entry_by_entry(tmp_path):
    text = (
        "- key: broken\n  title: [Unclosed\n"
        "- key: bomb\n  title: Bomb\n  venue:\n"
        + alias_bomb(10).replace("  - ", "    - ")
        + "- key: good\n  title: Good\n"
    )
    result = load_publications(write(tmp_path, "p.yaml", text))
    assert titles(result) == ["Bomb", "Good"]
    assert [p.line for p in problems(result, "syntax")] == [2]
    assert [p.line for p in problems(result, "field_type")] == [5]


def test_aliases_that_repeat_a_long_text_are_cut_at_the_limit(tmp_path):
    long = "x" * 30_000
    text = (
        f"- key: a\n  title: &t {long}\n  tags: [{', '.join(['*t'] * 1000)}]\n"
        "- key: b\n  title: Good\n"
    )  # 35 KB that mean 30 MB of tags
    result = load_publications(write(tmp_path, "p.yaml", text))
    first, second = result.records
    assert first.title == long and first.tags == (long,) * 3
    assert second.title == "Good"
    (warned,) = problems(result, "text")
    assert warned.line == 3
    assert "'tags' holds more than 100,000 characters" in warned.message


def test_a_text_longer_than_the_limit_is_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(fields, "MAX_FIELD_TEXT", 100_000)  # 4 MB in a real file
    text = f"- key: a\n  title: T\n  abstract: {'word ' * 24_000}\n"  # 120 KB
    result = load_publications(write(tmp_path, "p.yaml", text))
    assert result.records[0].abstract == ("word " * 20_000)[:100_000]
    (warned,) = problems(result, "text")
    assert warned.line == 3 and "it is cut there" in warned.message


# --- 5. merge keys -----------------------------------------------------------------


def test_a_merged_key_overridden_is_not_a_duplicate(tmp_path):
    text = (
        "- &base\n  key: base\n  title: Base\n  venue: ICML\n  year: 2020\n"
        "- <<: *base\n  key: child\n  title: Child\n  year: 2021\n"
        "- key: twice\n  title: One\n  title: Two\n"
    )
    result = load_publications(write(tmp_path, "p.yaml", text))
    child = result.records[1]
    assert (child.key, child.title, child.venue, child.year) == (
        "child",
        "Child",
        "ICML",
        2021,
    )
    (duplicate,) = problems(result, "duplicate_field")
    assert duplicate.line == 12 and "'title' (first on line 11)" in duplicate.message


# --- 8. the name of a new site, as each file writes text ---------------------------

NAMES = ['Ada "Countess" Lovelace', "C:\\Users\\ada", "Lovelace, Ada", "Name: PhD"]


def test_a_starter_name_is_escaped_in_python_and_yaml(tmp_path):
    import runpy

    from sphinx_scholar.loaders import load_people
    from sphinx_scholar.starter import STARTER_FILES, fill

    for number, name in enumerate(NAMES):
        conf = tmp_path / f"conf{number}.py"
        conf.write_text(fill("conf.py", STARTER_FILES["conf.py"], name), "utf-8")
        values = runpy.run_path(str(conf))
        assert values["project"] == values["author"] == name
        assert values["copyright"] == f"2026, {name}"
        people = write(
            tmp_path,
            f"people{number}.yaml",
            fill("x.yaml", STARTER_FILES["data/people.yaml"], name),
        )
        result = load_people(people)
        assert result.problems == [] and result.records[0].name == name
        papers = write(
            tmp_path,
            f"pubs{number}.yaml",
            fill("x.yaml", STARTER_FILES["data/publications.yaml"], name),
        )
        result = load_publications(papers)
        assert result.problems == []
        # "Lovelace, Ada" is one author, named in natural order
        natural = "Ada Lovelace" if name == "Lovelace, Ada" else name
        assert [a.name for a in result.records[0].authors] == [
            natural,
            "Charles Babbage",
        ]


# --- 9. year 0000 ------------------------------------------------------------------


def test_year_0000_is_a_date_warning_in_yaml_and_bibtex(tmp_path):
    for name, text, line in [
        ("p.yaml", "- key: a\n  title: T\n  year: 0000\n", 3),
        ("p.bib", "@article{a,\n  title = {T},\n  year = {0000},\n}\n", 3),
        ("q.yaml", "- key: a\n  title: T\n  year: '0000 or so'\n", 3),
    ]:
        result = load_publications(write(tmp_path, name, text))
        assert result.records[0].year is None, name
        (warned,) = problems(result, "date")
        assert warned.line == line and "is not a year" in warned.message
