"""The ``sphinx-scholar`` command: start a site, check it, import
publications, fetch citation counts.

::

    sphinx-scholar new mysite
    sphinx-scholar check [SITE or FILES ...]     # the checking is in .check
    sphinx-scholar import papers.bib doi:10.1000/xyz -o data/publications.yaml
    sphinx-scholar metrics data/publications.yaml  # -> data/metrics.yaml
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, check
from .importing.arguments import add_arguments as add_import_arguments
from .loaders import LOADERS
from .metrics.arguments import add_arguments as add_metrics_arguments
from .starter import STARTER_FILES, fill


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sphinx-scholar",
        description="Academic websites with Sphinx: start a site, check its data, import publications, fetch citation counts.",
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
        "import",
        help="import publications from files (BibTeX, RIS, CSL-JSON) or by "
        "identifier (doi:, arxiv:, openalex:, orcid:) into the YAML form, "
        "merged with what the file holds",
    )
    add_import_arguments(importer)
    importer.set_defaults(run=run_import)

    metrics = commands.add_parser(
        "metrics",
        help="fetch the citation counts of the site's publications from open "
        "services into a data file the build reads",
    )
    add_metrics_arguments(metrics)
    metrics.set_defaults(run=run_metrics)

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


# --- import and metrics -------------------------------------------------------


def run_import(arguments) -> int:
    from .importing.command import run

    return run(arguments)


def run_metrics(arguments) -> int:
    from .metrics.command import run

    return run(arguments)


if __name__ == "__main__":
    sys.exit(main())
