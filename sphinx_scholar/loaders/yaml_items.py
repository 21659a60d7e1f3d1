"""An edited YAML list of publications, read again only where it changed.

A file that is a plain top-level list (``- key: ...`` items at the start of
their lines) is cut into its items' texts. Each item that read without a
problem, with its own ``key``, is kept with its record; the next version of
the file reuses the record of every item whose text is the same, moved to its
new line, and parses only the other items. Anything else (a file of another
shape, anchors and aliases that tie items together, an item with a problem or
without a key) is read whole, as if nothing were kept: what a file gives never
depends on its history.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any

from ..model import Problem
from .lists import records_of
from .yaml_lines import parse_yaml_at as _parse_yaml_at

# The patterns start with a character the regex engine can skip to, several
# times faster than trying each position; those that would start at a line's
# beginning look for a newline instead, in the text after one more.
#: an item of the top-level list
_ITEM_START = re.compile(r"\n-(?=[ \t\n]|\Z)")
#: anchors, aliases and tags (after a blank, a bracket, a comma, a colon or a
#: dash), and directives and documents: items that may not be read on their own
_ANCHOR_ALIAS_TAG = re.compile(r"[&*!](?<![^\s\[{,:-].)\S")
_DIRECTIVE_OR_DOCUMENT = re.compile(r"\n(?:%|---|\.\.\.)")
_OWN_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?key[ \t]*:", re.MULTILINE)


class Items:
    """Records of the items of one version of a file, by their text's digest,
    with their line counted from the item's first line."""

    def __init__(self) -> None:
        #: (a record of any kind, as the loader of the file makes them)
        self.records: dict[bytes, tuple[Any, int]] = {}


def split_items(text: str) -> list[tuple[int, str, bytes]] | None:
    """``(index of its first line, text, digest of the text)`` of each item,
    or ``None`` when the file is not a plain top-level list."""
    body = text[4:] if text.startswith("---\n") else text  # the document's start
    if _ANCHOR_ALIAS_TAG.search(body) or _DIRECTIVE_OR_DOCUMENT.search("\n" + body):
        return None
    # the match's start in "\n" + text is the dash's offset in the text
    starts = [match.start() for match in _ITEM_START.finditer("\n" + text)]
    if not starts or any(
        line.strip() and not line.lstrip().startswith("#") and line.strip() != "---"
        for line in text[: starts[0]].split("\n")
    ):
        return None
    items = []
    line = text.count("\n", 0, starts[0])
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[begin:end]
        items.append((line, piece, _digest(piece)))
        line += piece.count("\n")
    return items


def _digest(piece: str) -> bytes:
    return hashlib.sha1(piece.encode("utf-8", "surrogatepass")).digest()


def read_changed(
    items: list[tuple[int, str, bytes]], path: str, kept: Items, make
) -> list | None:
    """The records of the items, reusing what ``kept`` has; ``None`` when an
    item that must be parsed has a problem or no key (the file is then read
    whole)."""
    records = []
    for start, piece, digest in items:
        known = kept.records.get(digest)
        if known is not None:
            record, offset = known
            line = start + 1 + offset
            records.append(
                record if record.line == line else replace(record, line=line)
            )
            continue
        if not _OWN_KEY.search(piece):
            return None
        found: list[Problem] = []
        parsed, value = _parse_yaml_at(piece, start, path, found, "")
        made = records_of(value, path, found, "publications", make) if parsed else []
        if found or len(made) != 1:
            return None
        records.append(made[0])
    return records


def keep_items(
    items: list[tuple[int, str, bytes]] | None,
    records: list,
    problems: list[Problem],
    previous: Items | None,
) -> Items:
    """What the next reading can reuse: each item that gave one record, has
    its own key and no problem."""
    kept = Items()
    if not items:
        return kept
    known = previous.records if previous else {}
    bounds = [start + 1 for start, _, _ in items] + [float("inf")]
    troubled = {problem.line for problem in problems}
    index = 0
    for record in records:
        while record.line >= bounds[index + 1]:
            index += 1
        start, piece, digest = items[index]
        first, last = bounds[index], bounds[index + 1]
        # an item kept last time has its own key; only a new one is searched
        if digest not in known and not _OWN_KEY.search(piece):
            continue
        if any(first <= t < last for t in troubled):
            continue
        # what was kept before is kept as it was: pickled again, it is only
        # a reference (see :mod:`sphinx_scholar.cache`)
        kept.records.setdefault(
            digest, known.get(digest) or (record, record.line - start - 1)
        )
    return kept
