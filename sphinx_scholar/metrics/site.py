"""The build's side of citation counts: the metrics file read (once per
change of the file), a count as a badge, a person's totals as a line.

The build only reads the file that ``sphinx-scholar metrics`` writes
(``scholar_metrics_file``); it never asks a service. In HTML a count is a
small badge styled by the theme's own colours (light and dark alike), its
source and date in its title; other builders write it as text, source and
date in parentheses.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from docutils import nodes

from ..diagnostics import Subtype, warn_in_file
from ..model import Author, Person
from ..translations import _
from .data import Count, Work, read_metrics
from .totals import totals

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..people_matching import Registry

#: the attribute of the environment that keeps the file's last reading
_CACHE = "scholar_metrics_cache"


def metrics_path(env: BuildEnvironment) -> str:
    """The metrics file's path, or ``""`` when the site has none."""
    name = (env.config.scholar_metrics_file or "").strip()
    return os.path.join(env.srcdir, name) if name else ""


def note_metrics(env: BuildEnvironment) -> bool:
    """The current document shows counts: it is read again when they change.
    Whether the site has a metrics file."""
    path = metrics_path(env)
    if path:
        env.note_dependency(path)
    return bool(path)


def site_metrics(env: BuildEnvironment) -> dict[str, Work] | None:
    """The works of the metrics file by publication key, read again only
    when the file changed; ``None`` when the site has no metrics file."""
    path = metrics_path(env)
    if not path:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        stamp: tuple = ("missing",)
    else:
        stamp = (stat.st_mtime_ns, stat.st_size)
    cached = getattr(env, _CACHE, None)
    if cached is not None and cached[0] == (path, stamp):
        return cached[1]
    works: dict[str, Work] = {}
    if stamp == ("missing",):
        warn_in_file(
            "the metrics file (scholar_metrics_file) does not exist; run "
            "sphinx-scholar metrics to make it. No counts are shown",
            Subtype.data_file,
            path,
        )
    else:
        with open(path, encoding="utf-8-sig") as file:
            works, problems = read_metrics(file.read())
        for problem in problems:
            warn_in_file(problem.message, Subtype.data_file, path, problem.line)
    setattr(env, _CACHE, ((path, stamp), works))
    return works


def citations_node(count: Count | None, html: bool) -> nodes.Node | None:
    """``Cited by 72``: a badge in HTML (source and date in its title),
    text with them in parentheses elsewhere."""
    if count is None:
        return None
    label = str(_("Cited by {count}")).format(count=count.count)
    when = f"{count.source_name}, {count.date}"
    if not html:
        return nodes.inline("", f"{label} ({when})", classes=["scholar-citations"])
    return nodes.inline(
        "",
        "",
        nodes.abbreviation(label, label, explanation=when),
        classes=["scholar-citations"],
    )


def works_of(person: Person, works: dict[str, Work], registry: Registry) -> list[Work]:
    """The works of the metrics file with ``person`` among their authors."""
    return [
        work
        for work in works.values()
        if any(
            (match := registry.match(Author(name))) is not None
            and match.id == person.id
            for name in work.authors
        )
    ]


def totals_line(
    person: Person, works: dict[str, Work], registry: Registry
) -> nodes.line | None:
    """``Citations: 1221 · h-index: 9 (OpenAlex, 2026-05-04)``: the person's
    totals from the source that counts the most, with its source and the
    oldest date of the counts summed."""
    found = totals(works_of(person, works, registry))
    if not found:
        return None
    best = found[0]
    line = nodes.line("", "", classes=["scholar-metrics"])
    for index, (label, value) in enumerate(
        ((_("Citations"), best.citations), (_("h-index"), best.h_index))
    ):
        if index:
            line += nodes.inline(" · ", " · ", classes=["scholar-sep"])
        text = f"{label}: "
        line += nodes.inline(
            "",
            "",
            nodes.Text(text),
            nodes.strong(str(value), str(value)),
            classes=["scholar-metric"],
        )
    source = f" ({best.source_name}, {best.date})"
    line += nodes.inline(source, source, classes=["scholar-metrics-source"])
    return line
