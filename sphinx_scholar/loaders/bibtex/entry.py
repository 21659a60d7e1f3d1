"""An entry as read from the file: its type, key, raw fields, line and text."""

from __future__ import annotations

import re


class Entry:
    """An entry of the file, before its fields are read into a record."""

    __slots__ = ("type", "key", "fields", "line", "text", "origin", "_lines")

    def __init__(self, type_, key, fields, line, text, origin=None):
        self.type = type_
        self.key = key
        # raw (macro-expanded) values by lower-cased name: BibTeX's field
        # names know no case (and pybtex's case-insensitive dict is slow)
        self.fields = fields
        self.line = line
        self.text = text
        #: the digest of the piece it was read from (with the macros before
        #: it) and its place there, when the piece read without a problem:
        #: its fields follow from these, unless a crossref fills some in
        self.origin = origin
        self._lines = None

    def field_line(self, name: str, last: bool = False) -> int:
        """The line of the first (or last) ``name =`` at the start of a line
        of the entry; the entry's line if there is none."""
        if self._lines is None:
            self._lines = _field_lines(self.text)
        found = self._lines.get(name.lower())
        return self.line + found[1 if last else 0] if found else self.line


#: A field's name at the start of a line, and the ``=`` after it.
_FIELD_START = re.compile(r"^[ \t]*([^\s=]+)\s*=", re.MULTILINE)


def _field_lines(entry_text: str) -> dict[str, tuple[int, int]]:
    """The lines of each field name (lower-cased) written at the start of a
    line of an entry, first and last, counted from the entry's first line.

    Made in one pass over the entry, whose fields are then looked up in it:
    looking for each field in the text again took time in the square of the
    entry's length for an entry of many fields (and a pattern starting with
    ``^[blanks]*`` went over each run of blank lines from every line of it).
    """
    lines: dict[str, tuple[int, int]] = {}
    line, counted_to = 0, 0
    for match in _FIELD_START.finditer(entry_text):
        line += entry_text.count("\n", counted_to, match.start(1))
        counted_to = match.start(1)
        name = match.group(1).lower()
        first = lines.get(name)
        lines[name] = (first[0] if first else line, line)
    return lines
