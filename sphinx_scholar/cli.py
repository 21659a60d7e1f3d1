"""The ``sphinx-scholar`` command: start a site, check it, import BibTeX.

::

    sphinx-scholar new mysite
    sphinx-scholar check [SITE or FILES ...]   # the checking is in .check
    sphinx-scholar import papers.bib -o data/publications.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import __version__, check
from .check import format_problem
from .loaders import LOADERS
from .loaders.bibtex import load_bibtex
from .model import Problem, Publication
from .starter import STARTER_FILES, fill


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

    checker = commands.add_parser(
        "check",
        help="report the problems the build would warn about, writing nothing; "
        "exit 1 if there is any",
    )
    checker.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="site folders (with a conf.py), read by Sphinx as the build reads "
        "them, or single data files; default: the current folder",
    )
    checker.add_argument(
        "--kind",
        choices=sorted(LOADERS),
        help="what the data files hold, when it cannot be told from them",
    )
    checker.set_defaults(run=run_check)

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
    return check.run(arguments.paths or [Path(".")], arguments.kind)


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
    links: dict[str, str | dict[str, str]] = {}
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
    data["bibtex"] = readable_bibtex(record.bibtex)
    return data


def readable_bibtex(text: str) -> str:
    """The entry as written, less what stops YAML from writing it as a block:
    tabs (expanded) and spaces at the ends of lines, which BibTeX ignores."""
    return "\n".join(line.rstrip() for line in text.expandtabs(4).split("\n"))


if __name__ == "__main__":
    sys.exit(main())
