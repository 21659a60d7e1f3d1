"""JSON read into values that remember their lines (:mod:`.lines`).

:mod:`json` parses, and its errors are the ones reported. Objects come from it
as lists of pairs (its ``object_pairs_hook``), so that a key written twice,
which a dict would silently overwrite, is reported. The lines are then found
by walking the value and the text's tokens side by side: in JSON that parses,
each value starts with one token (``{``, ``[``, a string, or a number or
word), each key is one string, and they come in the order the walk visits
them. Objects become :class:`~.lines.LineDict`, arrays :class:`~.lines.LineList`.
"""

from __future__ import annotations

import json
import re

from ..diagnostics import Subtype
from ..model import Problem
from .lines import (
    MAX_NESTING,
    LineDict,
    LineList,
    line_at,
    line_dict,
    line_starts,
)

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
#: what each value and each key starts with: a string, an opening bracket,
#: or a number or word (``true``, ``null``, ...)
_START = re.compile(_STRING + r'|[{\[]|[^\s{}\[\],:"]+', re.DOTALL)
#: how much of the text :meth:`JsonText.value_at` reads first
_WINDOW = 4096
#: an error this near a window's end may be the window's, not the text's
_CUT_WORD = 32


class _Pairs(list):
    """An object's pairs as :mod:`json` gives them: in order, duplicates kept."""


_DECODER = json.JSONDecoder(object_pairs_hook=_Pairs)
_MATCH_START = re.Match.start


class JsonText:
    """A JSON text, read into values with the lines of the text; a key written
    twice is reported to ``problems``."""

    def __init__(self, text: str, source: str, problems: list[Problem]):
        self.text = text
        self.source = source
        self.problems = problems
        self.newlines = line_starts(text)

    def document(self):
        """The value of the whole text. Raises :class:`json.JSONDecodeError`,
        :class:`RecursionError` (nested too deeply) and :class:`ValueError` (a
        number too long to read, ...)."""
        return self._with_lines(_DECODER.decode(self.text), 0, len(self.text))

    def value_at(self, position: int) -> tuple[object, int]:
        """The value that starts at ``position`` (text may follow it), and
        where it ends; raises as :meth:`document` does, with the error's
        position in the whole text.

        :mod:`json` reads a window of the text from ``position``, twice as
        long each time its answer might depend on where the window ends: so
        that reading every entry of a file costs time in proportion to the
        file, however many entries do not parse."""
        text, size = self.text, _WINDOW
        while True:
            end = min(position + size, len(text))
            whole, size = end == len(text), size * 2
            window = text[position:end]
            try:
                value, length = _DECODER.raw_decode(window)
            except json.JSONDecodeError as error:
                if whole or not _may_be_the_windows_end(error, len(window)):
                    raise json.JSONDecodeError(
                        error.msg, text, position + error.pos
                    ) from None
            except (ValueError, RecursionError):
                if whole:  # else the window may have cut a number short
                    raise
            else:
                if whole or length < len(window):  # a number may go on
                    end = position + length
                    return self._with_lines(value, position, end), end

    def _with_lines(self, value, begin: int, end: int):
        """``value``, parsed from ``text[begin:end]``, with its lines."""
        newlines, problems, source = self.newlines, self.problems, self.source
        # where each value and key starts, in the order the walk needs them
        starts = map(_MATCH_START, _START.finditer(self.text, begin, end))

        def walk(value: list, line: int, depth: int):
            """An object or array that starts on ``line``, with its lines."""
            if depth >= MAX_NESTING:
                raise RecursionError(f"nested more than {MAX_NESTING} levels deep")
            if isinstance(value, _Pairs):
                pairs, key_lines, twice = [], {}, []
                for key, item in value:
                    if key in key_lines:
                        twice.append(key)
                    key_lines[key] = line_at(newlines, next(starts))
                    item_start = next(starts)
                    if isinstance(item, list):
                        item = walk(item, line_at(newlines, item_start), depth + 1)
                    pairs.append((key, item))
                problems.extend(
                    Problem(
                        Subtype.duplicate_field,
                        f"duplicate key {key!r}; the later value wins: "
                        "remove one of them",
                        source,
                        key_lines[key],
                    )
                    for key in twice
                )
                return line_dict(pairs, line, key_lines)
            items = LineList()
            items.item_lines = []
            for item in value:
                item_line = line_at(newlines, next(starts))
                items.append(
                    walk(item, item_line, depth + 1) if isinstance(item, list) else item
                )
                items.item_lines.append(item_line)
            return items

        line = line_at(newlines, next(starts))
        return walk(value, line, 0) if isinstance(value, list) else value


def _may_be_the_windows_end(error: json.JSONDecodeError, length: int) -> bool:
    """Whether an error in a window of the text may be its end, not the text's:
    a string it cuts is unterminated, anything else it cuts (a word like
    ``-Infinity``, a number, an escape like ``\\ud83d\\ude00``) is reported
    at most a few characters before its end."""
    return (
        error.pos >= length - _CUT_WORD
        or error.msg == "Unterminated string starting at"
    )


# JSON may escape half a UTF-16 pair ("\\ud800"), which no page can be written with.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: an escaped high surrogate without a low one after it, or a low one alone
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def without_surrogates(data, text: str, source: str, problems: list[Problem]):
    """The data of ``text`` with lone surrogates replaced by U+FFFD, reported
    once, at the first one's line."""
    if not _ESCAPED_SURROGATE.search(text):
        return data  # the text cannot hold one
    found = []

    def clean(value):
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found.append(value)
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, LineDict):
            return line_dict(
                [(clean(k), clean(v)) for k, v in value.items()],
                value.line,
                value.key_lines,
            )
        if isinstance(value, list):
            items = LineList(clean(item) for item in value)
            items.item_lines = getattr(value, "item_lines", [])
            return items
        return value

    data = clean(data)
    if found:
        lone = _LONE_SURROGATE.search(text)
        line = line_at(line_starts(text), lone.start()) if lone else 0
        problems.append(
            Problem(
                Subtype.data_file,
                "JSON escapes half of a UTF-16 surrogate pair (like \\ud800); it is read as \ufffd",
                source,
                line,
            )
        )
    return data
