"""What can be read of a JSON file that does not parse, and what to tell.

The entries of a top-level list are read one by one, so that a broken entry
costs only itself; :mod:`json`'s errors come with a hint at what to do.
"""

from __future__ import annotations

import json
import re

from ..diagnostics import Subtype
from ..model import Problem
from .json_lines import JsonText
from .lines import line_at, line_starts

#: What to do about the errors of :mod:`json`.
_JSON_HINTS = {
    "Expecting ',' delimiter": "put a comma between two fields or two entries",
    "Expecting ':' delimiter": "put a colon between a name and its value",
    "Expecting property name enclosed in double quotes": "write names in double "
    "quotes, and remove any comma after the last field",
    "Expecting value": "a value is missing, or is text without double quotes",
    "Invalid control character at": "a string is not closed on its line, or holds "
    "a tab or a line break (write \\t or \\n)",
    "Unterminated string starting at": "close the string with a double quote",
    "Extra data": "the file goes on after its list ends: put every entry in the list",
}


def json_error_text(error: json.JSONDecodeError) -> str:
    message = error.msg.removesuffix(" at") if error.msg.endswith(" at") else error.msg
    hint = _JSON_HINTS.get(error.msg)
    return f"{message} at column {error.colno}" + (f" ({hint})" if hint else "")


def recover_json_list(
    text: str, reader: JsonText, source: str, problems: list[Problem]
):
    """The entries of a top-level JSON list that do parse, each read on its
    own; ``None`` when the file is not a list."""
    begin = len(text) - len(text.lstrip())
    if not text.startswith("[", begin):
        return None
    starts = line_starts(text)

    def report(message: str, position: int) -> None:
        problems.append(
            Problem(
                Subtype.syntax,
                f"JSON syntax error: {message}",
                source,
                line_at(starts, position),
            )
        )

    items: list = []
    position, indent = begin + 1, None
    before = "["  # what came last: "[", "," or an entry ("{")
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            report("the file ends before the list is closed with ']'; add it", position)
            return items
        if text[position] == "]":
            if before == ",":
                report("a comma before ']'; remove it", position)
            if text[position + 1 :].strip():
                report(
                    "the file goes on after its list ends; put every entry in the list",
                    position,
                )
            return items
        if text[position] == ",":
            if before != "{":
                report("a comma with no entry before it; remove it", position)
            position, before = position + 1, ","
            continue
        if before == "{":
            report("expecting ',' between two entries; add it", position)
        if indent is None:
            indent = text[text.rfind("\n", 0, position) + 1 : position]
        try:
            item, position = reader.value_at(position)
        except json.JSONDecodeError as error:
            # go on at the next line that starts an entry as the first one did
            following = (
                re.compile("\n" + re.escape(indent) + r"[{\[]").search(text, position)
                if indent.isspace() or not indent
                else None
            )
            what, where = json_error_text(error), error.pos
            if following is not None and following.end() - 1 <= error.pos:
                # the parser ran into the next entry: the error is this one's end
                next_line = line_at(starts, following.end() - 1)
                what = (
                    f"the entry is not closed before the next one starts on line "
                    f"{next_line}: close it with '}}'"
                )
                where = position
            report(f"{what}; this entry is left out (the others are read)", where)
            if following is None:
                return items
            position, before = following.end() - 1, "["
            continue
        except (ValueError, RecursionError) as error:  # a number too long, ...
            report(
                f"a value that cannot be read ({error}); the entries from here on "
                "are left out",
                position,
            )
            return items
        items.append(item)
        before = "{"
