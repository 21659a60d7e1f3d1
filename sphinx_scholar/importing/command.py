"""``sphinx-scholar import``: files and identifiers into the site's YAML
file, merged with what it holds, after showing what changes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check import format_problem
from ..model import Problem
from . import store
from .arguments import DEFAULT_OUTPUT
from .diff import describe
from .files import read_file
from .identifiers import BadIdentifier, Identifier, is_identifier, parse
from .mapping import Found, make_key, ordered
from .merge import plan
from .yaml_form import dump


def say(message: str) -> None:
    print(message, file=sys.stderr)


def _output(arguments: argparse.Namespace, files: list[Path]) -> Path:
    if arguments.output is not None:
        return arguments.output
    if len(files) == 1 and len(arguments.sources) == 1:
        return files[0].with_suffix(".yaml")
    return DEFAULT_OUTPUT


def run(arguments: argparse.Namespace) -> int:
    files: list[Path] = []
    identifiers: list[Identifier] = []
    for source in arguments.sources:
        if Path(source).is_file():
            files.append(Path(source))
            continue
        if not is_identifier(source):
            say(
                f"error: {source}: no such file, and not an identifier "
                "(doi:..., arxiv:..., openalex:..., orcid:...)"
            )
            return 2
        try:
            identifiers.append(parse(source))
        except BadIdentifier as error:
            say(f"error: {error}")
            return 2
    output = _output(arguments, files)
    if identifiers and not arguments.mailto:
        say(
            "note: no contact address: give --mailto you@example.org (or set "
            "SCHOLAR_MAILTO); Crossref and OpenAlex ask for one"
        )

    problems: list[Problem] = []
    found: list[Found] = []
    for path in files:
        found += read_file(path, problems)
    for problem in problems:
        say(f"warning: {format_problem(problem)}")
    failed: list[str] = []
    if identifiers:
        # the clients and requests are loaded only for identifiers
        from .fetching import fetch_all
        from .http import Polite

        polite = Polite(mailto=arguments.mailto, timeout=arguments.timeout)
        fetched, failed = fetch_all(identifiers, polite)
        found += fetched
    for message in failed:
        say(f"error: {message}")
    status = 1 if failed else 0
    if not found:
        say("nothing to import")
        return 1 if failed or problems else status

    if str(output) == "-":
        sys.stdout.write(store.header(_names(arguments)) + dump(_fresh(found)))
        return status
    return _merge(arguments, output, found, status)


def _names(arguments: argparse.Namespace) -> list[str]:
    return [Path(s).name if Path(s).is_file() else s for s in arguments.sources]


def _fresh(found: list[Found]) -> list[dict]:
    """The records as new entries, one per work (a preprint and its
    published version merged), without a file to merge into."""
    changes, _ = plan([], {}, found, store.today())
    return [change.updates for change in changes]


def _merge(
    arguments: argparse.Namespace, output: Path, found: list[Found], status: int
) -> int:
    try:
        book = store.load_book(output) if not arguments.force else store.Book(output)
    except store.StoreError as error:
        say(f"error: {error}")
        return 2
    entries = [(entry.key, entry.data) for entry in book.entries]
    changes, records = plan(entries, book.imported, found, store.today())
    _key_the_keyless(changes, records, {key for key, _ in entries})
    text, count = describe(changes, str(output))
    sys.stdout.write(text)
    if count == 0 and records == book.imported:
        say(f"{output}: nothing to change")
        return status
    if arguments.dry_run:
        say("nothing written (--dry-run)")
        return status
    if book.exists and not arguments.force and not arguments.yes:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            say(
                f"nothing written: {output} exists and there is no terminal to "
                "ask; run again with --yes to write these changes"
            )
            return 1
        try:
            answer = input(f"Write these changes to {output}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            say("nothing written")
            return status
    if book.exists and not arguments.force:
        new_text, lost = store.render(book, changes)
    else:
        new_text = store.header(_names(arguments)) + dump(
            [change.updates for change in changes]
        )
        lost = []
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(new_text, encoding="utf-8")
    record = store.imported_path(output)
    record.write_text(store.imported_text(output.name, records), encoding="utf-8")
    new = sum(1 for change in changes if change.is_new)
    say(
        f"wrote {output}: {new} new and {count - new} updated publication(s); "
        f"what was imported is recorded in {record.name}"
    )
    if lost:
        say(
            "the comments inside these entries were not kept (they are written "
            f"in a form that cannot be edited in place): {', '.join(lost)}"
        )
    return status


def _key_the_keyless(changes, records, taken: set[str]) -> None:
    """An entry without a key that an import changes gets one, so that the
    next import recognises it."""
    for change in changes:
        if change.key.startswith("#") and change.updates and not change.is_new:
            key = make_key(ordered({**(change.before or {}), **change.updates}), taken)
            taken.add(key)
            change.updates = {"key": key, **change.updates}
            records[key] = records.pop(change.key)
    for key in [key for key in records if key.startswith("#")]:
        del records[key]
