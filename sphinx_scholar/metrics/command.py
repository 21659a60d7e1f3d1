"""``sphinx-scholar metrics``: the citation counts of the site's
publications, fetched into the metrics file.

A count that cannot be fetched (the service limits the requests, is away,
or answers something else) keeps the value the file had, with its date, and
the command says so. A service that keeps limiting the requests is not
asked again in the run: the counts it would give are kept as they were.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..check import format_problem
from ..diagnostics import Subtype
from ..importing.fetching import progress
from ..importing.http import NotFound, Polite, RateLimited, ServiceError
from ..importing.identifiers import bare_arxiv, bare_doi
from ..loaders import load_publications
from ..model import Problem
from .arguments import DEFAULT_PUBLICATIONS, DEFAULT_SOURCES
from .data import SOURCE_NAMES, Count, Work, read_metrics, write_metrics
from .sources import SOURCES


def say(message: str) -> None:
    print(message, file=sys.stderr)


def run(arguments: argparse.Namespace) -> int:
    paths: list[Path] = arguments.publications or [DEFAULT_PUBLICATIONS]
    works: dict[str, Work] = {}
    for path in paths:
        if not path.is_file():
            say(f"error: {path}: no such publications file")
            return 2
        result = load_publications(str(path))
        for problem in result.problems:
            say(f"warning: {format_problem(problem)}")
        for record in result.records:
            doi, arxiv = bare_doi(record.doi), bare_arxiv(record.arxiv)
            if doi or arxiv:
                works[record.key] = Work(
                    record.title,
                    tuple(author.name for author in record.authors),
                    doi,
                    arxiv,
                )
    if not works:
        say(
            f"nothing to count: no publication in {', '.join(map(str, paths))} has a DOI or an arXiv id"
        )
        return 1
    output: Path = arguments.output
    old: dict[str, Work] = {}
    if output.is_file():
        old, wrong = read_metrics(output.read_text(encoding="utf-8"))
        for one in wrong:
            say(
                f"warning: {format_problem(Problem(Subtype.data_file, one.message, str(output), one.line))}"
            )
    polite = Polite(mailto=arguments.mailto, timeout=arguments.timeout)
    if not arguments.mailto:
        say(
            "note: no contact address: give --mailto you@example.org (or set "
            "SCHOLAR_MAILTO); Crossref and OpenAlex ask for one"
        )
    today = datetime.date.today().isoformat()
    fetched = kept = 0
    failures: list[str] = []
    for name in arguments.source or DEFAULT_SOURCES:
        source = SOURCES[name]
        service = source.make(polite)
        limited = ""
        for key, work in progress(list(works.items()), SOURCE_NAMES[name]):
            previous = old.get(key, Work()).counts.get(name)
            identifier = source.ask_by(work.doi, work.arxiv)
            if not identifier:
                continue
            if limited:
                if previous is not None:
                    work.counts[name] = previous
                    kept += 1
                continue
            try:
                count = source.count(identifier, service)
            except RateLimited as error:
                limited = str(error)
                failures.append(
                    f"{error}; {SOURCE_NAMES[name]} is not asked again in this run, "
                    "and the counts it gave before are kept"
                )
            except NotFound as error:
                failures.append(f"{key}: {error}")
            except ServiceError as error:
                failures.append(f"{key}: {error}")
            else:
                work.counts[name] = Count(count, name, today)
                fetched += 1
                continue
            if previous is not None:
                work.counts[name] = previous
                kept += 1
                if not limited:
                    failures[-1] += (
                        f"; the count of {previous.date} ({previous.count}) is kept"
                    )
    for message in failures:
        say(f"warning: {message}")
    dropped = sorted(set(old) - set(works))
    if dropped:
        say(f"note: no longer counted (not in the publications): {', '.join(dropped)}")
    if fetched == 0 and failures:
        say(f"error: no count could be fetched; {output} is left as it was")
        return 1
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(write_metrics(works), encoding="utf-8")
    say(
        f"wrote {output}: {fetched} count(s) fetched, {kept} kept from before, "
        f"for {len(works)} publication(s)"
    )
    return 0
