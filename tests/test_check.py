"""``sphinx-scholar check SITE`` reports what ``sphinx-build -W`` fails on.

Each test checks a site and builds it for real, and compares the two: the
same ``scholar`` warnings (location, message and kind), and a failing check
exactly when the build fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_scholar.check import Shown, parse_shown
from sphinx_scholar.cli import main

pytest.importorskip("myst_parser")

_BUILD_WARNING = re.compile(r"^(?:(.*?): )?(?:WARNING|ERROR): (.*)$")


def check(site: Path, capsys) -> tuple[int, list[str], str]:
    """Exit status, problem lines and summary of ``sphinx-scholar check``."""
    status = main(["check", str(site)])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def build(site: Path, out: Path) -> tuple[int, list[str]]:
    """Exit status and ``scholar`` warnings (without "WARNING:") of a real
    ``sphinx-build -W --keep-going`` of the HTML site, run from the same folder."""
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-E"]
        + ["-b", "html", str(site), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = []
    for line in done.stderr.splitlines():
        match = _BUILD_WARNING.match(line)
        if match and "[scholar." in line:
            where, message = match.groups()
            lines.append(f"{where}: {message}" if where else message)
    return done.returncode, lines


def kinds(lines: list[str]) -> set[tuple[str, str]]:
    """(file name:line, subtype) of each warning line."""
    found = set()
    for line in lines:
        shown: Shown = parse_shown(f"WARNING: {line}")
        where = re.match(r"(.+?:\d+): ", line)
        name = Path(where.group(1)).name if where else ""
        found.add((name, shown.subtype))
    return found


@pytest.fixture
def site(root_copy, monkeypatch, tmp_path) -> Path:
    monkeypatch.chdir(tmp_path)  # locations are relative to it, in both
    return root_copy("check-site")


def fix(site: Path) -> None:
    """Correct the three mistakes of the test-check-site root."""
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace('["slides"]', '["slides", "papers"]'),
        encoding="utf-8",
    )
    talks = site / "data" / "talks.yaml"
    text = talks.read_text(encoding="utf-8")
    text = text.replace("lovelace2019engins", "lovelace2019engines")
    talks.write_text(text.replace("speakerz:", "speakers:"), encoding="utf-8")


def test_check_reports_what_the_build_fails_on(site, capsys, tmp_path):
    status, lines, err = check(site, capsys)
    built, build_lines = build(site, tmp_path / "out")
    assert status == 1 and built != 0
    assert sorted(lines) == sorted(build_lines)
    assert kinds(lines) == {
        # PDFs beside no folder of scholar_file_dirs, from BibTeX and YAML
        ("papers.bib:1", "file"),
        ("more.yaml:1", "file"),
        # a data file only a MyST page names
        ("talks.yaml:12", "unknown_field"),
        # a talk's paper key, mistyped
        ("talks.md:3", "reference"),
    }
    assert "checked the site" in err and "4 problem(s)" in err
    assert "Traceback" not in err and "reading sources" not in err + "\n".join(lines)


def test_once_the_data_is_fixed_both_pass(site, capsys, tmp_path):
    fix(site)
    status, lines, err = check(site, capsys)
    built, build_lines = build(site, tmp_path / "out")
    assert (status, lines, built, build_lines) == (0, [], 0, [])
    assert "no problem(s)" in err


def test_check_writes_nothing_into_the_site(site, capsys):
    (site / "_ext").mkdir()
    (site / "_ext" / "local.py").write_text(
        "def setup(app):\n    return {}\n", encoding="utf-8"
    )
    conf = site / "conf.py"
    conf.write_text(
        "import os, sys\nsys.path.insert(0, os.path.abspath('_ext'))\n"
        + conf.read_text(encoding="utf-8").replace(
            '"sphinx_scholar"]', '"sphinx_scholar", "local"]'
        ),
        encoding="utf-8",
    )

    def snapshot():
        return {
            path.relative_to(site): None if path.is_dir() else path.read_bytes()
            for path in site.rglob("*")
        }

    before = snapshot()
    assert check(site, capsys)[0] == 1
    assert snapshot() == before


def test_suppress_warnings_silences_a_kind_in_check_too(site, capsys, tmp_path):
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'suppress_warnings = ["scholar.file"]\n',
        encoding="utf-8",
    )
    status, lines, _ = check(site, capsys)
    built, build_lines = build(site, tmp_path / "out")
    assert {subtype for _, subtype in kinds(lines)} == {"unknown_field", "reference"}
    assert sorted(lines) == sorted(build_lines)
    assert status == 1 and built != 0


def test_the_kind_is_known_when_the_site_hides_it(site, capsys):
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + "show_warning_types = False\n",
        encoding="utf-8",
    )
    status, lines, _ = check(site, capsys)
    assert status == 1 and len(lines) == 4
    assert all(line.endswith("]") and "[scholar." in line for line in lines)


def test_sites_checked_one_after_the_other_do_not_see_each_other(
    site, capsys, root_copy
):
    """Each site's extensions register their directives anew, as in a build
    of its own (no "already registered" warnings for the second)."""
    fix(site)
    again = site.rename(site.with_name("first"))
    fix(root_copy("check-site"))
    status = main(["check", str(again), str(site)])
    err = capsys.readouterr().err
    assert status == 0 and err.count("no problem(s)") == 2
    assert "other Sphinx warning" not in err


def test_other_sphinx_warnings_are_counted_not_failed_on(site, capsys):
    fix(site)
    with (site / "index.rst").open("a", encoding="utf-8") as index:
        index.write("\n.. no-such-directive:: x\n")
    status, lines, err = check(site, capsys)
    assert status == 0 and lines == []
    assert "1 other Sphinx warning(s); run sphinx-build to see them" in err


def test_only_blocks_are_read_as_the_html_build_reads_them(site, capsys, tmp_path):
    """A list inside ``.. only:: html`` is on the HTML site: links to its
    publications are no problem."""
    fix(site)
    (site / "index.rst").write_text(
        "Check\n=====\n\n.. toctree::\n\n   talks\n\n"
        ".. only:: html\n\n   .. publications:: data/papers.bib\n\n"
        ".. publications:: data/more.yaml\n",
        encoding="utf-8",
    )
    status, lines, _ = check(site, capsys)
    assert (status, lines) == (0, [])
    assert build(site, tmp_path / "out") == (0, [])


@pytest.mark.parametrize(
    ("conf", "said"),
    [
        ("x = 1\ny = undefined_name\n", "conf.py:2: NameError: name 'undefined_name'"),
        ('extensions = ["no_such_extension"]\n', "no_such_extension"),
        ("def broken(:\n", "syntax error"),
    ],
)
def test_a_site_that_cannot_be_read_is_one_line_and_status_2(site, capsys, conf, said):
    (site / "conf.py").write_text(conf, encoding="utf-8")
    status, lines, err = check(site, capsys)
    assert status == 2 and lines == []
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("error: ") and said in err
    assert "Traceback" not in err


def test_a_folder_without_conf_py_is_no_site(tmp_path, capsys):
    (tmp_path / "papers.yaml").write_text("- key: a\n  title: A\n", encoding="utf-8")
    status, lines, err = check(tmp_path, capsys)
    assert status == 2 and "no conf.py" in err
