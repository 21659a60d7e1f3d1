"""The venue line of a publication written from a format of the site's own
(``scholar_venue_format``, a list's ``:venue-format:``).

A format is text with fields in braces, ``{venue}``, ``{year}``, ...; a part
in square brackets is written only when each of its fields has a value, so
that ``{venue}[, {volume}][ ({year})]`` writes ``Artificial Intelligence, 280
(2020)``, ``International Conference on Machine Learning (2020)``, or
nothing for a record without venue or year. Unlike the built-in line, a
format writes the year even when the venue names it (``ICCV 2021 (2021)``),
and adds no full stop of its own.
"""

from __future__ import annotations

import re
import string

from ..model import Publication

#: the fields a venue format may name, and the entry's part that shows each
FIELDS = {
    "venue": "venue",
    "volume": "venue",
    "number": "venue",
    "pages": "venue",
    "publisher": "venue",
    "year": "year",
    "month": "year",
    "status": "year",
    "notes": "notes",
}

_GROUP = re.compile(r"\[([^\[\]]*)\]")


def check_venue_format(template: str) -> str:
    """What is wrong with a format ("" when nothing is)."""
    if not isinstance(template, str):
        return "a format is a string"
    outside = _GROUP.sub("", template)
    if "[" in outside or "]" in outside:
        return "square brackets must pair, and cannot nest"
    try:
        names = [
            name
            for _text, name, _spec, _conversion in string.Formatter().parse(
                template.replace("[", "").replace("]", "")
            )
            if name is not None
        ]
    except ValueError as error:
        return str(error)
    for name in names:
        if name not in FIELDS:
            return f"no field {{{name}}}; the fields are " + ", ".join(
                f"{{{field}}}" for field in FIELDS
            )
    return ""


def _values(record: Publication, parts: frozenset[str]) -> dict[str, str]:
    values = {
        "venue": record.venue,
        "volume": record.volume,
        "number": record.number,
        "pages": record.pages,
        "publisher": record.publisher,
        "year": record.years or (str(record.year) if record.year is not None else ""),
        "month": str(record.month) if record.month else "",
        "status": record.status,
        "notes": ", ".join(record.notes),
    }
    return {
        name: value if FIELDS[name] in parts else "" for name, value in values.items()
    }


def _fill(text: str, values: dict[str, str]) -> tuple[str, bool]:
    """``text`` with its fields filled, and whether each field had a value."""
    result, complete = [], True
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        result.append(literal)
        if name is not None:
            value = values.get(name, "")
            complete = complete and bool(value)
            result.append(value)
    return "".join(result), complete


def format_venue(record: Publication, parts: frozenset[str], template: str) -> str:
    """The venue line of ``record`` written with ``template`` (checked before
    with :func:`check_venue_format`); "" when nothing of it has a value."""
    values = _values(record, parts)
    pieces, start = [], 0
    for match in _GROUP.finditer(template):
        pieces.append(_fill(template[start : match.start()], values)[0])
        text, complete = _fill(match.group(1), values)
        if complete:
            pieces.append(text)
        start = match.end()
    pieces.append(_fill(template[start:], values)[0])
    # a record without a venue: no separator before what follows it
    return re.sub(r"^[\s,;:.]+", "", "".join(pieces)).rstrip()
