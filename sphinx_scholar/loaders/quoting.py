"""How warnings quote what a data file holds: a value cut short, what kind
of value it is, and the known word closest to a wrong one."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Mapping


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


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
