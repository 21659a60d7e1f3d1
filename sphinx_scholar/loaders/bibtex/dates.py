"""biblatex's ``date`` field: a date, or a range of two, as the model's date
and the years a range shows."""

from __future__ import annotations

import re

#: a biblatex (ISO 8601-2, EDTF) date: year, month or season, day; a time
#: and a mark of uncertainty or approximation (``~``, ``?``, ``%``) are read
#: and left out
_POINT = (
    r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[~?%]?"
)
#: a date, or a range of two (either end may be open: empty or ``..``)
_BIBLATEX_DATE = re.compile(rf"(?:{_POINT})?(/)?(?:(?<=/)(?:{_POINT}|\.\.))?")
_OPEN_START = re.compile(r"\.\./")


def biblatex_date(value: str) -> tuple[str, tuple[str, int] | None]:
    """A biblatex ``date`` as a plain date (its first, or for a range open
    at the start, its last) and, for a range, its years as shown with the
    year the record takes from it: ``1984/1986`` -> ``("1984", ("1984–1986",
    1984))``. A value it cannot read is given back, to be reported."""
    written = value.strip()
    head = _OPEN_START.match(written)
    match = _BIBLATEX_DATE.fullmatch(written, head.end() - 1 if head else 0)
    if not match or not (match.group(1) or match.group(5)):
        return value, None
    start = _point(match.group(1, 2, 3))
    end = _point(match.group(5, 6, 7))
    if (match.group(1) and start is None) or (match.group(5) and end is None):
        return value, None  # "1996-13-03": reported as not a date
    # here a date of the match is None exactly when it is not written
    if not match.group(4):  # one date, with a time or a mark
        assert start is not None  # a date without "/" is a start
        return start, None
    first_year = int(match.group(1) or match.group(5))
    if start is None:
        assert end is not None
        return end, (f"–{first_year}", first_year)
    if end is None:
        return start, (f"{first_year}–", first_year)
    last_year = int(match.group(5))
    if last_year == first_year:
        return start, None
    return start, (f"{first_year}–{last_year}", first_year)


def _point(parts: tuple[str | None, ...]) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of a date's parts; a season
    (months 21-24) is its year; ``None`` for a month or day that is none."""
    year, month, day = parts
    if year is None:
        return None
    if month and 21 <= int(month) <= 24:
        return year
    if month and not 1 <= int(month) <= 12:
        return None
    return "-".join(part for part in (year, month, day) if part)
