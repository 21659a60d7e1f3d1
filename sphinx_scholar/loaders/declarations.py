"""How a loader declares the fields of its records, once.

Each loader declares its records as :class:`Record` values of :class:`Field`
values (a few of them :class:`Choice` fields): the loader checks field names
against them, and the JSON Schemas (:mod:`.schema`) and the documentation's
reference tables (:mod:`.field_reference`) are made from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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


def record_of(item: Field) -> Record:
    """The record of a field that holds records (``Field`` checks it has one)."""
    if item.record is None:  # pragma: no cover
        raise ValueError(f"field {item.name!r} holds no record")
    return item.record
