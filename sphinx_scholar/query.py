"""Sort and group records: one implementation for every directive.

Which records a list shows is decided by :mod:`.filters`; a sort or group
that cannot be used raises its :class:`~.filters.QueryError`, as a filter does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .filters import QueryError
from .loaders.quoting import did_you_mean
from .text import fold, name_key

# --- sort -------------------------------------------------------------------

SORT_FIELDS = (
    "name",
    "year",
    "month",
    "date",
    "title",
    "venue",
    "type",
    "key",
    "author",
    "status",
)


def parse_sort(text: str) -> list[tuple[str, bool]]:
    """``"-year, title"`` or ``"year desc, title"`` -> ``[("year", True), ("title", False)]``."""
    if text.strip().lower() == "none":  # the order of the file
        return []
    keys = []
    for part in text.split(","):
        words = part.split()
        if not words:
            continue
        name, descending = words[0].lower(), False
        if name.startswith("-"):
            name, descending = name[1:], True
        elif name.startswith("+"):
            name = name[1:]
        if len(words) > 1:
            direction = words[1].lower()
            if (
                direction not in ("asc", "ascending", "desc", "descending")
                or len(words) > 2
            ):
                raise QueryError(
                    f"cannot read sort key {part.strip()!r}; write 'year desc' or '-year'"
                )
            descending = direction.startswith("desc")
        if name not in SORT_FIELDS:
            raise QueryError(
                f"cannot sort by {name!r}{did_you_mean(name, SORT_FIELDS)}"
            )
        keys.append((name, descending))
    return keys


def _sort_value(record: Any, name: str) -> Any:
    if name == "date":
        year = getattr(record, "year", None)
        return (year, getattr(record, "month", None) or 0) if year is not None else None
    if name == "type":
        types = type(record).TYPES
        return types.index(record.type) if record.type in types else None
    if name == "author":
        authors = getattr(record, "authors", ())
        return name_key(authors[0].name).split()[-1:] if authors else None
    if name == "name":  # people, by last name then first
        if not getattr(record, "name", ""):
            return None
        words = name_key(record.name).split()
        return (words[-1:], words)
    value = getattr(record, name, None)
    if isinstance(value, str):
        return fold(value) or None
    return value


def sort_records(records: Sequence, keys: Sequence[tuple[str, bool]]) -> list:
    """Stable sort on several keys; records without a value go last either way."""
    result = list(records)
    for name, descending in reversed(keys):
        present = [r for r in result if _sort_value(r, name) is not None]
        missing = [r for r in result if _sort_value(r, name) is None]
        present.sort(key=lambda r: _sort_value(r, name), reverse=descending)
        result = present + missing
    return result


# --- group ------------------------------------------------------------------

GROUPINGS = ("year", "type", "venue", "none")


@dataclass(frozen=True)
class Group:
    """A heading's key: a year, ``("until", year)``, a type, a venue, or ``None``."""

    key: object
    records: tuple


def group_records(
    records: Iterable, by: str, collapse_before: int | None = None
) -> list[Group]:
    """Records in groups, in the order their headings are shown."""
    if by not in GROUPINGS:
        raise QueryError(f"cannot group by {by!r}; use one of {', '.join(GROUPINGS)}")
    records = list(records)
    if by == "none":
        return [Group(None, tuple(records))]
    buckets: dict = {}
    shown: dict = {}  # venues differing only in case share the first spelling
    for record in records:
        key = _group_key(record, by, collapse_before)
        if by == "venue" and key is not None:
            key = shown.setdefault(fold(key), key)
        buckets.setdefault(key, []).append(record)
    # Types the record kind does not list (people's roles) keep the order
    # in which they first appear.
    types = type(records[0]).TYPES if records else ()
    ranks = {
        key: types.index(key) if key in types else len(types) + seen
        for seen, key in enumerate(buckets)
    }
    return [
        Group(key, tuple(buckets[key]))
        for key in sorted(buckets, key=lambda k: _group_order(k, by, ranks))
    ]


def _group_key(record: Any, by: str, collapse_before: int | None) -> Any:
    if by == "year":
        if getattr(record, "year", None) is None:
            return None
        if collapse_before is not None and record.year < collapse_before:
            return ("until", collapse_before - 1)
        return record.year
    if by == "type":
        return record.type or None
    return record.venue or None


def _group_order(key, by: str, ranks: dict):
    if key is None:
        return (2, 0, "")  # undated, untyped or without venue: last
    if by == "year":
        if isinstance(key, tuple):
            return (1, 0, "")
        return (0, -key, "")
    if by == "type":
        return (0, ranks[key], "")
    return (0, 0, fold(key))
