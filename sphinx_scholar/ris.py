"""A publication as RIS, the tagged format that Zotero, EndNote, Mendeley and
most reference managers import: ``TY  - JOUR`` ... ``ER  -``.

Titles and abstracts are readable text (math as Unicode, as in the page's
``citation_title``); names are ``Family, Given`` as BibTeX reads them
(``Ludwig van Beethoven``: ``van Beethoven, Ludwig``).
"""

from __future__ import annotations

from functools import lru_cache

from pybtex.database import Person
from pybtex.exceptions import PybtexError

from .model import Author, Publication

#: the RIS type of each publication type
RIS_TYPES = {
    "journal": "JOUR",
    "conference": "CPAPER",
    "workshop": "CPAPER",
    "chapter": "CHAP",
    "book": "BOOK",
    "thesis": "THES",
    "report": "RPRT",
    "preprint": "UNPB",
    "patent": "PAT",
    "other": "GEN",
}

#: the tag of the venue by type (the journal; the school or institution);
#: otherwise the secondary title: the proceedings, the book, the series
_VENUE_TAGS = {"journal": "JO", "thesis": "PB", "report": "PB"}


def ris_name(author: Author) -> str:
    """``Family, Given``, or the name as written when it has no parts."""
    name = " ".join(author.name.split())
    if len(name) > _CACHED_LENGTH:  # not kept: a name is rarely this long
        return _family_first.__wrapped__(name)
    return _family_first(name)


#: the longest name :func:`_family_first` keeps
_CACHED_LENGTH = 200


# A site's lists name the same people again and again (its own researcher on
# every entry), and each publication page and the RIS file name them anew.
@lru_cache(maxsize=4096)
def _family_first(name: str) -> str:
    words = name.split(" ")
    if len(words) > 1 and all(map(_plain_word, words)):
        # ``Given Middle Family``, as pybtex reads it, without its parser
        return f"{words[-1]}, {' '.join(words[:-1])}"
    try:
        person = Person(name)
    except PybtexError:  # braces that do not pair, ...
        return name
    family = " ".join(person.prelast_names + person.last_names)
    given = " ".join(person.first_names + person.middle_names)
    if not family or not given:
        return name
    lineage = " ".join(person.lineage_names)
    return f"{family}, {given}" + (f", {lineage}" if lineage else "")


def _plain_word(word: str) -> bool:
    """A capitalised word of letters (``O'Neil``, ``J.``, ``Jean-Paul``):
    never a particle (``van``), a lineage or a brace group."""
    return word[:1].isupper() and word.translate(_PUNCTUATION).isalpha()


#: what a plain word may hold besides letters
_PUNCTUATION = str.maketrans("", "", ".-'’")


def _line(tag: str, value: str) -> str:
    # one line per tag: a line break in a value would start a new one
    value = " ".join(value.split())
    return f"{tag}  - {value}" if value else ""


def ris_entry(record: Publication) -> str:
    """The record as one RIS reference, lines ending in ``\\n``."""
    lines = [_line("TY", RIS_TYPES.get(record.type, "GEN"))]
    lines += [_line("AU", ris_name(author)) for author in record.authors]
    lines += [_line("ED", ris_name(editor)) for editor in record.editors]
    if record.title:
        lines.append(_line("TI", record.title))
    if record.venue:
        lines.append(_line(_VENUE_TAGS.get(record.type, "T2"), record.venue))
    if record.publisher and _VENUE_TAGS.get(record.type) != "PB":
        lines.append(_line("PB", record.publisher))
    if record.year is not None:
        lines.append(_line("PY", str(record.year)))
        if record.month:
            lines.append(_line("DA", f"{record.year}/{record.month:02d}//"))
    if record.volume:
        lines.append(_line("VL", record.volume))
    if record.number:
        lines.append(_line("IS", record.number))
    if record.pages:
        first, _dash, last = record.pages.replace("--", "–").partition("–")
        lines.append(_line("SP", first.strip()))
        if last.strip():
            lines.append(_line("EP", last.strip()))
    if record.doi:
        lines.append(_line("DO", record.doi))
    if record.url:
        lines.append(_line("UR", record.url))
    if record.arxiv:
        lines.append(_line("UR", f"https://arxiv.org/abs/{record.arxiv}"))
    if record.abstract:
        lines.append(_line("AB", record.abstract))
    lines += [_line("KW", tag) for tag in record.tags]
    lines.append("ER  - ")
    return "\n".join(line for line in lines if line) + "\n"
