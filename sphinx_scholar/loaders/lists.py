"""Lists of records: where a data file keeps them, and one record per key."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..diagnostics import Subtype
from ..model import Problem
from .lines import item_line
from .quoting import kind_of, short


def records_of(
    data, path: str, problems: list[Problem], name: str, make: Callable
) -> list:
    """Records from a top-level list, or from the list under ``name:``."""
    if data is None:
        if not problems:  # not already explained by a syntax error
            problems.append(
                Problem(
                    Subtype.data_file,
                    f"data file has no {name}: it is empty or has only comments; "
                    f"write a list of {name} into it, or remove the directive "
                    "that names it",
                    path,
                )
            )
        return []
    if isinstance(data, dict) and name in data:
        data = data[name]
    if not isinstance(data, list):
        problems.append(
            Problem(
                Subtype.field_type,
                f"data file should hold a list of {name} (or a mapping with a "
                f"{name!r} list), not {kind_of(data)}",
                path,
                getattr(data, "line", 1),
            )
        )
        return []
    records = []
    keys: set[str] = set()
    #: the next number to try for a made-up key: twins are numbered in turn,
    #: not by counting again from 2 for each
    next_number: dict[str, int] = {}
    has_key = None
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    Subtype.field_type,
                    f"each of the {name} should be a mapping of fields, not {short(item)}",
                    path,
                    item_line(data, index),
                )
            )
            continue
        record = make(item, path, problems)
        if record is None:
            continue
        if has_key is None:
            has_key = "key" in _fields(record)
        if "key" not in item and has_key and record.key in keys:
            # Keys made up from author, year and title may meet: number them.
            number = next_number.get(record.key, 2)
            while f"{record.key}-{number}" in keys:
                number += 1
            next_number[record.key] = number + 1
            record = dataclasses.replace(record, key=f"{record.key}-{number}")
        keys.add(record.key)
        records.append(record)
    return records


def _fields(record) -> set[str]:
    return {field.name for field in dataclasses.fields(record)}


def unique_records(records: list, problems: list[Problem], key: str) -> list:
    """Keep the first record of each ``key``; later ones are reported."""
    seen: dict = {}
    unique = []
    for record in records:
        value = getattr(record, key)
        if value in seen:
            problems.append(
                Problem(
                    Subtype.duplicate_key,
                    f"duplicate {key} {value!r} (first on line {seen[value]}); "
                    "this record is left out: give it a key of its own",
                    record.source,
                    record.line,
                )
            )
            continue
        seen[value] = record.line
        unique.append(record)
    return unique
