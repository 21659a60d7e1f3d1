"""A publication's citation as BibTeX: the entry as written, less what only the
site uses, or made from the record when the data was not BibTeX.

Entries are written by hand rather than with pybtex's writer: the format is
one line per field, and pybtex's writer (with its name parsing and LaTeX
encoding) took longer than the rest of a site's build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Publication
from .text import slug

#: Fields a site adds to BibTeX that are not part of the citation.
SITE_FIELDS = {
    "abbr", "abstract", "altmetric", "annotation", "award", "award_name", "bibtex_show",
    "blog", "code", "data", "dataset", "dimensions", "google_scholar_id", "html",
    "inspirehep_id", "links", "pdf", "poster", "preview", "selected", "slides", "supp",
    "supplemental", "supplementary", "tags", "video", "web", "website", "additional_info",
    "timestamp", "biburl", "bibsource",
    # the fields a crossref brought are in the entry already
    "crossref",
}  # fmt: skip

#: Fields whose value is used verbatim (a URL's ``%`` is not a LaTeX comment).
_VERBATIM_FIELDS = {"url", "doi", "eprint"}
_LATEX_SPECIALS = re.compile(r"[\\{}%&#$_^~]")
_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def format_entry(kind: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """``@kind{key,`` then ``  name = {value},`` per field. Values are BibTeX
    already (balanced braces)."""
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@{kind}{{{key},\n{body}}}"


def entry_citation(kind: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """A parsed BibTeX entry (field names in lower case) as a citation:
    site-only fields left out, and a url whose scheme is not safe (reference
    managers link it)."""
    from .loaders.fields import safe_url  # the loaders use this module

    return format_entry(
        kind,
        key,
        (
            (n, v)
            for n, v in fields
            if n not in SITE_FIELDS and (n != "url" or safe_url(v) is not None)
        ),
    )


#: A BibTeX key: no blanks, and none of the characters that end one.
_KEY = re.compile(r"[^\s,{}()\"'#%=\\]+")


def citation_bibtex(record: Publication) -> str:
    """The entry's BibTeX without the fields only the site uses; made from the
    record when the data was not BibTeX."""
    if record.citation:
        return record.citation
    if record.bibtex:
        from .loaders.bibtex import parse_entries  # the loaders use this module

        entries = parse_entries(record.bibtex, record.source, [])
        if len(entries) == 1:
            entry = entries[0]
            return entry_citation(entry.type, entry.key, entry.fields.items())
    return made_citation(record)


def made_citation(record: Publication) -> str:
    kind = {
        "journal": "article", "conference": "inproceedings", "workshop": "inproceedings",
        "chapter": "incollection", "book": "book", "thesis": "phdthesis", "report": "techreport",
    }.get(record.type, "misc")  # fmt: skip
    venue_field = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle",
                   "phdthesis": "school", "techreport": "institution"}.get(kind, "howpublished")  # fmt: skip
    fields = []
    if record.authors:
        names = (_name(_latex(author.name)) for author in record.authors)
        fields.append(("author", " and ".join(names)))
    fields.append(("title", _with_math(record.title, record.title_math)))
    if record.venue:
        fields.append((venue_field, record.venue))
    for name in ("volume", "number", "publisher", "doi", "url"):
        if getattr(record, name):
            fields.append((name, getattr(record, name)))
    if record.pages:
        fields.append(("pages", record.pages.replace("–", "--")))
    if record.year is not None:
        fields.append(("year", str(record.year)))
    if record.month:
        fields.append(("month", str(record.month)))
    if record.arxiv:
        fields += [("eprint", record.arxiv), ("archiveprefix", "arXiv")]
    # a key from YAML or JSON could end the entry and add fields of its own
    key = record.key if _KEY.fullmatch(record.key) else slug(record.key)
    return format_entry(
        kind,
        key,
        (
            (name, value if name == "title" else _value(name, value))
            for name, value in fields
        ),
    )


def _with_math(text: str, pieces: tuple[str, ...] | None) -> str:
    """A title as LaTeX: its text escaped, its math (checked safe by the
    model) as written between dollars."""
    if not pieces:
        return _latex(text)
    return "".join(
        f"${piece}$" if index % 2 else _latex(piece)
        for index, piece in enumerate(pieces)
    )


def _name(name: str) -> str:
    # "Smith, Jr." or a name with " and " in it would be split by BibTeX
    return f"{{{name}}}" if "," in name or " and " in name else name


def _value(field: str, text: str) -> str:
    """Plain text as a BibTeX value: braces balanced, LaTeX specials escaped."""
    if field == "author":
        return text  # escaped name by name
    if field in _VERBATIM_FIELDS:
        return text.replace("{", "%7B").replace("}", "%7D")
    return _latex(text)


def _latex(text: str) -> str:
    return _LATEX_SPECIALS.sub(
        lambda m: _LATEX_ESCAPES.get(m.group(), "\\" + m.group()), text
    )
