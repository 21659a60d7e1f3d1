"""The filter language of every list directive: small and safe (it is parsed
here, never evaluated as Python)::

    year >= 2016 and not (type == preprint or tag in [draft, old])
    author == norouzi and venue contains "workshop"
    selected

Fields with several values (``author``, ``group``, ``tag``, ``note``) match
when any of their values does. Text compares without regard to case or accents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .loaders.publications import normalize_type
from .loaders.quoting import did_you_mean
from .model import Person
from .people_matching import Registry
from .text import fold, name_key


class QueryError(ValueError):
    """A filter, sort or group specification that cannot be used."""


# --- the values a filter sees -------------------------------------------------

NUMBER_FIELDS = ("year", "month")
TEXT_FIELDS = ("type", "venue", "key", "title", "status", "abstract", "publisher")
SET_FIELDS = ("author", "person", "group", "tag", "note")
FLAG_FIELDS = ("selected",)
FIELDS = NUMBER_FIELDS + TEXT_FIELDS + SET_FIELDS + FLAG_FIELDS
# Plurals, and the names talks and CV entries give to the shared fields.
_FIELD_ALIASES = {
    "authors": "author",
    "tags": "tag",
    "notes": "note",
    "groups": "group",
    "speaker": "author",
    "speakers": "author",
    "kind": "type",
    "event": "venue",
    "organisation": "venue",
}


def field_values(record: Any, name: str, registry: Registry) -> Any:
    """The value of a filter field on a record: a number, text, set or flag."""
    if isinstance(record, Person) and name in ("author", "person", "group"):
        if name == "group":
            return {fold(group) for group in record.groups}
        spellings = (record.id, record.name, *record.variants)
        return {fold(record.id)} | {name_key(spelling) for spelling in spellings}
    if name in ("author", "person"):
        values = set()
        for author in record.authors:
            values.add(name_key(author.name))
            person = registry.match(author)
            if person is not None:
                values.add(fold(person.id))
                values.add(name_key(person.id))
                values.add(name_key(person.name))
        return values
    if name == "group":
        return {
            fold(group)
            for author in record.authors
            if (person := registry.match(author)) is not None
            for group in person.groups
        }
    if name == "tag":
        return {fold(tag) for tag in getattr(record, "tags", ())}
    if name == "note":
        return {fold(note) for note in getattr(record, "notes", ())}
    value = getattr(record, name, None)  # talks have no publisher, CV entries no status
    return fold(value) if isinstance(value, str) else value


# --- filter ---------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<number>-?\d+(?:\.\d+)?(?![\w.-]))
      | (?P<op>==|!=|<=|>=|=|<|>|~|\(|\)|\[|\]|,)
      | (?P<word>[^\s"'()\[\],=!<>~]+)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "contains"}


@dataclass
class _Token:
    kind: str  # string, number, op, word, end
    value: str
    position: int


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise QueryError(
                f"unexpected {text[position:].strip()[:10]!r} at column {position + 1}"
            )
        kind = match.lastgroup
        assert kind is not None  # every alternative of _TOKEN is a named group
        value = match.group(kind)
        start = match.start(kind)
        if kind == "string":
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        tokens.append(_Token(kind, value, start))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


Predicate = Callable[[object, Registry], bool]


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokenize(text)
        self.index = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.token
        self.index += 1
        return token

    def at_word(self, *words: str) -> bool:
        return self.token.kind == "word" and self.token.value.lower() in words

    def at_op(self, *ops: str) -> bool:
        return self.token.kind == "op" and self.token.value in ops

    def fail(self, expected: str):
        token = self.token
        found = "the end" if token.kind == "end" else repr(token.value)
        raise QueryError(
            f"expected {expected} at column {token.position + 1}, found {found}"
        )

    def parse(self) -> Predicate:
        predicate = self.parse_or()
        if self.token.kind != "end":
            self.fail("'and', 'or' or the end")
        return predicate

    def parse_or(self) -> Predicate:
        parts = [self.parse_and()]
        while self.at_word("or"):
            self.take()
            parts.append(self.parse_and())
        return (
            parts[0] if len(parts) == 1 else (lambda r, g: any(p(r, g) for p in parts))
        )

    def parse_and(self) -> Predicate:
        parts = [self.parse_not()]
        while self.at_word("and"):
            self.take()
            parts.append(self.parse_not())
        return (
            parts[0] if len(parts) == 1 else (lambda r, g: all(p(r, g) for p in parts))
        )

    def parse_not(self) -> Predicate:
        if self.at_word("not"):
            self.take()
            inner = self.parse_not()
            return lambda r, g: not inner(r, g)
        return self.parse_comparison()

    def parse_comparison(self) -> Predicate:
        if self.at_op("("):
            self.take()
            inner = self.parse_or()
            if not self.at_op(")"):
                self.fail("')'")
            self.take()
            return inner
        if self.token.kind != "word" or self.token.value.lower() in _KEYWORDS:
            self.fail("a field name")
        token = self.take()
        name = token.value.lower()
        name = _FIELD_ALIASES.get(name, name)
        if name not in FIELDS:
            raise QueryError(
                f"unknown field {token.value!r} at column {token.position + 1}"
                f"{did_you_mean(name, FIELDS)}"
            )
        negate = False
        if self.at_word("not"):  # "not in"
            self.take()
            if not self.at_word("in"):
                self.fail("'in' after 'not'")
            negate = True
        if self.at_op("==", "=", "!=", "<", "<=", ">", ">=", "~") or self.at_word(
            "in", "contains"
        ):
            op = self.take().value.lower()
            value = self.parse_value(op in ("in",))
            test = _comparison(name, op, value)
            return (lambda r, g: not test(r, g)) if negate else test
        if negate:
            self.fail("'in'")
        return lambda r, g: bool(field_values(r, name, g))

    def parse_value(self, want_list: bool):
        if want_list:
            if not self.at_op("[", "("):
                return [self.parse_scalar()]
            close = "]" if self.take().value == "[" else ")"
            values = [self.parse_scalar()]
            while self.at_op(","):
                self.take()
                values.append(self.parse_scalar())
            if not self.at_op(close):
                self.fail(f"',' or {close!r}")
            self.take()
            return values
        return self.parse_scalar()

    def parse_scalar(self):
        token = self.token
        if token.kind in ("string", "word") and (
            token.kind == "string" or token.value.lower() not in _KEYWORDS
        ):
            self.take()
            return token.value
        if token.kind == "number":
            self.take()
            return float(token.value) if "." in token.value else int(token.value)
        self.fail("a value")


def _normal(name: str, value):
    """A written value in the form the field's values take."""
    if isinstance(value, (int, float)):
        return value if name in NUMBER_FIELDS else fold(str(value))
    if name in ("author", "person"):
        return name_key(value)
    if name == "type":
        return normalize_type(value) or fold(value)
    if name in FLAG_FIELDS:
        return fold(value) in ("true", "yes", "1")
    return fold(value)


def _comparison(name: str, op: str, value) -> Predicate:
    if op in ("<", "<=", ">", ">=") and name not in NUMBER_FIELDS:
        raise QueryError(f"{op!r} compares numbers; {name!r} is not a number")
    if name in NUMBER_FIELDS and op not in ("~", "contains"):
        for item in value if op == "in" else [value]:
            if not isinstance(item, (int, float)):
                raise QueryError(f"{name!r} is a number; {item!r} is not")
    if op == "in":
        wanted = {_normal(name, item) for item in value}
        if name in SET_FIELDS:
            return lambda r, g: bool(field_values(r, name, g) & wanted)
        return lambda r, g: field_values(r, name, g) in wanted
    if op in ("~", "contains"):
        part = fold(str(value))
        if name in SET_FIELDS:
            return lambda r, g: any(part in item for item in field_values(r, name, g))
        return lambda r, g: part in fold(str(field_values(r, name, g) or ""))
    wanted = _normal(name, value)
    if name in SET_FIELDS:
        if op in ("==", "="):
            return lambda r, g: wanted in field_values(r, name, g)
        return lambda r, g: wanted not in field_values(r, name, g)
    compare = {
        "==": lambda a: a == wanted,
        "=": lambda a: a == wanted,
        "!=": lambda a: a != wanted,
        "<": lambda a: a is not None and a < wanted,
        "<=": lambda a: a is not None and a <= wanted,
        ">": lambda a: a is not None and a > wanted,
        ">=": lambda a: a is not None and a >= wanted,
    }[op]
    return lambda r, g: compare(field_values(r, name, g))


def compile_filter(text: str) -> Predicate:
    """A predicate ``(record, registry) -> bool``; raises :class:`QueryError`."""
    try:
        return _Parser(text).parse()
    except RecursionError:
        raise QueryError("expression nested too deeply") from None
