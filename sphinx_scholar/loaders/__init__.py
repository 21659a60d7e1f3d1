"""Loading data files into records, whatever their format."""

from __future__ import annotations

import os
from collections.abc import Callable

from ..diagnostics import Subtype
from ..model import LoadResult, Problem
from .bibtex import load_bibtex
from .people import people_from_data
from .publications import publication_from_mapping
from .structured import load_json, load_yaml

STRUCTURED_SUFFIXES = {".yaml": load_yaml, ".yml": load_yaml, ".json": load_json}
PUBLICATION_SUFFIXES = (".bib", *STRUCTURED_SUFFIXES)


def read_text(path: str, problems: list[Problem]) -> str | None:
    """The file's text as UTF-8; other encodings are read but reported."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        problems.append(
            Problem(Subtype.data_file, f"cannot read data file: {error.strerror}", path)
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(
                Subtype.data_file,
                "data file is not UTF-8; save it as UTF-8 "
                "(the bytes that are not UTF-8 are read as Latin-1)",
                path,
                line,
            )
        )
        return data.decode("latin-1")


def load_structured(path: str, problems: list[Problem]):
    """The Python value of a YAML or JSON file, with :class:`LineDict` mappings."""
    text = read_text(path, problems)
    if text is None:
        return None
    suffix = os.path.splitext(path)[1].lower()
    return STRUCTURED_SUFFIXES.get(suffix, load_yaml)(text, path, problems)


def records_of(
    data, path: str, problems: list[Problem], name: str, make: Callable
) -> list:
    """Records from a top-level list, or from the list under ``name:``."""
    if data is None:
        problems.append(Problem(Subtype.data_file, f"data file has no {name}", path))
        return []
    if isinstance(data, dict) and name in data:
        data = data[name]
    if not isinstance(data, list):
        problems.append(
            Problem(
                Subtype.field_type,
                f"data file should hold a list of {name} (or a mapping with a "
                f"{name!r} list), not a {type(data).__name__}",
                path,
                getattr(data, "line", 1),
            )
        )
        return []
    records = []
    for item in data:
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    Subtype.field_type,
                    f"each of the {name} should be a mapping of fields, not {item!r:.40}",
                    path,
                )
            )
            continue
        record = make(item, path, problems)
        if record is not None:
            records.append(record)
    return records


def load_publications(path: str) -> LoadResult:
    """Every publication in a ``.bib``, ``.yaml``, ``.yml`` or ``.json`` file."""
    problems: list[Problem] = []
    if path.lower().endswith(".bib"):
        text = read_text(path, problems)
        records = load_bibtex(text, path, problems) if text is not None else []
    else:
        data = load_structured(path, problems)
        records = records_of(
            data, path, problems, "publications", publication_from_mapping
        )
    return LoadResult(_unique(records, problems), problems)


def load_people(path: str) -> LoadResult:
    problems: list[Problem] = []
    data = load_structured(path, problems)
    return LoadResult(people_from_data(data, path, problems), problems)


def _unique(records: list, problems: list[Problem]) -> list:
    """Keep the first record of each key; later ones are reported."""
    seen = {}
    unique = []
    for record in records:
        if record.key in seen:
            problems.append(
                Problem(
                    Subtype.duplicate_key,
                    f"duplicate key {record.key!r} (first on line {seen[record.key]}); "
                    "this record is left out",
                    record.source,
                    record.line,
                )
            )
            continue
        seen[record.key] = record.line
        unique.append(record)
    return unique


#: The loader of each kind of data file, by the name directives give it.
LOADERS = {
    "publications": load_publications,
    "people": load_people,
}
