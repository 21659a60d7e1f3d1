"""``sphinx-scholar check``: the problems a build would report, without building.

A site (a folder with a ``conf.py``) is read by Sphinx itself, with the
``dummy`` builder, which writes nothing: every page in every source format the
site configures, every directive and role, the site's ``suppress_warnings``.
So check reports exactly the ``scholar`` warnings that make ``sphinx-build -W``
fail. Output goes to a temporary folder; nothing is written into the site.

Single data files, outside any site, are read by the loaders the build uses.
"""

from __future__ import annotations

import re
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from .diagnostics import WARNING_TYPE, file_location
from .loaders import LOADERS, load_structured
from .loaders.cv_fields import SECTION_FIELDS
from .model import Problem

#: The tags of an HTML build, so that ``only`` blocks show what the built
#: site shows (the dummy builder would otherwise hide ``.. only:: html``).
HTML_TAGS = ("html", "format_html", "builder_html")


class CheckError(Exception):
    """A site that cannot be read at all; the message is one line for the user."""


@dataclass(frozen=True)
class Shown:
    """One warning as Sphinx shows it."""

    location: str  # "path:line", "path", or "" when the message says where
    message: str
    type: str  # "" for warnings without a type (docutils syntax, ...)
    subtype: str

    def __str__(self) -> str:
        kind = f"{self.type}.{self.subtype}" if self.subtype else self.type
        text = f"{self.location}: {self.message}" if self.location else self.message
        return f"{text} [{kind}]" if kind else text


@dataclass
class SiteReport:
    scholar: list[Shown] = field(default_factory=list)
    others: list[Shown] = field(default_factory=list)


# --- sites --------------------------------------------------------------------

_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_LEVEL = r"(?:WARNING|ERROR|CRITICAL): "
_SHOWN = re.compile(
    rf"^(?:{_LEVEL}|(?P<location>.*?): {_LEVEL})(?P<message>.*?)"
    r"(?: \[(?P<type>[\w-]+)(?:\.(?P<subtype>[\w.-]+))?\])?\s*\Z",
    re.DOTALL,
)


class WarningStream:
    """Sphinx's warning stream, read warning by warning.

    Sphinx's warning handler writes each warning it shows whole, in one call,
    after ``suppress_warnings`` has dropped the silenced ones; with
    ``show_warning_types`` on, each ends with its ``[type.subtype]``.
    """

    encoding = "utf-8"

    def __init__(self) -> None:
        self.shown: list[Shown] = []

    def write(self, text: str) -> int:
        text = _COLOUR.sub("", text)
        if text.strip():
            self.shown.append(parse_shown(text))
        return len(text)

    def flush(self) -> None:
        pass


def parse_shown(text: str) -> Shown:
    match = _SHOWN.match(text)
    if match is None:  # not a warning line of Sphinx's: counted, not parsed
        return Shown("", text.strip(), "", "")
    return Shown(
        match["location"] or "",
        match["message"],
        match["type"] or "",
        match["subtype"] or "",
    )


def check_site(site: Path) -> SiteReport:
    """The warnings Sphinx shows when it reads the site, ``scholar`` ones apart."""
    site = site.resolve()
    if not (site / "conf.py").is_file():
        raise CheckError(f"{site}: no conf.py here; give a site folder or data files")
    stream = WarningStream()
    # local extensions beside conf.py would leave __pycache__ in the site
    writes_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        # as sphinx-build does: the site's docutils.conf is read, and the
        # directives and roles the extensions register go afterwards
        with (
            tempfile.TemporaryDirectory(prefix="sphinx-scholar-check-") as scratch,
            patch_docutils(site),
            docutils_namespace(),
        ):
            read_site(site, Path(scratch), stream)
    except SphinxError as error:
        raise CheckError(one_line(error, site)) from error
    except Exception as error:  # an extension that fails on this site
        raise CheckError(
            f"{site}: the build stopped: {type(error).__name__}: {error} "
            "(sphinx-build shows where)"
        ) from error
    finally:
        sys.dont_write_bytecode = writes_bytecode
    report = SiteReport()
    for shown in stream.shown:
        (report.scholar if shown.type == WARNING_TYPE else report.others).append(shown)
    return report


def read_site(site: Path, scratch: Path, stream: WarningStream) -> None:
    """Every page read and resolved, as for HTML; output only into ``scratch``."""
    app = Sphinx(
        srcdir=site,
        confdir=site,
        outdir=scratch / "out",
        doctreedir=scratch / "doctrees",
        buildername="dummy",
        # every shown warning ends with its [type.subtype], whatever conf.py says
        confoverrides={"show_warning_types": True},
        status=None,
        # Sphinx only writes to it, as WarningStream does
        warning=cast("IO[str]", stream),
        freshenv=True,
        tags=HTML_TAGS,
    )
    app.build()


def one_line(error: SphinxError, site: Path) -> str:
    """A Sphinx error in one line; an error raised in conf.py at its line."""
    cause = error.__cause__
    if cause is not None:
        conf = str(site / "conf.py")
        for frame in reversed(traceback.extract_tb(cause.__traceback__)):
            if frame.filename == conf:
                where = file_location(conf, frame.lineno or 0)
                return f"{where}: {type(cause).__name__}: {cause}"
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    message = lines[0] if lines else type(error).__name__
    return f"{site}: {message}"


# --- single files -------------------------------------------------------------


def check_file(path: str, kind: str | None = None) -> list[Problem]:
    """A data file's problems, read as the build reads it."""
    kind = kind or guess_kind(path)
    return sorted(LOADERS[kind](path).problems, key=lambda problem: problem.line)


def format_problem(problem: Problem) -> str:
    where = file_location(problem.source, problem.line) or problem.source
    return f"{where}: {problem.message}"


def guess_kind(path: str) -> str:
    """What a data file holds, from its suffix and its top-level shape."""
    if path.lower().endswith(".bib"):
        return "publications"
    data = load_structured(path, [])
    if isinstance(data, dict):
        if "event" in data:
            return "event"
        if "program" in data:
            return "awards"
        if set(data) & set(SECTION_FIELDS):
            return "cv"
        for kind in ("publications", "talks", "people"):
            if kind in data:
                return kind
    records = data.get("publications", []) if isinstance(data, dict) else data
    first = records[0] if isinstance(records, list) and records else {}
    if isinstance(first, dict):
        if "id" in first:
            return "people"
        if {"duration", "event", "speakers"} & set(first):
            return "talks"
    return "publications"


# --- the command --------------------------------------------------------------


def run(targets: list[Path], kind: str | None = None) -> int:
    """Check sites and files, print each problem on standard output and a
    summary on standard error: 0 if there is none, 1 if there is any, 2 if
    a site or file cannot be checked at all."""
    for target in targets:
        if not target.exists():
            say(f"error: {target} does not exist")
            return 2
    problems = 0
    checked: list[str] = []
    file_problems = 0
    for target in targets:
        if target.is_dir():
            try:
                report = check_site(target)
            except CheckError as error:
                say(f"error: {error}")
                return 2
            for shown in report.scholar:
                print(shown)
            problems += len(report.scholar)
            name = target.resolve().name or target
            say(f"checked the site {name}: {len(report.scholar) or 'no'} problem(s)")
            if report.others:
                say(
                    f"  and {len(report.others)} other Sphinx warning(s); "
                    "run sphinx-build to see them"
                )
        else:
            path = str(target)
            if path in checked:
                continue
            checked.append(path)
            for problem in check_file(path, kind):
                print(format_problem(problem))
                file_problems += 1
    if checked:
        say(f"checked {len(checked)} file(s): {file_problems or 'no'} problem(s)")
    problems += file_problems
    return 1 if problems else 0


def say(message: str) -> None:
    print(message, file=sys.stderr)
