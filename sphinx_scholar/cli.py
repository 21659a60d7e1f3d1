"""The ``sphinx-scholar`` command: start a site, check data files, import BibTeX.

::

    sphinx-scholar new mysite
    sphinx-scholar check [FILES or SITE ...]
    sphinx-scholar import papers.bib -o data/publications.yaml
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from collections.abc import Iterable
from pathlib import Path

import yaml

from . import __version__
from .diagnostics import file_location
from .loaders import LOADERS, load_structured
from .loaders.bibtex import load_bibtex
from .loaders.cv import SECTION_FIELDS
from .model import Problem, Publication
from .sources import named_files
from .starter import STARTER_FILES, fill

DATA_SUFFIXES = (".bib", ".yaml", ".yml", ".json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sphinx-scholar",
        description="Academic websites with Sphinx: start a site, check its data, import BibTeX.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    new = commands.add_parser("new", help="start a new site that builds at once")
    new.add_argument(
        "directory", type=Path, help="the folder to create (it must be empty)"
    )
    new.add_argument(
        "--name", required=True, help="the site owner's name (or the lab's)"
    )
    new.set_defaults(run=run_new)

    check = commands.add_parser(
        "check", help="check data files without building; exit 1 if anything is wrong"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="data files, or site folders (with a conf.py) whose data to check; "
        "default: the current folder",
    )
    check.add_argument(
        "--kind",
        choices=sorted(LOADERS),
        help="what the files hold, when it cannot be told from them",
    )
    check.set_defaults(run=run_check)

    importer = commands.add_parser(
        "import", help="turn a BibTeX export into the YAML form of publications"
    )
    importer.add_argument("bibtex", type=Path, help="a .bib file")
    importer.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the YAML file to write (default: beside the .bib file; - for standard output)",
    )
    importer.add_argument(
        "--force", action="store_true", help="replace an existing output file"
    )
    importer.set_defaults(run=run_import)

    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


def say(message: str) -> None:
    print(message, file=sys.stderr)


# --- new ----------------------------------------------------------------------


def run_new(arguments) -> int:
    target: Path = arguments.directory
    if target.exists() and any(target.iterdir()):
        say(f"error: {target} is not empty; choose a new folder")
        return 2
    for relative, text in STARTER_FILES.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(relative, text, arguments.name), encoding="utf-8")
        say(f"  wrote {path}")
    say(
        f"\nA new site is in {target}. Next:\n"
        f"  cd {target}\n"
        "  python -m pip install -r requirements.txt   # the theme, once\n"
        "  make html            # then open _build/html/index.html\n"
        "  sphinx-scholar check # after editing the data files in data/"
    )
    return 0


# --- check --------------------------------------------------------------------


def run_check(arguments) -> int:
    targets = arguments.paths or [Path(".")]
    files: list[tuple[str, str | None]] = []
    for target in targets:
        if target.is_dir():
            found = site_data_files(target)
            if not found:
                say(f"{target}: no data files found (is it a site, with a conf.py?)")
            files += found
        elif target.is_file():
            files.append((str(target), arguments.kind))
        else:
            say(f"error: {target} does not exist")
            return 2
    seen = set()
    problems = 0
    for position, (path, kind) in enumerate(files, start=1):
        if path in seen:
            continue
        seen.add(path)
        if len(files) > 20:
            say(f"[{position}/{len(files)}] {path}")
        kind = kind or guess_kind(path)
        for problem in sorted(LOADERS[kind](path).problems, key=lambda p: p.line):
            print(format_problem(problem))
            problems += 1
    say(f"checked {len(seen)} file(s): {problems or 'no'} problem(s)")
    return 1 if problems else 0


def format_problem(problem: Problem) -> str:
    return f"{file_location(problem.source, problem.line) or problem.source}: {problem.message}"


def site_data_files(site: Path) -> list[tuple[str, str]]:
    """The data files a site's pages and its conf.py name, with their kinds."""
    conf = site / "conf.py"
    if not conf.is_file():
        return []
    try:
        settings = runpy.run_path(str(conf))
    except Exception as error:  # a conf.py that does not run is the user's to fix
        say(f"{conf}: cannot read it ({error}); checking the pages' data only")
        settings = {}
    found: list[tuple[str, str]] = []
    people = settings.get("scholar_people_file") or []
    for name in [people] if isinstance(people, str) else people:
        found.append((str(site / name), "people"))
    suffixes = settings.get("source_suffix") or {".rst": None}
    suffixes = [suffixes] if isinstance(suffixes, str) else list(suffixes)
    for document in sorted(_documents(site, suffixes, ("_build",))):
        text = document.read_text(encoding="utf-8", errors="replace")
        for path, kind in named_files(text, str(document), str(site)):
            if os.path.isfile(path) and (path, kind) not in found:
                found.append((path, kind))
    return found


def _documents(site: Path, suffixes: Iterable[str], skipped: tuple[str, ...]):
    for root, folders, names in os.walk(site):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in skipped]
        for name in names:
            if any(name.endswith(suffix) for suffix in suffixes):
                yield Path(root) / name


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


# --- import -------------------------------------------------------------------


def run_import(arguments) -> int:
    source: Path = arguments.bibtex
    if not source.is_file():
        say(f"error: {source} does not exist")
        return 2
    output: Path = arguments.output or source.with_suffix(".yaml")
    if str(output) != "-" and output.exists() and not arguments.force:
        say(
            f"error: {output} exists; add --force to replace it, or choose another with -o"
        )
        return 2
    problems: list[Problem] = []
    text = source.read_text(encoding="utf-8", errors="replace")
    records = load_bibtex(text, str(source), problems)
    for problem in problems:
        say(f"warning: {format_problem(problem)}")
    document = yaml.dump(
        [record_to_yaml(record) for record in records],
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
    )
    header = (
        f"# Publications imported from {source.name} by sphinx-scholar {__version__}.\n"
    )
    if str(output) == "-":
        sys.stdout.write(header + document)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(header + document, encoding="utf-8")
        say(f"wrote {len(records)} publication(s) to {output}")
    return 0


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines (the BibTeX entries) as literal blocks."""


def _text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def record_to_yaml(record: Publication) -> dict:
    """A record in the YAML form, keeping the original entry under ``bibtex``."""
    data: dict = {"key": record.key, "type": record.type, "title": record.title}
    if record.authors:
        data["authors"] = [author.display for author in record.authors]
    if record.editors:
        data["editors"] = [editor.display for editor in record.editors]
    for name in (
        "venue",
        "year",
        "month",
        "volume",
        "number",
        "pages",
        "publisher",
        "status",
    ):
        value = getattr(record, name)
        if value not in (None, ""):
            data[name] = value
    if record.notes:
        data["notes"] = list(record.notes)
    for name in ("abstract", "url", "doi", "arxiv"):
        if getattr(record, name):
            data[name] = getattr(record, name)
    links = {}
    for link in record.links:
        if link.label in ("doi", "arxiv") and getattr(record, link.label):
            continue  # made again from the doi and arxiv fields
        if len(link.files) == 1 and not link.files[0].name:
            links[link.label] = link.files[0].url
        else:
            links[link.label] = {file.name: file.url for file in link.files}
    if links:
        data["links"] = links
    if record.tags:
        data["tags"] = list(record.tags)
    if record.selected:
        data["selected"] = True
    data["bibtex"] = record.bibtex
    return data


if __name__ == "__main__":
    sys.exit(main())
