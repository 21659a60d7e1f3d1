"""What can be read of a YAML file that does not parse.

A file that is a list of entries, or a mapping of sections (each maybe a list
of entries), is read again piece by piece, so that a syntax error costs only
the entry or the section it is in.
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Subtype
from ..model import Problem
from .lines import LineDict, LineList, line_dict
from .yaml_lines import parse_yaml_at

_SECTION_KEY = re.compile(r"^([^\s#:'\"][^:#]*):\s*(#.*)?$")
#: the marker of the document's start, alone or with a comment after it
_DOCUMENT_START = re.compile(r"---(?:[ \t]+(?:#.*)?)?")


def recover_yaml(text: str, source: str, problems: list[Problem]):
    """The file read piece by piece: the items of a top-level list, or the
    sections of a top-level mapping (and, when a section does not parse, the
    items of its list). ``None`` when the file is not made that way."""
    # split at line feeds only: str.splitlines() also splits at form feeds
    # and other separators, which editors show inside a line
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    content = [
        number
        for number, line in enumerate(lines)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if content and _DOCUMENT_START.fullmatch(lines[content[0]].rstrip()):
        content = content[1:]  # the document's start
    if not content:
        return None
    if _item_indent(lines[content[0]]) == 0:
        return _recover_items(lines, content[0], len(lines), source, problems)
    if lines[content[0]][0] in " \t":
        return None
    starts = [number for number in content if lines[number][0] not in " \t#-"]
    if not starts or starts[0] != content[0]:
        return None  # the file starts with something that is not a section
    pairs: list[tuple[str, Any]] = []
    key_lines: dict[str, int] = {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        piece = "".join(lines[start:end])
        piece_problems: list[Problem] = []
        parsed, value = parse_yaml_at(piece, start, source, piece_problems, "")
        header = _SECTION_KEY.match(lines[start].rstrip("\r\n"))
        if not (parsed and isinstance(value, dict)) and header:
            key = header.group(1).strip()
            items = _recover_items(lines, start + 1, end, source, problems)
            value = LineDict({key: items}) if items is not None else None
            if value is not None:
                value.line, value.key_lines = start + 1, {key: start + 1}
        if not isinstance(value, LineDict):  # what the loader makes of a mapping
            parse_yaml_at(
                piece, start, source, problems, "; this part of the file is left out"
            )
            continue
        problems.extend(piece_problems if parsed else ())
        for key, item in value.items():
            if key in key_lines:
                problems.append(
                    Problem(
                        Subtype.duplicate_field,
                        f"duplicate key {key!r} (first on line {key_lines[key]}); "
                        "the later value wins: remove one of them",
                        source,
                        value.line_of(key),
                    )
                )
            key_lines[key] = value.line_of(key)
            pairs.append((key, item))
    return line_dict(pairs, content[0] + 1, key_lines) if pairs else None


def _item_indent(line: str) -> int | None:
    """The indentation of a line that starts a block list item, else ``None``."""
    stripped = line.lstrip(" ")
    if stripped.startswith("-") and stripped[1:2] in (" ", "\t", "\n", "\r", ""):
        return len(line) - len(stripped)
    return None


def _recover_items(lines, begin: int, end: int, source, problems):
    """The items of the block list in ``lines[begin:end]``, each parsed on its
    own; an item with a syntax error is reported and left out."""
    content = [
        number
        for number in range(begin, end)
        if lines[number].strip() and not lines[number].lstrip().startswith("#")
    ]
    if not content:
        return None
    indent = _item_indent(lines[content[0]])
    if indent is None:
        return None
    starts = [n for n in content if _item_indent(lines[n]) == indent]
    items = LineList()
    items.item_lines = []
    for start, stop in zip(starts, [*starts[1:], end], strict=True):
        piece = "".join(lines[start:stop])
        parsed, value = parse_yaml_at(
            piece,
            start,
            source,
            problems,
            "; this entry is left out (the others are read)",
        )
        if parsed and isinstance(value, list):
            items += value
            items.item_lines += getattr(value, "item_lines", [0] * len(value))
    return items
