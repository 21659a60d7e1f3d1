"""Reading the fields of one record, reporting what is wrong with its line.

Loaders hand a mapping (from YAML, JSON, or a BibTeX entry turned into the same
vocabulary) to a :class:`FieldReader`; it converts each field to the type the
model wants, and turns every mistake into a :class:`~sphinx_scholar.model.Problem`
instead of an exception. A bad field is dropped; the record survives.

What fields a record has is declared with :mod:`.declarations`; URLs and
dates are read by :mod:`.values`, and values quoted by :mod:`.quoting`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

from ..diagnostics import Subtype
from ..model import Problem
from ..text import fold
from .declarations import Record
from .quoting import did_you_mean, kind_of, short
from .values import SAFE_SCHEMES, needs_cleaning, parse_date, parse_month, safe_url

#: The most characters one text field may hold: a long abstract is a few
#: thousand, and a megabyte of it is still read whole. More is cut, with a
#: warning.
MAX_FIELD_TEXT = 4_000_000
#: The most characters of the items of a list of texts together (tags, notes),
#: and of a URL. YAML aliases can repeat one long text in a list many times
#: over (``[*abstract, *abstract, ...]``), and every page that shows the field
#: would be that big: what is beyond is left out, with a warning.
MAX_LIST_TEXT = 100_000


class FieldReader:
    """Typed access to one record's fields, collecting problems as it goes."""

    def __init__(
        self,
        data: Mapping,
        source: str,
        problems: list[Problem],
        what: str,
        line: int = 0,
    ):
        self.data = data
        self.source = source
        self.problems = problems
        self.what = what
        #: the data's own line, or else the line of the field that holds it
        self.line = getattr(data, "line", 0) or line

    def line_of(self, name: str) -> int:
        line_of = getattr(self.data, "line_of", None)
        return line_of(name) if line_of else self.line

    def problem(self, subtype: Subtype, message: str, name: str | None = None) -> None:
        line = self.line_of(name) if name else self.line
        self.problems.append(Problem(subtype, message, self.source, line))

    def wrong_type(self, name: str, expected: str) -> None:
        value = self.data[name]
        self.problem(
            Subtype.field_type,
            f"{self.what} field {name!r} should be {expected}, "
            f"not {kind_of(value)} {short(value)}; the field is ignored",
            name,
        )

    def mappings(self, name: str, what: str):
        """A reader for each mapping of a list field; anything else is reported."""
        value = self.data.get(name)
        if value is None:
            return
        if not isinstance(value, list):
            self.wrong_type(name, f"a list of {what}s")
            return
        for item in value:
            if isinstance(item, Mapping):
                yield FieldReader(
                    item, self.source, self.problems, what, line=self.line_of(name)
                )
            else:
                self.problem(
                    Subtype.field_type,
                    f"each of {name!r} should be a mapping of fields",
                    name,
                )

    def choice(
        self,
        name: str,
        normalize,
        choices: Iterable[str],
        aliases: Iterable[str],
        what: str,
    ) -> str:
        """An enumerated field (a type, a kind): its canonical value, from
        ``normalize``, or "other" with a problem when it has none."""
        written = self.text(name)
        if not written:
            return "other"
        value = normalize(written)
        if value is None:
            choices = tuple(choices)
            self.problem(
                Subtype.field_type,
                f"unknown {what} {written!r}{did_you_mean(fold(written), (*choices, *aliases))}; "
                f"use one of {', '.join(choices)}",
                name,
            )
            return "other"
        return value

    def check_known(self, known: Record | Iterable[str]) -> None:
        """Reports every field that is not a field (or alias) of ``known``."""
        known = known.names if isinstance(known, Record) else tuple(known)
        for name in self.data:
            if name not in known:
                self.problem(
                    Subtype.unknown_field,
                    f"unknown {self.what} field {name!r}{did_you_mean(str(name), known)}",
                    name,
                )

    def require(self, name: str) -> bool:
        if self.data.get(name) in (None, "", [], {}):
            self.problem(
                Subtype.missing_field,
                f"{self.what} has no {name!r}; it is left out until it has one",
            )
            return False
        return True

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if value is None:
            return ""
        if isinstance(
            value, datetime.date
        ):  # YAML reads ``title: 2020-01-01`` as a date
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.wrong_type(name, "text")
            return ""
        text = str(value).strip()
        if len(text) > MAX_FIELD_TEXT:
            self.too_long(name)
            text = text[:MAX_FIELD_TEXT]
        return text

    def too_long(
        self, name: str, cut: str = "cut there", limit: int = MAX_FIELD_TEXT
    ) -> None:
        self.problem(
            Subtype.text,
            f"{self.what} field {name!r} holds more than {limit:,} "
            f"characters; it is {cut}",
            name,
        )

    def limited(self, name: str, texts: Iterable[str]) -> tuple[str, ...]:
        """The texts of a list field up to :data:`MAX_LIST_TEXT` characters
        in all; the rest is left out with a warning."""
        kept, size = [], 0
        for text in texts:
            size += len(text)
            if size > MAX_LIST_TEXT:
                self.too_long(
                    name, "cut there (the items after are left out)", MAX_LIST_TEXT
                )
                break
            kept.append(text)
        return tuple(kept)

    def flag(self, name: str) -> bool:
        value = self.data.get(name)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {
            "true",
            "yes",
            "1",
            "false",
            "no",
            "0",
            "",
        }:
            return value.strip().lower() in {"true", "yes", "1"}
        self.wrong_type(name, "true or false")
        return False

    def texts(self, name: str, split: str | None = None) -> tuple[str, ...]:
        """A list of strings; a single string is a list of one (or split)."""
        value = self.data.get(name)
        if value is None:
            return ()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = str(value)
            parts = value.split(split) if split else [value]
            return self.limited(name, (p.strip() for p in parts if p.strip()))
        if isinstance(value, list) and all(
            isinstance(item, (str, int, float)) and not isinstance(item, bool)
            for item in value
        ):
            return self.limited(
                name, (str(item).strip() for item in value if str(item).strip())
            )
        self.wrong_type(name, "a list of text")
        return ()

    def url(self, name: str) -> str:
        value = self.data.get(name)
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            self.wrong_type(name, "a URL")
            return ""
        if len(value) > MAX_LIST_TEXT:
            self.too_long(name, "left out", MAX_LIST_TEXT)
            return ""
        safe = safe_url(value)
        if safe is None:
            self.problem(
                Subtype.url,
                f"{self.what} field {name!r}: {short(value)} is not a safe URL "
                f"(allowed: {', '.join(sorted(SAFE_SCHEMES))}, or a relative path); "
                "it is left out",
                name,
            )
            return ""
        if needs_cleaning(value):
            self.problem(
                Subtype.url,
                f"{self.what} field {name!r}: {short(value)} holds a line break, "
                "a tab or another control or blank character; the link is read "
                "without line breaks and tabs, and the others percent-encoded "
                "(write a URL on one line)",
                name,
            )
        return safe

    def year(self, name: str = "year") -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        date = parse_date(value)
        if date is None and isinstance(value, str):
            # "1995--1996", "February 2014", "1973b": the first year written
            years = re.findall(r"(?<!\d)(\d{4})(?!\d)", value)
            date = (int(years[0]), None, None) if years and int(years[0]) else None
        if date is None:
            self.problem(
                Subtype.date,
                f"{self.what} field {name!r}: {short(value)} is not a year "
                "(write a year like 2020)",
                name,
            )
            return None
        return date[0]

    def month(self, name: str = "month") -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        month = parse_month(value)
        if month is None:
            self.problem(
                Subtype.date,
                f"{self.what} field {name!r}: {short(value)} is not a month "
                "(write 1-12 or a month name)",
                name,
            )
        return month

    def date(self, name: str = "date") -> tuple[int, int | None, int | None] | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        date = parse_date(value)
        if date is None:
            self.problem(
                Subtype.date,
                f"{self.what} field {name!r}: {short(value)} is not a date "
                "(write YYYY, YYYY-MM or YYYY-MM-DD)",
                name,
            )
        return date
