"""The fields of the YAML form, as every source gives them.

A service's record or a file's entry becomes a :class:`Found`: a mapping of
the YAML form's field names (``title``, ``authors``, ``venue``, ``year`` ...)
to plain values, so that merging, writing and the build see one shape. The
helpers here are what the sources share: clean text out of HTML/JATS, a page
range, the publication type of each vocabulary, a key like Google Scholar's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from ..text import fold
from .identifiers import bare_arxiv, bare_doi

#: the fields a service owns: an import may change them until the user does
SERVICE_FIELDS = (
    "type",
    "title",
    "authors",
    "venue",
    "year",
    "month",
    "volume",
    "number",
    "pages",
    "publisher",
    "doi",
    "arxiv",
    "abstract",
)

#: the order fields are written in, the YAML form's own
FIELD_ORDER = (
    "key",
    *SERVICE_FIELDS[:-1],
    "status",
    "notes",
    "abstract",
    "url",
    "links",
    "tags",
    "selected",
    "bibtex",
)


@dataclass
class Found:
    """One publication as a source gives it."""

    #: the YAML form's fields; ``key`` when the source has one (files)
    fields: dict[str, Any]
    #: what was asked for: ``doi:10.1000/xyz``, ``papers.ris``
    origin: str
    #: the service or file format: ``Crossref``, ``arXiv``, ``RIS``
    source: str
    #: other identifiers of the same work (a preprint's DOI)
    also: tuple[str, ...] = field(default=())

    @property
    def is_preprint(self) -> bool:
        return self.fields.get("type") == "preprint"

    def identifiers(self) -> list[str]:
        """``doi:...`` and ``arxiv:...`` of the work, then :attr:`also`."""
        found = []
        doi = bare_doi(str(self.fields.get("doi") or ""))
        if doi:
            found.append(f"doi:{doi}")
        arxiv = bare_arxiv(str(self.fields.get("arxiv") or ""))
        if arxiv:
            found.append(f"arxiv:{arxiv}")
        return found + [name for name in self.also if name not in found]


_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"\s+")


def clean_text(value: object) -> str:
    """Text out of a service's HTML or JATS: tags removed, entities decoded,
    blanks collapsed."""
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()


def clean_abstract(value: object) -> str:
    """An abstract without a heading such as JATS' ``<jats:title>Abstract``."""
    if not isinstance(value, str):
        return ""
    value = re.sub(r"<jats:title>[^<]*</jats:title>", " ", value)
    return clean_text(value)


_RANGE = re.compile(r"\s*(?:-{1,2}|–|—)\s*")


def page_range(value: object) -> str:
    """``6425-6434`` -> ``6425–6434``, with an en dash as the loaders write it."""
    if value is None:
        return ""
    text = str(value).strip()
    parts = _RANGE.split(text)
    if len(parts) == 2 and all(parts):
        return f"{parts[0]}–{parts[1]}"
    return text


def person(given: object, family: object) -> str:
    """``Given Family``, or whichever part there is."""
    parts = [str(part).strip() for part in (given, family) if isinstance(part, str)]
    return " ".join(part for part in parts if part)


def a_year(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10000:
        return value
    if isinstance(value, str) and value.strip()[:4].isdigit():
        return int(value.strip()[:4])
    return None


def a_month(value: object) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    return None


def date_parts(value: object) -> tuple[int | None, int | None]:
    """Year and month of a CSL/Crossref date: ``{"date-parts": [[2016, 8, 18]]}``."""
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            first = parts[0]
            year = a_year(first[0]) if first else None
            month = a_month(first[1]) if len(first) > 1 and year else None
            return year, month
        if isinstance(value.get("raw"), str):
            return a_year(value["raw"]), None
    return None, None


#: Crossref's and CSL's types (CSL's names are Crossref's with a few others)
WORK_TYPES = {
    "journal-article": "journal",
    "article-journal": "journal",
    "article": "journal",
    "proceedings-article": "conference",
    "paper-conference": "conference",
    "book-chapter": "chapter",
    "chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "dissertation": "thesis",
    "thesis": "thesis",
    "report": "report",
    "posted-content": "preprint",
    "preprint": "preprint",
    "manuscript": "preprint",
    "patent": "patent",
}


def work_type(value: object) -> str:
    return WORK_TYPES.get(str(value or "").strip().lower(), "other")


def norm_title(title: object) -> str:
    """A title for recognising one work under two spellings: folded, only
    letters and digits (``life‐history`` and ``Life-History`` are one)."""
    return "".join(char for char in fold(str(title or "")) if char.isalnum())


def first_author_family(fields: dict[str, Any]) -> str:
    """The last word of the first author's name, folded, or ``""``."""
    authors = fields.get("authors")
    first: object = authors[0] if isinstance(authors, list) and authors else ""
    if isinstance(first, dict):
        first = first.get("name") or ""
    if not isinstance(first, str):
        return ""
    name = first.split(",")[0] if "," in first else first
    words = [word for word in fold(name).replace(".", " ").split() if word.isalpha()]
    return words[-1] if words else ""


def make_key(fields: dict[str, Any], taken: set[str]) -> str:
    """A key in Google Scholar's style (name, year, first long word of the
    title: ``perkins2016after``), with b, c ... when it is taken."""
    family = first_author_family(fields) or "anon"
    family = "".join(char for char in family if char.isascii() and char.isalnum())
    words = [
        "".join(c for c in word if c.isascii() and c.isalnum())
        for word in fold(str(fields.get("title") or "")).split()
    ]
    word = next((w for w in words if len(w) > 3), "") or "untitled"
    base = f"{family or 'anon'}{fields.get('year') or ''}{word}"
    key, suffix = base, ord("b")
    while key in taken:
        key = base + (chr(suffix) if suffix <= ord("z") else str(suffix))
        suffix += 1
    return key


def ordered(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields in the YAML form's order, empty ones left out."""
    rank = {name: index for index, name in enumerate(FIELD_ORDER)}
    kept = {
        name: value for name, value in fields.items() if value not in (None, "", [], {})
    }
    return dict(sorted(kept.items(), key=lambda item: rank.get(item[0], len(rank))))
