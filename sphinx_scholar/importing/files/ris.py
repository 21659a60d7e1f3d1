"""RIS files (``TY  - JOUR`` ... ``ER  -``), as reference managers export
them, in the YAML form of publications.

Read line by line: a line ``XX  - value`` starts a tag, a line that does not
continues the last tag's value (exports wrap long abstracts), and anything
before the first ``TY`` of a record (numbers, a byte-order mark, a header)
is skipped. Each tag means what the RIS specification and
:mod:`sphinx_scholar.ris`, which writes RIS, say.
"""

from __future__ import annotations

import re
from typing import Any

from ...diagnostics import Subtype
from ...model import Problem
from ...text import natural_order
from ..identifiers import bare_arxiv, bare_doi
from ..mapping import a_month, a_year, page_range

_TAG = re.compile(r"([A-Z][A-Z0-9])  -(?: (.*))?")

#: RIS types to the YAML form's (the inverse of :data:`sphinx_scholar.ris.RIS_TYPES`,
#: and the others a site's publications are)
RIS_TYPES = {
    "JOUR": "journal",
    "EJOUR": "journal",
    "JFULL": "journal",
    "MGZN": "journal",
    "NEWS": "journal",
    "JOURNAL ARTICLE": "journal",
    "CPAPER": "conference",
    "CONF": "conference",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "THES": "thesis",
    "RPRT": "report",
    "UNPB": "preprint",
    "MANSCPT": "preprint",
    "PAT": "patent",
}
_VENUE_TAGS = ("T2", "JF", "JO", "BT", "JA", "J2", "T3")


def load_ris(text: str, source: str, problems: list[Problem]) -> list[dict[str, Any]]:
    """The records of a RIS file, as YAML-form mappings."""
    records: list[dict[str, Any]] = []
    #: each tag's values, each value in pieces (its wrapped lines), joined
    #: once at the end: appending to a string line by line is quadratic
    tags: dict[str, list[list[str]]] | None = None
    last = ""
    start = 0
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        match = _TAG.fullmatch(line.rstrip())
        if match:
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag == "TY":
                if tags is not None:
                    _unended(source, start, problems)
                    _add(records, tags, source, start, problems)
                tags, last, start = {"TY": [[value]]}, "TY", number
            elif tags is None:
                continue  # before the first record
            elif tag == "ER":
                _add(records, tags, source, start, problems)
                tags = None
            else:
                tags.setdefault(tag, []).append([value])
                last = tag
        elif tags is not None and line.strip() and last:
            tags[last][-1].append(line.strip())
    if tags is not None:
        _unended(source, start, problems)
        _add(records, tags, source, start, problems)
    if not records and not problems:
        problems.append(
            Problem(
                Subtype.data_file,
                "no RIS record in the file (a record starts with a line "
                "'TY  - JOUR' and ends with 'ER  -')",
                source,
            )
        )
    return records


def _add(
    records: list[dict[str, Any]],
    pieces: dict[str, list[list[str]]],
    source: str,
    line: int,
    problems: list[Problem],
) -> None:
    tags = {
        tag: [" ".join(part for part in value if part) for value in values]
        for tag, values in pieces.items()
    }
    fields = _fields(tags)
    if fields["title"]:
        records.append(fields)
        return
    problems.append(
        Problem(
            Subtype.missing_field,
            "RIS record has no title (no 'TI  -' line); it is left out",
            source,
            line,
        )
    )


def _unended(source: str, line: int, problems: list[Problem]) -> None:
    problems.append(
        Problem(
            Subtype.syntax,
            "RIS record has no 'ER  -' line at its end; it is read up to the "
            "next record",
            source,
            line,
        )
    )


def _first(tags: dict[str, list[str]], *names: str) -> str:
    for name in names:
        for value in tags.get(name, ()):
            if value:
                return value
    return ""


def _fields(tags: dict[str, list[str]]) -> dict[str, Any]:
    kind = _first(tags, "TY").upper()
    date = _first(tags, "PY", "Y1", "DA")
    parts = date.split("/")
    start, end = _first(tags, "SP"), _first(tags, "EP")
    urls = [url for url in tags.get("UR", []) + tags.get("L2", []) if url]
    arxiv = next((bare_arxiv(url) for url in urls if bare_arxiv(url)), "")
    doi = bare_doi(_first(tags, "DO")) or next(
        (bare_doi(url) for url in urls if bare_doi(url)), ""
    )
    url = next((url for url in urls if not bare_arxiv(url) and not bare_doi(url)), "")
    key = _first(tags, "ID")
    return {
        "key": key if key and not any(char.isspace() for char in key) else "",
        "type": RIS_TYPES.get(kind, "other"),
        "title": _first(tags, "TI", "T1", "CT", "ST"),
        "authors": [
            natural_order(name)
            for name in tags.get("AU", []) + tags.get("A1", [])
            if name
        ],
        "editors": [
            natural_order(name)
            for name in tags.get("ED", []) + tags.get("A2", [])
            if name
        ],
        "venue": _first(tags, *_VENUE_TAGS),
        "year": a_year(parts[0]),
        "month": a_month(parts[1]) if len(parts) > 1 else None,
        "volume": _first(tags, "VL", "VO"),
        "number": _first(tags, "IS"),
        "pages": page_range(f"{start}-{end}" if start and end else start),
        "publisher": _first(tags, "PB"),
        "doi": doi,
        "arxiv": arxiv,
        "abstract": _first(tags, "AB", "N2"),
        "url": url,
        "tags": [tag for tag in tags.get("KW", []) if tag],
    }
