"""Invisible characters a data file may not put on a page.

Unicode's bidirectional controls (embeddings, overrides and isolates,
U+202A-U+202E and U+2066-U+2069) reorder the text after them until they are
closed; one that a data string leaves open reorders the page around it: the
next author, the next entry, the page's own text. Opened and closed in one
string they are harmless, and right-to-left names may need them, so only
the controls without a partner are removed. Other control characters (from
U+0000 to U+001F but tab and line breaks, and U+007F to U+009F), the
noncharacters U+FFFE and U+FFFF and lone surrogates have no place in text:
they are removed too, so that no XML output (the feed) refuses them. Each
removal is reported where the record starts.
"""

from __future__ import annotations

import dataclasses
import re

from ..diagnostics import Subtype
from ..model import Problem

#: opener -> the control that closes it
_CLOSER = {
    "\u202a": "\u202c",  # left-to-right embedding
    "\u202b": "\u202c",  # right-to-left embedding
    "\u202d": "\u202c",  # left-to-right override
    "\u202e": "\u202c",  # right-to-left override
    "\u2066": "\u2069",  # left-to-right isolate
    "\u2067": "\u2069",  # right-to-left isolate
    "\u2068": "\u2069",  # first strong isolate
}
_SUSPECT = re.compile(
    "[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)
#: YAML and JSON escapes that can make a control character (``\\u202e``)
_ESCAPE = re.compile(r"\\[0abefvxuUN]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: record fields that are not data shown on a page
_NOT_TEXT = frozenset({"source", "line"})


def may_hold_controls(text: str, escapes: bool = True) -> bool:
    """Whether the records read from a file's text can hold a control: it
    has one, or (in YAML and JSON) an escape that could make one."""
    return bool(_SUSPECT.search(text) or (escapes and _ESCAPE.search(text)))


def balanced(text: str) -> str:
    """The text without control characters and without the bidi controls
    that are not closed in it, or that close nothing."""
    text = _CONTROL.sub("", text)
    dropped: set[int] = set()
    open_at: list[int] = []
    for index, char in enumerate(text):
        if char in _CLOSER:
            open_at.append(index)
        elif char in ("\u202c", "\u2069"):
            if open_at and _CLOSER[text[open_at[-1]]] == char:
                open_at.pop()
            else:
                dropped.add(index)
    dropped.update(open_at)
    return "".join(char for index, char in enumerate(text) if index not in dropped)


def _text_fields(cls) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.name not in _NOT_TEXT
        )
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}


def _cleaned(value, removed: list[str]):
    """The value with every string in it :func:`balanced`, rebuilt only
    where something changed."""
    if type(value) is str:
        if not _SUSPECT.search(value):
            return value
        clean = balanced(value)
        if clean != value:
            removed.append(value)
        return clean
    if type(value) is tuple:
        items = tuple([_cleaned(item, removed) for item in value])
        return items if items != value else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _text_fields(type(value)):
            old = getattr(value, name)
            if old is None or type(old) in (int, bool, float):
                continue
            new = _cleaned(old, removed)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _around_control(text: str) -> str:
    """The text near its first control, quoted with the control escaped."""
    found = _SUSPECT.search(text)
    start = found.start() if found else 0
    return repr(text[max(0, start - 20) : start + 20])


def without_stray_controls(records: list, source: str, problems: list[Problem]):
    """The records, their stray controls removed and reported."""
    result = []
    for record in records:
        removed: list[str] = []
        clean = _cleaned(record, removed)
        if removed:
            near = dict.fromkeys(_around_control(text) for text in removed)
            shown = ", ".join(list(near)[:3])
            problems.append(
                Problem(
                    Subtype.text,
                    f"unbalanced bidirectional controls, noncharacters or "
                    f"control characters "
                    f"removed from {shown}; close each U+202A-U+202E with "
                    "U+202C and each U+2066-U+2068 with U+2069, in the same "
                    "text, or remove them",
                    getattr(record, "source", "") or source,
                    getattr(record, "line", 0),
                )
            )
        result.append(clean)
    return result
