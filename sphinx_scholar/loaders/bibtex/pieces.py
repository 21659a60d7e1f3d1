"""A BibTeX file split into pieces, each from an ``@`` at the start of a line,
and read into entries; syntax errors are reported at their line, with what to
do about them, and cost only their own entry."""

from __future__ import annotations

import hashlib
import re

from pybtex.database.input.bibtex import UndefinedMacro, month_names
from pybtex.exceptions import PybtexError
from pybtex.utils import CaseInsensitiveDict

from ...diagnostics import Subtype
from ...model import Problem
from .entry import Entry
from .parser import EXPANSION_MAX, BoundedParser, TooLong
from .reuse import Reuse

_ENTRY_START = re.compile(r"^[ \t]*@", re.MULTILINE)
_DEFINES_MACROS = re.compile(r"@\s*string\s*[{(]", re.IGNORECASE)


def parse_entries(
    text: str,
    source: str,
    problems: list[Problem],
    reuse: Reuse | None = None,
    keep: Reuse | None = None,
) -> list[Entry]:
    """Entries of the file; an entry with a syntax error is reported and skipped.

    Each piece of the file that starts with ``@`` at the start of a line is
    parsed on its own (sharing ``@string`` macros), so that a brace left open
    costs only its own entry, not every entry after it; and so that a piece
    seen before, after the same macros, need not be parsed again.
    """
    macros = CaseInsensitiveDict(month_names)
    budget = [EXPANSION_MAX]
    strings = hashlib.sha1()  # the pieces defining macros, so far
    entries: list[Entry] = []
    starts = [match.start() for match in _ENTRY_START.finditer(text)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    first_line = 1
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[begin:end]
        if _DEFINES_MACROS.search(piece):
            entries += _parse_piece(piece, first_line, macros, source, problems, budget)
            strings.update(piece.encode("utf-8", "surrogatepass"))
        else:
            digest = hashlib.sha1(
                strings.digest() + piece.encode("utf-8", "surrogatepass")
            ).digest()
            known = reuse.pieces.get(digest) if reuse else None
            shift = first_line - 1
            if known is None:
                found: list[Problem] = []
                parsed = _parse_piece(piece, first_line, macros, source, found, budget)
                problems += found
                if found:  # their messages name lines: read again next time
                    entries += parsed
                    first_line += piece.count("\n")
                    continue
                known = [
                    (e.type, e.key, e.fields, e.line - shift, e.text) for e in parsed
                ]
            if keep is not None:
                keep.pieces[digest] = known
            entries += [
                Entry(
                    kind, key, fields, line + shift, entry_text,
                    digest + place.to_bytes(4, "big"),
                )
                for place, (kind, key, fields, line, entry_text) in enumerate(known)
            ]  # fmt: skip
        first_line += piece.count("\n")
    return entries


def _parse_piece(text, first_line, macros, source, problems, budget) -> list[Entry]:
    errors: list[PybtexError] = []
    parser = BoundedParser(text, macros, errors.append, budget)
    entries = []
    line, counted_to = first_line, 0
    iterator = iter(parser)
    while True:
        seen = len(errors)
        try:
            command, body = next(iterator)
        except StopIteration:
            break
        except (PybtexError, RecursionError) as error:
            problems.append(
                Problem(
                    Subtype.syntax,
                    f"BibTeX: {_error_text(error)}",
                    source,
                    first_line - 1 + parser.lineno,
                )
            )
            break
        line += text.count("\n", counted_to, parser.command_start)
        counted_to = parser.command_start
        fatal = 0  # the line of a syntax error in this entry
        for reported in errors[seen:]:
            error_line = first_line - 1 + getattr(reported, "lineno", 0) or line
            if isinstance(reported, TooLong):
                problems.append(
                    Problem(
                        Subtype.syntax,
                        f"BibTeX: {reported.args[0]}",
                        source,
                        error_line,
                    )
                )
            elif isinstance(reported, UndefinedMacro):
                problems.append(
                    Problem(
                        Subtype.syntax,
                        f"BibTeX: undefined @string macro {reported.args[0]!r}; "
                        "define it with @string or put the value in braces",
                        source,
                        error_line,
                    )
                )
            else:
                fatal = error_line
                problems.append(
                    Problem(
                        Subtype.syntax,
                        f"BibTeX: {_error_text(reported)}",
                        source,
                        error_line,
                    )
                )
        # Errors raised before an entry starts belong to no entry: report and go on.
        del errors[seen:]
        if command.lower() in ("string", "preamble"):
            continue
        key, fields = body
        if fatal:
            what = f"entry {key!r}" if key else "this entry"
            problems.append(
                Problem(
                    Subtype.syntax,
                    f"BibTeX: {what} is left out; fix the syntax error on line {fatal}",
                    source,
                    line,
                )
            )
            continue
        if not key:
            problems.append(
                Problem(
                    Subtype.syntax,
                    "BibTeX: entry without a key is left out",
                    source,
                    line,
                )
            )
            continue
        values: dict[str, str] = {}
        entry = Entry(command.lower(), key, values, line, "")
        for written, parts in fields:
            name = written.lower()
            if name in values:
                if not entry.text:
                    entry.text = text[parser.command_start : parser.pos]
                problems.append(
                    Problem(
                        Subtype.duplicate_field,
                        f"BibTeX entry {key!r} has a second {written!r} field; the "
                        "first is kept: remove one of them",
                        source,
                        entry.field_line(written, last=True),
                    )
                )
                continue
            values[name] = " ".join("".join(parts).split())
        entry.text = entry_text = text[parser.command_start : parser.pos]
        if not _COMMA_AFTER_KEY.match(entry_text, _key_end(entry_text, key)):
            # pybtex reads on; BibTeX and biber stop at the entry
            problems.append(
                Problem(
                    Subtype.syntax,
                    f"BibTeX entry {key!r} has no comma after its key; it is read, "
                    f"but BibTeX and biber reject it: write {key + ','!r}",
                    source,
                    line,
                )
            )
        entries.append(entry)
    for left in errors:  # errors after the last entry
        problems.append(
            Problem(
                Subtype.syntax,
                f"BibTeX: {_error_text(left)}",
                source,
                first_line - 1 + (getattr(left, "lineno", 0) or 1),
            )
        )
    return entries


#: The start of an entry, up to its key.
_ENTRY_HEAD = re.compile(r"@[^{(]*[{(]\s*")
#: What may follow a key: a comma, or the end of an entry without fields.
_COMMA_AFTER_KEY = re.compile(r"\s*[,})]|\s*$")


def _key_end(entry_text: str, key: str) -> int:
    head = _ENTRY_HEAD.match(entry_text)
    return head.end() + len(key) if head else 0


#: What to do about pybtex's syntax errors.
_HINTS = {
    "premature end of file": "an entry is not closed before the end of the file "
    "or the next entry: check that its braces balance",
    "'}' expected": "put a comma after each field and check that braces balance",
    "')' expected": "put a comma after each field and check that braces balance",
    "entry key expected": "write the key first: @article{key, title = ...}",
    "'(' or '{' expected": "an '@' outside an entry must start one, like "
    "@article{key, ...}; remove the stray '@'",
    "'=' expected": "write each field as name = {value}",
    "unbalanced braces": "a '{' or '}' has no partner: make them pair up",
}


def _error_text(error: PybtexError) -> str:
    text = re.sub(r" in line \d+", "", str(error))
    hint = next((hint for found, hint in _HINTS.items() if found in text), "")
    return f"{text} ({hint})" if hint else text
