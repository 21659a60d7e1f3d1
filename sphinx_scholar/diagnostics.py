"""Warnings users can act on: one logger, one type, a subtype per kind of problem.

Every warning goes through :mod:`sphinx.util.logging` with ``type="scholar"``,
so ``suppress_warnings = ["scholar.unknown_field"]`` silences exactly one kind
and ``-W`` turns all of them into a failed build.
"""

from __future__ import annotations

import enum
import os

from sphinx.util import logging

from .model import Problem

logger = logging.getLogger("sphinx_scholar")

WARNING_TYPE = "scholar"


class Subtype(enum.StrEnum):
    """The kinds of problem, usable in ``suppress_warnings`` as ``scholar.<kind>``."""

    #: a data file that is missing, unreadable or not UTF-8, or outside the
    #: source directory and the folders of ``scholar_outside_dirs``
    data_file = "data_file"
    #: a data file that does not parse (YAML, JSON or BibTeX syntax)
    syntax = "syntax"
    unknown_field = "unknown_field"
    #: a field whose value has the wrong type
    field_type = "field_type"
    missing_field = "missing_field"
    #: two records with one key (publications, people, events)
    duplicate_key = "duplicate_key"
    #: one field twice in a record: a key twice in a YAML or JSON mapping, a
    #: field twice in a BibTeX entry
    duplicate_field = "duplicate_field"
    #: a date, year or month that does not parse
    date = "date"
    #: a URL with a scheme that is not allowed
    url = "url"
    #: a link to a file of the site that cannot be found, or that is outside
    #: the source directory and the folders of ``scholar_outside_dirs``
    file = "file"
    #: a BibTeX crossref to a missing entry, or a crossref cycle
    crossref = "crossref"
    #: a filter expression that does not parse
    filter = "filter"
    #: a directive option with a bad value
    option = "option"
    #: an unknown person or group, or a bad people registry entry
    person = "person"
    #: invisible characters removed from data text: bidirectional controls
    #: left open (they would reorder the page after them) or control characters
    text = "text"
    #: a reference to a publication that no page shows
    reference = "reference"
    #: an output of the site (the feed, the BibTeX export, calendar files)
    #: that could not be written; the others are
    export = "export"


def warn(message: str, subtype: Subtype | str, location=None) -> None:
    logger.warning(message, type=WARNING_TYPE, subtype=str(subtype), location=location)


def file_location(path: str, line: int = 0) -> str:
    """``path:line`` as editors understand it, relative to the working directory."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        shown = path
    if shown.startswith(".." + os.sep + ".." + os.sep):
        shown = path
    return f"{shown}:{line}" if line else shown


def warn_in_file(
    message: str, subtype: Subtype | str, source: str, line: int = 0
) -> None:
    """A warning located in a data file, at a line when there is one."""
    if line:
        warn(message, subtype, file_location(source, line))
    else:
        # Sphinx reads a location without a line as a document name
        warn(f"{file_location(source)}: {message}", subtype)


def report(problem: Problem) -> None:
    warn_in_file(problem.message, problem.subtype, problem.source, problem.line)
