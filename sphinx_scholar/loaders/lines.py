"""Values read from a data file that remember the lines they were written on.

Mappings are :class:`LineDict`, which knows the line it starts on and the line
of each key; lists are :class:`LineList`, which knows the line of each item.
The YAML and JSON readers make them, so that a problem in any field can be
reported where it is.
"""

from __future__ import annotations

import bisect

#: Deeper nesting than this is refused: libyaml crashes on very deep input,
#: and nothing that reads records needs more.
MAX_NESTING = 500


class LineDict(dict):
    """A mapping from a data file, with the 1-based lines of itself and its keys."""

    line: int = 0
    key_lines: dict = {}  # noqa: RUF012  (replaced per instance, never mutated)

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list from a data file, with the 1-based line of each item."""

    item_lines: list = []  # noqa: RUF012  (replaced per instance, never mutated)


def item_line(items: list, index: int) -> int:
    """The line of a list's item, when the list knows it."""
    lines = getattr(items, "item_lines", ())
    return lines[index] if index < len(lines) else 0


def line_dict(pairs, line: int, key_lines: dict) -> LineDict:
    """A :class:`LineDict` of ``pairs`` (a later value of a key wins)."""
    result = LineDict(pairs)
    result.line = line
    result.key_lines = key_lines
    return result


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts; lines end at line feeds only, as
    editors show them."""
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def line_at(starts: list[int], position: int) -> int:
    """The 1-based line of ``position``, given the :func:`line_starts` of its text."""
    return bisect.bisect_right(starts, position)


def shift_lines(value, offset: int) -> None:
    """Move every line in ``value`` by ``offset``; a list or mapping that YAML
    aliases share is moved once, and walked once (aliases of aliases would
    otherwise make a few lines billions of visits)."""
    seen: set[int] = set()
    pending = [value]
    while pending:
        value = pending.pop()
        if not isinstance(value, (dict, list)) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, LineDict):
            value.line += offset
            value.key_lines = {
                key: line + offset for key, line in value.key_lines.items()
            }
        elif isinstance(value, LineList):
            value.item_lines = [line + offset for line in value.item_lines]
        pending.extend(value.values() if isinstance(value, dict) else value)
