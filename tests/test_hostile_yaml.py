"""Hostile and odd YAML (issue 22): no traceback, a located warning, and the
good entries of the file still read."""

from __future__ import annotations

import subprocess
import sys

from sphinx_scholar.loaders import load_publications


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
