"""The metrics file: citation counts per publication key and per source,
each with the date it was fetched.

::

    sadasivan2012methylphenidate:
      title: Methylphenidate Exposure Induces ...
      authors: [Shankar Sadasivan, Brooks B. Pond]
      doi: 10.1371/journal.pone.0033693
      citations:
        openalex: {count: 72, date: '2026-05-04'}
        crossref: {count: 70, date: '2026-05-04'}

``title`` and ``authors`` are copied from the publications, for people who
read the file, and so that a profile can count its person's works.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

#: the sources, by the name the file uses, and how pages name them
SOURCE_NAMES = {
    "openalex": "OpenAlex",
    "crossref": "Crossref",
    "semanticscholar": "Semantic Scholar",
    "inspire": "INSPIRE",
}

HEADER = (
    "# Citation counts, by publication key and source, each with the date it\n"
    "# was fetched: written by `sphinx-scholar metrics`, read by the build\n"
    "# (scholar_metrics_file), which never asks the services itself.\n"
)


@dataclass(frozen=True)
class Count:
    count: int
    source: str
    date: str

    @property
    def source_name(self) -> str:
        return SOURCE_NAMES.get(self.source, self.source)


@dataclass
class Work:
    """One publication's counts, and what the file says of it."""

    title: str = ""
    authors: tuple[str, ...] = ()
    doi: str = ""
    arxiv: str = ""
    counts: dict[str, Count] = field(default_factory=dict)

    def best(self) -> Count | None:
        """The highest count (services count differently; each is a floor)."""
        return max(self.counts.values(), key=lambda c: (c.count, c.date), default=None)


@dataclass
class Problem:
    message: str
    line: int = 0


def _date(value: Any) -> str | None:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def read_metrics(text: str) -> tuple[dict[str, Work], list[Problem]]:
    """The works of a metrics file, and what is wrong in it (each problem
    leaves out only the value it is about)."""
    import yaml  # here: a build without a metrics file does not load PyYAML

    problems: list[Problem] = []
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(
            Problem(
                f"the metrics file is not valid YAML "
                f"({getattr(error, 'problem', '') or error}); no counts are shown",
                mark.line + 1 if mark else 0,
            )
        )
        return {}, problems
    if data is None:
        return {}, problems
    if not isinstance(data, dict):
        problems.append(
            Problem("the metrics file should map publication keys to counts")
        )
        return {}, problems
    works: dict[str, Work] = {}
    for key, value in data.items():
        if not isinstance(value, dict):
            problems.append(Problem(f"{key!r} should be a mapping (title, citations)"))
            continue
        work = Work(
            title=str(value.get("title") or ""),
            authors=tuple(
                str(name)
                for name in value.get("authors") or ()
                if isinstance(name, str)
            ),
            doi=str(value.get("doi") or ""),
            arxiv=str(value.get("arxiv") or ""),
        )
        citations = value.get("citations") or {}
        if not isinstance(citations, dict):
            problems.append(
                Problem(f"{key!r}: 'citations' should map sources to counts")
            )
            citations = {}
        for source, given in citations.items():
            count = given.get("count") if isinstance(given, dict) else None
            date = _date(given.get("date")) if isinstance(given, dict) else None
            if (
                not isinstance(count, int)
                or isinstance(count, bool)
                or count < 0
                or date is None
            ):
                problems.append(
                    Problem(
                        f"{key!r}: the count of {source!r} should be "
                        "{count: a whole number, date: YYYY-MM-DD}; it is left out"
                    )
                )
                continue
            work.counts[str(source)] = Count(count, str(source), date)
        works[str(key)] = work
    return works, problems


def write_metrics(works: dict[str, Work]) -> str:
    import yaml

    data: dict[str, Any] = {}
    for key, work in works.items():
        entry: dict[str, Any] = {}
        if work.title:
            entry["title"] = work.title
        if work.authors:
            entry["authors"] = list(work.authors)
        if work.doi:
            entry["doi"] = work.doi
        if work.arxiv:
            entry["arxiv"] = work.arxiv
        entry["citations"] = {
            source: {"count": count.count, "date": count.date}
            for source, count in sorted(work.counts.items())
        }
        data[key] = entry
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    return HEADER + (body if data else "{}\n")
