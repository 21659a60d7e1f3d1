"""A publication's citation as BibTeX: the entry as written, less what only the
site uses, or made from the record when the data was not BibTeX (written by
:mod:`.bibtex_writer`)."""

from __future__ import annotations

import re

from .bibtex_writer import entry_citation, format_entry
from .model import Publication
from .text import slug

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


#: A BibTeX key: no blanks, and none of the characters that end one.
_KEY = re.compile(r"[^\s,{}()\"'#%=\\]+")


def citation_bibtex(record: Publication) -> str:
    """The entry's BibTeX without the fields only the site uses; made from the
    record when the data was not BibTeX."""
    if record.citation:
        return record.citation
    if record.bibtex:
        # imported here, as by the loaders: a build that reads no BibTeX
        # does not load pybtex
        from .loaders.bibtex import parse_entries

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
        names = [_name(_latex(author.name)) for author in record.authors]
        if record.authors_partial:
            names.append("others")
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
