"""Names of authors and editors: BibTeX's ``First Last``, ``Last, First`` and
``Last, Jr., First``, joined with ``and``, and biblatex's extended name format
(``family=..., given=...``), in reading order."""

from __future__ import annotations

import re

from pybtex.database import Person as BibPerson
from pybtex.exceptions import PybtexError

from ...diagnostics import Subtype
from ...model import Problem
from ...text import latex_to_text, split_mark, split_names
from ..quoting import short
from .entry import Entry


def persons(
    value: str, entry: Entry, source: str, problems: list[Problem], role: str
) -> list[str]:
    names = []
    for written in split_names(value.strip()):
        written, mark = split_mark(written)
        if not written:
            continue
        if written.lower() == "others":
            names.append("et al.")
            continue
        if "=" in written:
            extended = _extended_name(written)
            if extended is not None:
                name, lineage, unknown = extended
                if unknown:
                    problems.append(
                        Problem(
                            Subtype.field_type,
                            f"BibTeX entry {entry.key!r}: the name {short(written)} "
                            f"has a part {short(unknown)} that biblatex does not "
                            "know; it is left out: write family=, given=, "
                            "prefix= or suffix=",
                            source,
                            entry.field_line(role, last=True),
                        )
                    )
                if not name:
                    problems.append(
                        Problem(
                            Subtype.field_type,
                            f"BibTeX entry {entry.key!r}: the name {short(written)} "
                            "has no family= or given= part; it is shown as written",
                            source,
                            entry.field_line(role, last=True),
                        )
                    )
                    name = latex_to_text(written)
                names.append(name + (", " + lineage if lineage else "") + mark)
                continue
        if "," not in written and not any(c in written for c in "{\\~"):
            names.append(written + mark)  # already "First Last"
            continue
        order = reading_order(written)
        if order is not None:
            name, lineage = order
            names.append(
                latex_to_text(name)
                + (", " + latex_to_text(lineage) if lineage else "")
                + mark
            )
            continue
        try:
            person = BibPerson(written)
        except PybtexError as error:
            problems.append(
                Problem(
                    Subtype.field_type,
                    f"BibTeX entry {entry.key!r}: cannot read the name {short(written)} ({short(str(error))}); "
                    "it is shown as written: write 'First Last', 'Last, First' or "
                    "'Last, Jr., First', and join names with 'and'",
                    source,
                    entry.field_line(role, last=True),
                )
            )
            names.append(latex_to_text(written) + mark)
            continue
        parts = (
            person.first_names
            + person.middle_names
            + person.prelast_names
            + person.last_names
        )
        name = latex_to_text(" ".join(parts))
        if person.lineage_names:
            name += ", " + latex_to_text(" ".join(person.lineage_names))
        names.append(name + mark)
    return names


#: what may come between the parts of a name in biblatex's extended format:
#: a run without commas, braces or quotes, or one of these
_NAME_PIECE = re.compile(r'[^,{}"]+|.', re.DOTALL)
#: ``family=``, ``given-i =``: a part's name, and the ``=`` after it
_NAME_KEY = re.compile(r"\s*([A-Za-z][A-Za-z-]*)\s*=\s*")
#: the parts of a name, and the options biblatex takes there
_NAME_PARTS = ("given", "prefix", "family", "suffix")
_NAME_OPTIONS = frozenset(["useprefix", "sortingnamekeytemplatename", "uniquename"])


def _extended_name(written: str) -> tuple[str, str, str] | None:
    """A name in biblatex's extended format, ``given=Ludwig, prefix=van,
    family=Beethoven, suffix=Jr``, as ``("Ludwig van Beethoven", "Jr", "")``;
    the last item names a part that is not known (left out); the name is
    empty without a family or given name. ``None`` for a name in the usual
    format. A value may be braced or quoted to hold a
    comma; ``given-i`` (initials) stands in for a missing ``given``."""
    items: list[str] = []
    current: list[str] = []
    depth, quoted = 0, False
    for match in _NAME_PIECE.finditer(written):
        piece = match.group()
        if piece == "," and not depth and not quoted:
            items.append("".join(current))
            current = []
            continue
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth = max(depth - 1, 0)
        elif piece == '"' and not depth:
            quoted = not quoted
        current.append(piece)
    items.append("".join(current))
    parts: dict[str, str] = {}
    unknown = ""
    for item in items:
        key = _NAME_KEY.match(item)
        if key is None:
            if item.strip():
                return None  # "Doe, John": not the extended format
            continue
        name = key.group(1).lower()
        value = item[key.end() :].strip()
        if len(value) > 1 and value[0] == value[-1] == '"':
            value = value[1:-1]
        if name in _NAME_PARTS or name.endswith("-i"):
            parts.setdefault(name, latex_to_text(value))
        elif name not in _NAME_OPTIONS:
            unknown = unknown or name
    given = parts.get("given") or parts.get("given-i", "")
    if not (given or parts.get("family")):
        return "", "", unknown
    shown = " ".join(
        part for part in (given, parts.get("prefix"), parts.get("family")) if part
    )
    return shown, parts.get("suffix", ""), unknown


#: a brace group holding a space, a tie or a comma, or a control space:
#: pybtex must split the name
#: (the group's text is scanned up to the next brace of either kind: the same
#: groups are found, and ``{{{{...`` is not scanned again from every brace)
_GROUPED_WORDS = re.compile(r"\{[^{}\s,~]*[\s,~]|\\\s")


def reading_order(written: str) -> tuple[str, str] | None:
    """``von Last, Jr, First`` as ``First von Last`` and ``Jr``, as pybtex
    would give them, without pybtex's name parser (a third of the time taken
    to read a file) when no brace group holds a space or a comma; ``None``
    for the other names."""
    if _GROUPED_WORDS.search(written):
        return None
    parts = [part.split() for part in written.replace("~", " ").split(",")]
    if len(parts) > 3 or not all(parts):
        return None  # pybtex reports or makes sense of these
    if len(parts) == 1:
        return " ".join(parts[0]), ""
    if len(parts) == 2:
        return " ".join(parts[1] + parts[0]), ""
    return " ".join(parts[2] + parts[0]), " ".join(parts[1])
