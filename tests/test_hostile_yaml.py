"""Hostile and odd YAML (issue 22): no traceback, a located warning, and the
good entries of the file still read."""

from __future__ import annotations

import subprocess
import sys

from sphinx_scholar.calendar import event_ics, event_jsonld
from sphinx_scholar.loaders import load_event, load_publications


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


def scholar(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "sphinx_scholar", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


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
