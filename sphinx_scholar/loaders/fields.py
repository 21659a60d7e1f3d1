"""Reading the fields of one record, reporting what is wrong with its line.

Loaders hand a mapping (from YAML, JSON, or a BibTeX entry turned into the same
vocabulary) to a :class:`FieldReader`; it converts each field to the type the
model wants, and turns every mistake into a :class:`~sphinx_scholar.model.Problem`
instead of an exception. A bad field is dropped; the record survives.

Each loader declares the fields of its records once, as :class:`Field` and
:class:`Record` values: the loader checks field names against them, and the
JSON Schemas (:mod:`.schema`) and the documentation's reference tables are made
from them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..diagnostics import Subtype
from ..model import Problem
from ..text import fold

#: URL schemes a data file may link to; anything else is dropped with a warning.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "ftps"})

#: The most characters one text field may hold: a long abstract is a few
#: thousand, and a megabyte of it is still read whole. More is cut, with a
#: warning.
MAX_FIELD_TEXT = 4_000_000
#: The most characters of the items of a list of texts together (tags, notes),
#: and of a URL. YAML aliases can repeat one long text in a list many times
#: over (``[*abstract, *abstract, ...]``), and every page that shows the field
#: would be that big: what is beyond is left out, with a warning.
MAX_LIST_TEXT = 100_000

# Month names in English, French, Spanish, German and Italian, without accents.
_MONTH_NAMES = (
    "jan january janvier enero januar gennaio",
    "feb february fevrier febrero februar febbraio",
    "mar march mars marzo marz",
    "apr april avril abril aprile",
    "may mai mayo maggio",
    "jun june juin junio juni giugno",
    "jul july juillet julio juli luglio",
    "aug august aout agosto",
    "sep sept september septembre septiembre setiembre settembre",
    "oct october octobre octubre oktober ottobre",
    "nov november novembre noviembre",
    "dec december decembre diciembre dezember dicembre",
)
_MONTHS = {
    name: number
    for number, names in enumerate(_MONTH_NAMES, start=1)
    for name in names.split()
}
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
#: tabs and line breaks, which browsers remove from anywhere in a URL
_URL_BREAKS = re.compile(r"[\t\n\r]+")
#: what else may not be in a URL as it is: other controls and blanks than the
#: space (a line separator, a no-break space); percent-encoded
_URL_ODD = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f]")


def _encoded(match: re.Match) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def clean_url(url: str) -> str:
    """The URL as a browser reads it: without blanks around it, without the
    tabs and line breaks inside it (a YAML block cut it in lines), and with the
    other controls and blanks but the space percent-encoded."""
    return _URL_ODD.sub(_encoded, _URL_BREAKS.sub("", url.strip()))


def safe_url(url: str) -> str | None:
    """The URL (see :func:`clean_url`) if its scheme is safe to link to (or it
    has none), else ``None``.

    Browsers ignore control characters and blanks inside a scheme
    (``java\\tscript:``), so the check looks at the URL without them.
    """
    compact = _CONTROL.sub("", url)
    if not compact:
        return None
    try:
        scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    if not scheme and ":" in compact.split("/", 1)[0]:
        return None  # a colon before any slash that urlsplit did not read as a scheme
    return clean_url(url)


def parse_month(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 12 else None
    if isinstance(value, str):
        text = fold(value.strip().strip("."))
        if text.isdigit():
            return parse_month(int(text))
        if text in _MONTHS:
            return _MONTHS[text]
        # "10 January", "02-04 May": the one month named in the text
        named = {
            _MONTHS[word] for word in re.findall(r"[a-z]+", text) if word in _MONTHS
        }
        if len(named) == 1:
            return named.pop()
    return None


def parse_date(value) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of ``2019``, ``2019-06``, ``2019-06-14`` or a date."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, None, None) if 0 < value < 10000 else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _DATE.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month, day = (int(part) if part else None for part in match.group(2, 3))
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


#: What a field may hold: the kinds of :class:`Field`. A kind marked ``*``
#: holds records, and needs the field's ``record``.
FIELD_KINDS = {
    "text": "text (a number is read as text)",
    "texts": "a list of text, or one text",
    "comma_texts": "a list of text, or one comma-separated text",
    "url": "a URL or a relative path",
    "year": "a year",
    "month": "a month, as a number or a name",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD",
    "flag": "true or false",
    "duration": "minutes, or text such as 1h 21m",
    "start": "a date a span starts at",
    "end": "a date a span ends at, or present",
    "choice": "one of a few words, from the field's ``choice``",
    "people": "people: names or {name, person, url, mark} mappings *",
    "links": "links: labels to URLs *",
    "link": "a URL, a list of URLs, or file labels to URLs",
    "record": "one nested record *",
    "records": "a list of nested records *",
    "related": "a nested record, or a list of them *",
    "section": "a list of records, the only thing a section holds *",
}


@dataclass(frozen=True, eq=False)
class Choice:
    """The words an enumerated field (a type, a kind) takes."""

    what: str
    values: tuple[str, ...]
    #: other words read as one of ``values``: {alias: value}
    aliases: Mapping[str, str] = field(default_factory=dict)
    default: str = "other"
    #: read in any case, with blanks around (else only as written)
    folded: bool = True

    def accepted(self) -> dict[str, str]:
        """The aliases that name one of :attr:`values`."""
        return {
            alias: value
            for alias, value in self.aliases.items()
            if value in self.values
        }


@dataclass(frozen=True, eq=False)
class Field:
    """One field of a record, as the loader reads it.

    ``doc`` is one line of reStructuredText-free prose (``code`` between
    backquotes); ``examples`` are values an editor may offer, the first of
    them valid on its own; ``aliases`` are other names of the field; ``to`` is
    the attribute of the model the field fills, when not its own name.
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    examples: tuple = ()
    record: Record | None = None
    choice: Choice | None = None
    to: str = ""

    def __post_init__(self):
        if self.kind not in FIELD_KINDS:
            raise ValueError(f"field {self.name!r}: unknown kind {self.kind!r}")
        if FIELD_KINDS[self.kind].endswith("*") != (self.record is not None):
            raise ValueError(f"field {self.name!r}: a {self.kind} field and its record")
        if (self.kind == "choice") != (self.choice is not None):
            raise ValueError(f"field {self.name!r}: a choice field and its words")


@dataclass(frozen=True, eq=False)
class Record:
    """A mapping of a data file: its fields, and what it is for.

    ``name`` names the record in the JSON Schemas (``$defs``) and in the
    reference; ``one_of``, fields of which at least one is required;
    ``open``, whether other keys than the fields are read (labels of links);
    ``or_text``, whether a text may stand for the whole record.
    """

    name: str
    title: str
    doc: str
    fields: tuple[Field, ...]
    one_of: tuple[str, ...] = ()
    open: bool = False
    or_text: bool = False
    examples: tuple = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the loader knows, the aliases after the fields."""
        return (
            *(item.name for item in self.fields),
            *(alias for item in self.fields for alias in item.aliases),
        )

    def __getitem__(self, name: str) -> Field:
        for item in self.fields:
            if name == item.name or name in item.aliases:
                return item
        raise KeyError(name)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


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
        if _URL_BREAKS.search(value.strip()) or _URL_ODD.search(value.strip()):
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


def kind_of(value) -> str:
    """What a value from a data file is, in the words of the file formats."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


class _Mark(str):
    """Punctuation of a quoted value, not a value of the file."""


def _items(items, close: str):
    for index, item in enumerate(items):
        if index:
            yield _Mark(", ")
        yield item
    yield _Mark(close)


def _pairs(mapping: Mapping):
    for index, (key, item) in enumerate(mapping.items()):
        if index:
            yield _Mark(", ")
        yield key
        yield _Mark(": ")
        yield item
    yield _Mark("}")


def short(value, limit: int = 60) -> str:
    """A value as it may be quoted in a message: cut short, never built whole.

    Only the first ``limit`` characters are made, walking the value no further
    than they need: a list that YAML aliases repeat within themselves (a
    few hundred bytes that mean billions of items) costs no more than a word.
    """
    pieces: list[str] = []
    size = 0
    stack = [iter((value,))]
    while stack and size <= limit:
        try:
            item = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        if isinstance(item, _Mark):
            piece = str(item)
        elif isinstance(item, str):
            piece = repr(item[: limit + 1])
        elif isinstance(item, Mapping):
            piece = "{"
            stack.append(_pairs(item))
        elif isinstance(item, (list, tuple)):
            piece = "["
            stack.append(_items(item, "]"))
        else:
            piece = repr(item)[: limit + 1]
        pieces.append(piece)
        size += len(piece)
    text = "".join(pieces)
    return text if len(text) <= limit else text[: limit - 1] + "…"
