"""BibTeX files, parsed with pybtex's tokenizer and read into the shared vocabulary.

pybtex's :class:`~pybtex.database.input.bibtex.LowLevelParser` gives each entry
with its position, so entries keep their line numbers and their own source
text, and a broken entry costs only itself. ``@string`` macros, month macros
and ``#`` concatenation are pybtex's; ``crossref`` is resolved here, with
missing targets and cycles reported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from pybtex.database import Person as BibPerson
from pybtex.database.input.bibtex import LowLevelParser, UndefinedMacro, month_names
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError
from pybtex.utils import CaseInsensitiveDict

from ..citation import entry_citation
from ..diagnostics import Subtype
from ..model import Problem
from ..text import latex_pieces, latex_to_text, marked_math, split_mark, split_names
from .fields import short
from .publications import file_label, normalize_type, publication_from_mapping

#: BibTeX fields holding links, and the link label each becomes.
LINK_FIELDS = {
    "pdf": "pdf",
    "code": "code",
    "html": "web",
    "web": "web",
    "website": "web",
    "slides": "slides",
    "poster": "poster",
    "video": "video",
    "supp": "supplemental",
    "supplemental": "supplemental",
    "supplementary": "supplemental",
    "dataset": "dataset",
    "data": "dataset",
    "blog": "blog",
}
_FREE_LINKS = "links"
_ARXIV_VENUE = re.compile(r"^arxiv preprint arxiv:\s*(\S+)$", re.IGNORECASE)
_ENTRY_START = re.compile(r"^[ \t]*@", re.MULTILINE)
_DEFINES_MACROS = re.compile(r"@\s*string\s*[{(]", re.IGNORECASE)
_PERSON_FIELDS = ("author", "editor")
_VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "howpublished",
    "series",
    "organization",
)
_THESIS_KIND = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
_PUBSTATE = {
    "forthcoming": "to appear",
    "inpress": "in press",
    "submitted": "submitted",
    "prepublished": "preprint",
}
#: A link field may list several files: ``{ppt: a.ppt, pptx: a.pptx}`` or
#: ``{a.ppt a.pptx}``. Items are split at commas, then read from the left: an
#: item is a label, ``: `` and a URL, or a URL alone.
_BLANKS = re.compile(r"\s*")
_URL = re.compile(r"\S+")
_LABEL_END = re.compile(r":\s+(?=\S)")


#: The most characters a field or an ``@string`` macro that uses macros may
#: hold once they are expanded (a field written out is as long as it is): a
#: few bytes of macros, each several copies of the one before, made a title of
#: 10 MB (and 3 GB with one more). More is cut, with a warning.
FIELD_MAX = 100_000
#: The most characters that macros may bring into one file, all fields
#: together (a 100,000-character macro used in each of a thousand fields);
#: values that use macros past it are left out, with a warning.
EXPANSION_MAX = 5_000_000


class _TooLong(PybtexSyntaxError):
    """A field or macro longer than :data:`FIELD_MAX` once expanded: cut."""

    error_type = "too long"


class _Parser(LowLevelParser):
    """pybtex's parser, with the length of what macros expand to bounded: a
    value is cut at :data:`FIELD_MAX` characters (so no macro holds more), and
    macros bring at most :data:`EXPANSION_MAX` characters into a file. Values
    are joined from their parts after this: no longer value is ever made."""

    def __init__(self, text, macros, handle_error, budget: list[int]):
        super().__init__(text, macros=macros, handle_error=handle_error)
        self.budget = budget  # [characters macros may still bring]

    in_string = False
    from_macros = 0  # characters macros brought into the value being read

    def parse_string_body(self, body_end):
        self.in_string = True
        try:
            super().parse_string_body(body_end)
        finally:
            self.in_string = False

    def substitute_macro(self, name):
        value = super().substitute_macro(name)
        self.from_macros += len(value)
        return value

    def parse_value(self):
        self.from_macros = 0
        super().parse_value()
        parts = self.current_value  # joined by the caller: not here
        what = "@string macro" if self.in_string else "field"
        name = self.current_field_name
        if self.from_macros and sum(map(len, parts)) > FIELD_MAX:
            kept, room = [], FIELD_MAX
            for part in parts:
                kept.append(part[:room])
                room -= len(kept[-1])
                if not room:
                    break
            self.current_value = kept
            self.handle_error(
                _TooLong(
                    f"{what} {name!r} is longer than {FIELD_MAX:,} characters "
                    "once its @string macros are expanded; it is cut there",
                    self,
                )
            )
        spent = min(self.from_macros, FIELD_MAX)
        if spent <= self.budget[0]:
            self.budget[0] -= spent
            return
        self.current_value = []
        if self.budget[0] >= 0:
            self.handle_error(
                _TooLong(
                    f"@string macros expand to more than {EXPANSION_MAX:,} characters "
                    f"in this file; {what} {name!r} and the values after it that "
                    "use macros are left out: use fewer, or shorter, macros",
                    self,
                )
            )
        self.budget[0] = -1


class _Entry:
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


class _EntryMapping(dict):
    """An entry in the shared vocabulary; finds field lines in the entry's text."""

    #: a date range's years as shown, and the year the record has with them
    years: tuple[str, int] | None = None

    def __init__(self, values, entry: _Entry, field_names: dict):
        super().__init__(values)
        self.line = entry.line
        self._entry = entry
        self._field_names = field_names

    def line_of(self, name: str) -> int:
        return self._entry.field_line(self._field_names.get(name, name))


class Reuse:
    """What reading one version of a file gave, piece by piece and entry by
    entry, kept to read the next version: an edited file is parsed again only
    where it changed. Lines are kept relative, so that entries moved by an
    edit above them are reused too; pieces and entries with problems are not
    kept (messages name lines)."""

    def __init__(self) -> None:
        #: digest of a piece (and of the macros before it) -> its entries as
        #: (type, key, fields, line, text), lines counted from the piece's
        #: first line (plain tuples pickle fast)
        self.pieces: dict[bytes, list[tuple]] = {}
        #: digest of an entry -> its record and the line it was made at; the
        #: entry's origin, or for one with a crossref, the digest of its
        #: fields as the crossref left them
        self.records: dict[bytes, tuple[object, int]] = {}


def load_bibtex(
    text: str,
    source: str,
    problems: list[Problem],
    reuse: Reuse | None = None,
    keep: Reuse | None = None,
) -> list:
    """The publications of a BibTeX file. What ``reuse`` holds from an earlier
    version is not parsed again; what this version gives is put in ``keep``."""
    entries = parse_entries(text, source, problems, reuse, keep)
    by_key = CaseInsensitiveDict()
    for entry in entries:
        if entry.key in by_key:
            first = by_key[entry.key]
            problems.append(
                Problem(
                    Subtype.duplicate_key,
                    f"duplicate BibTeX key {entry.key!r} (first on line {first.line}); "
                    "this entry is left out: give it a key of its own",
                    source,
                    entry.line,
                )
            )
            continue
        by_key[entry.key] = entry

    targets = _resolve_crossrefs(by_key, source, problems)
    records = []
    for entry in by_key.values():
        if (
            entry.type in ("proceedings", "mvproceedings")
            and entry.key.lower() in targets
        ):
            continue  # a volume that exists only to be cross-referenced
        digest = (
            entry.origin
            if entry.origin and "crossref" not in entry.fields
            else hashlib.sha1(
                repr(
                    (entry.type, entry.key, entry.text, [*entry.fields.items()])
                ).encode()
            ).digest()
        )
        known = reuse.records.get(digest) if reuse else None
        if known is None:
            found: list[Problem] = []
            mapping = _to_mapping(entry, source, found)
            citation = entry_citation(entry.type, entry.key, entry.fields.items())
            record = publication_from_mapping(
                mapping, source, found, check_unknown=False, citation=citation
            )
            if record is not None and mapping.years:
                years, year = mapping.years
                if record.year == year:  # not when a year field says otherwise
                    record = replace(record, years=years)
            problems += found
            if found:  # their messages may name lines: made again next time
                if record is not None:
                    records.append(record)
                continue
            known = (record, entry.line)
        if keep is not None:
            keep.records[digest] = known
        record, line = known
        shift = entry.line - line
        if record is not None:
            records.append(
                replace(record, line=record.line + shift) if shift else record
            )
    return records


def parse_entries(
    text: str,
    source: str,
    problems: list[Problem],
    reuse: Reuse | None = None,
    keep: Reuse | None = None,
) -> list[_Entry]:
    """Entries of the file; an entry with a syntax error is reported and skipped.

    Each piece of the file that starts with ``@`` at the start of a line is
    parsed on its own (sharing ``@string`` macros), so that a brace left open
    costs only its own entry, not every entry after it; and so that a piece
    seen before, after the same macros, need not be parsed again.
    """
    macros = CaseInsensitiveDict(month_names)
    budget = [EXPANSION_MAX]
    strings = hashlib.sha1()  # the pieces defining macros, so far
    entries: list[_Entry] = []
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
                _Entry(
                    kind, key, fields, line + shift, entry_text,
                    digest + place.to_bytes(4, "big"),
                )
                for place, (kind, key, fields, line, entry_text) in enumerate(known)
            ]  # fmt: skip
        first_line += piece.count("\n")
    return entries


def _parse_piece(text, first_line, macros, source, problems, budget) -> list[_Entry]:
    errors: list[PybtexError] = []
    parser = _Parser(text, macros, errors.append, budget)
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
        for error in errors[seen:]:
            error_line = first_line - 1 + getattr(error, "lineno", 0) or line
            if isinstance(error, _TooLong):
                problems.append(
                    Problem(
                        Subtype.syntax, f"BibTeX: {error.args[0]}", source, error_line
                    )
                )
            elif isinstance(error, UndefinedMacro):
                problems.append(
                    Problem(
                        Subtype.syntax,
                        f"BibTeX: undefined @string macro {error.args[0]!r}; "
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
                        f"BibTeX: {_error_text(error)}",
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
        values = {}
        entry = _Entry(command.lower(), key, values, line, "")
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
    for error in errors:  # errors after the last entry
        problems.append(
            Problem(
                Subtype.syntax,
                f"BibTeX: {_error_text(error)}",
                source,
                first_line - 1 + (getattr(error, "lineno", 0) or 1),
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


def _resolve_crossrefs(by_key, source: str, problems: list[Problem]) -> set[str]:
    """Fill fields missing from an entry from the entry it cross-references.

    Chains are followed without recursion, however long; a missing target or
    a cycle is reported. Returns the lower-cased keys that are cross-referenced.
    """
    targets = set()
    resolved = set()
    budget = [EXPANSION_MAX]  # characters the crossrefs may copy into the file
    for start in by_key.values():
        # Walk up to an entry already resolved, without a crossref, or broken.
        chain = [start]
        in_chain = {id(start)}
        while chain[-1].key.lower() not in resolved:
            entry = chain[-1]
            parent_key = entry.fields.get("crossref")
            parent = by_key.get(parent_key) if parent_key else None
            if parent_key and parent is None:
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX entry {entry.key!r} cross-references {parent_key!r}, "
                        "which is not in the file",
                        source,
                        entry.line,
                    )
                )
            if parent is None:
                break
            if id(parent) in in_chain:
                names = [e.key.lower() for e in chain[chain.index(parent) :]]
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX crossref cycle: {' -> '.join([*names, parent.key.lower()])}; "
                        "remove the crossref of one of them",
                        source,
                        entry.line,
                    )
                )
                break
            targets.add(parent.key.lower())
            chain.append(parent)
            in_chain.add(id(parent))
        # Then fill each entry from its parent, top down.
        for child, parent in zip(
            reversed(chain[:-1]), reversed(chain[1:]), strict=True
        ):
            if not _inherit(child, parent, budget):
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX entry {short(child.key)} would copy more than "
                        f"{EXPANSION_MAX:,} characters from the entries it "
                        "cross-references, with those before it; what it would "
                        "copy is left out",
                        source,
                        child.line,
                    )
                )
        resolved.update(entry.key.lower() for entry in chain)
    return targets


def _inherit(entry: _Entry, parent: _Entry, budget: list[int]) -> bool:
    """Fill the entry's missing fields from its parent's, as long as the
    characters the file's crossrefs copy stay within ``budget``; whether
    they did."""
    fields = dict(entry.fields)  # what is kept shares the first
    copied = 0
    for name, value in parent.fields.items():
        if name == "crossref":
            continue
        if name == "title" and "booktitle" not in fields:
            fields["booktitle"] = value
            copied += len(value)
        elif name not in fields:
            fields[name] = value
            copied += len(value)
    if copied > budget[0]:
        return False
    budget[0] -= copied
    entry.fields = fields
    return True


def _to_mapping(entry: _Entry, source: str, problems: list[Problem]) -> _EntryMapping:
    """The entry in the field names of :mod:`.publications`."""
    fields = entry.fields
    values: dict = {
        "key": entry.key,
        # BibTeX has types of every tool's invention ("electronic", "software"):
        # the ones the model has no name for are simply "other".
        "type": normalize_type(entry.type) or "other",
        "bibtex": entry.text.strip(),
    }
    names: dict = {}

    def take(name: str, *bib_names: str, raw: bool = False) -> None:
        for bib_name in bib_names:
            value = fields.get(bib_name)
            if value:
                values[name] = _raw(value) if raw else latex_to_text(value)
                names[name] = bib_name
                return

    take("title", "title")
    if "title" in values:  # math kept: ``$...$`` (see text.marked_math)
        values["title"] = marked_math(latex_pieces(fields["title"]))
    for role in _PERSON_FIELDS:
        if fields.get(role):
            values[role + "s"] = _persons(fields[role], entry, source, problems, role)
            names[role + "s"] = role
    take("venue", *_VENUE_FIELDS)
    if entry.type in _THESIS_KIND:
        school = latex_to_text(
            fields.get("school", "") or fields.get("institution", "")
        )
        values["venue"] = ", ".join(filter(None, [_THESIS_KIND[entry.type], school]))
    elif entry.type == "techreport" and "venue" not in values:
        take("venue", "institution")
    elif "venue" not in values and entry.type in ("book", "misc"):
        take("venue", "publisher")
    take("year", "year")
    take("month", "month")
    take("date", "date", raw=True)  # as written: ``1487~/1490`` has no tie
    years = None
    if "date" in values:
        values["date"], years = _biblatex_date(values["date"])
    take("volume", "volume")
    take("number", "number", "issue")
    take("pages", "pages")
    take("publisher", "publisher")
    take("abstract", "abstract")
    if "abstract" in values:
        values["abstract"] = marked_math(latex_pieces(fields["abstract"]))
    take("url", "url", raw=True)
    take("doi", "doi", raw=True)
    take("arxiv", "arxiv", raw=True)
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    if "arxiv" not in values and prefix == "arxiv":  # biblatex and DBLP
        take("arxiv", "eprint", raw=True)
    scholar_arxiv = _ARXIV_VENUE.match(values.get("venue", ""))
    if scholar_arxiv:  # Google Scholar: journal = {arXiv preprint arXiv:1234.5678}
        values.setdefault("arxiv", scholar_arxiv.group(1))
    if values["type"] == "journal" and (
        scholar_arxiv or values.get("venue", "").lower() == "corr"
    ):
        values["type"] = "preprint"  # DBLP files arXiv papers in the journal CoRR
    if fields.get("selected"):
        values["selected"] = _raw(fields["selected"])
    if fields.get("status") or fields.get("pubstate"):
        status = fields.get("status") or fields["pubstate"]
        values["status"] = _PUBSTATE.get(status.lower(), latex_to_text(status))
    # al-folio's award_name is the short form of its award: one of them
    award = fields.get("award_name") or fields.get("award")
    notes = [
        latex_to_text(value)
        for value in (award, fields.get("notes"), fields.get("note"))
        if value
    ]
    if notes:
        values["notes"] = notes
    tags = fields.get("tags") or fields.get("keywords")
    if tags:
        values["tags"] = latex_to_text(tags)
    links = {}
    for bib_name, label in LINK_FIELDS.items():
        if fields.get(bib_name) and label not in links:
            links[label] = _link_value(fields[bib_name])
            names.setdefault("links", bib_name)
    if fields.get(_FREE_LINKS):
        for label, url in _link_items(fields[_FREE_LINKS]):
            links[label or file_label(url)] = url
        names.setdefault("links", _FREE_LINKS)
    if links:
        values["links"] = links
    mapping = _EntryMapping(values, entry, names)
    mapping.years = years
    return mapping


#: a biblatex (ISO 8601-2, EDTF) date: year, month or season, day; a time
#: and a mark of uncertainty or approximation (``~``, ``?``, ``%``) are read
#: and left out
_POINT = (
    r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[~?%]?"
)
#: a date, or a range of two (either end may be open: empty or ``..``)
_BIBLATEX_DATE = re.compile(rf"(?:{_POINT})?(/)?(?:(?<=/)(?:{_POINT}|\.\.))?")
_OPEN_START = re.compile(r"\.\./")


def _biblatex_date(value: str) -> tuple[str, tuple[str, int] | None]:
    """A biblatex ``date`` as a plain date (its first, or for a range open
    at the start, its last) and, for a range, its years as shown with the
    year the record takes from it: ``1984/1986`` -> ``("1984", ("1984–1986",
    1984))``. A value it cannot read is given back, to be reported."""
    written = value.strip()
    head = _OPEN_START.match(written)
    match = _BIBLATEX_DATE.fullmatch(written, head.end() - 1 if head else 0)
    if not match or not (match.group(1) or match.group(5)):
        return value, None
    start = _point(match.group(1, 2, 3))
    end = _point(match.group(5, 6, 7))
    if (match.group(1) and start is None) or (match.group(5) and end is None):
        return value, None  # "1996-13-03": reported as not a date
    if not match.group(4):  # one date, with a time or a mark
        return start, None
    first_year = int(match.group(1) or match.group(5))
    if not match.group(1):
        return end, (f"–{first_year}", first_year)
    if not match.group(5):
        return start, (f"{first_year}–", first_year)
    last_year = int(match.group(5))
    if last_year == first_year:
        return start, None
    return start, (f"{first_year}–{last_year}", first_year)


def _point(parts: tuple) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of a date's parts; a season
    (months 21-24) is its year; ``None`` for a month or day that is none."""
    year, month, day = parts
    if year is None:
        return None
    if month and 21 <= int(month) <= 24:
        return year
    if month and not 1 <= int(month) <= 12:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _persons(
    value: str, entry: _Entry, source: str, problems: list[Problem], role: str
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
        order = _reading_order(written)
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
    items, depth, quoted, current = [], 0, False, []
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


def _reading_order(written: str) -> tuple[str, str] | None:
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


#: ``\url{URL}`` and ``\href{URL}{text}``, as people write links in BibTeX
_URL_COMMAND = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}(?:\s*\{[^{}]*\})?")


def _raw(value: str) -> str:
    r"""A value used verbatim (URLs, DOIs): only the protecting braces go, and
    a link written as ``\url{...}`` or ``\href{...}{...}`` is its URL."""
    if "\\" in value:
        value = _URL_COMMAND.sub(r"\1", value)
    return (
        value.replace("{", "")
        .replace("}", "")
        .replace("\\_", "_")
        .replace("\\%", "%")
        .strip()
    )


def _link_items(value: str) -> list[tuple[str, str]]:
    """``(label, url)`` of each item; the label is empty when there is none."""
    items = []
    for part in _raw(value).split(","):
        # The label of an item runs to the part's next colon, if a blank and
        # a URL follow it; that colon is found once for all the items before
        # it (looked for again from each item, it made long parts quadratic).
        colon, label_end = -1, None
        position = _BLANKS.match(part).end()
        while position < len(part):
            label = ""
            if colon < position:
                colon = part.find(":", position)
                if colon < 0:
                    colon = len(part)  # none left: not looked for again
                label_end = _LABEL_END.match(part, colon)
            if label_end and colon > position:
                label = part[position:colon].rstrip()
                position = label_end.end()
            url = _URL.match(part, position)
            items.append((label, url.group()))
            position = _BLANKS.match(part, url.end()).end()
    return items


def _link_value(value: str):
    items = _link_items(value)
    if len(items) == 1 and not items[0][0]:
        return items[0][1]
    if not any(label for label, _ in items):
        return [url for _, url in items]  # labelled by file_labels
    return {label or file_label(url): url for label, url in items}
