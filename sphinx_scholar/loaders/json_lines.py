"""JSON read into values that remember their lines (:mod:`.lines`).

Objects become :class:`LineDict`, arrays :class:`LineList`; duplicate keys,
which :mod:`json` silently overwrites, are reported.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re

from ..diagnostics import Subtype
from ..model import Problem
from .lines import LineDict, LineList, line_at, line_dict, line_starts


def line_decoder(newlines: list[int], source: str, problems: list[Problem]):
    """A JSON decoder of values with lines; ``newlines`` are the text's
    :func:`~.lines.line_starts`."""

    def parse_object(state, strict, scan_once, object_hook, pairs_hook, memo=None):
        string, start = state
        pairs, end = json.decoder.JSONObject(state, strict, scan_once, None, list, memo)
        line = line_at(newlines, start)
        key_lines = _key_lines(string, start, end, pairs, newlines)
        seen = set()
        for key, _ in pairs:
            if key in seen:
                problems.append(
                    Problem(
                        Subtype.duplicate_field,
                        f"duplicate key {key!r}; the later value wins: remove one of them",
                        source,
                        key_lines.get(key, line),
                    )
                )
            seen.add(key)
        return line_dict(pairs, line, key_lines), end

    def parse_array(state, scan_once):
        starts = []  # where each item of this array starts

        def scan_item(string, index):
            starts.append(index)
            return scan_once(string, index)

        values, end = json.decoder.JSONArray(state, scan_item)
        items = LineList(values)
        items.item_lines = [line_at(newlines, start) for start in starts]
        return items, end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder


def _key_lines(string: str, start: int, end: int, pairs, starts) -> dict:
    """Lines of an object's own keys, found by searching its text in order."""
    lines = {}
    position = start
    for key, _ in pairs:
        # the key is the quoted string followed by a colon, not a value like it
        found = re.compile(re.escape(json.dumps(key)) + r"\s*:").search(
            string, position, end
        )
        if not found:
            continue
        lines[key] = line_at(starts, found.start())
        position = found.end()
    return lines


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
