"""Publication records from mappings, whatever file format they came from.

YAML and JSON records arrive as they were written; BibTeX entries arrive
translated into the same field names by :mod:`.bibtex`. Both therefore go
through the same checks and give the same :class:`Publication`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import (
    PUBLICATION_TYPES,
    Author,
    Link,
    LinkFile,
    Problem,
    Publication,
    Related,
)
from ..text import fold, natural_order, split_mark, split_names
from .fields import FieldReader
from .publication_fields import (
    AUTHOR,
    LINK_ALIASES,
    PUBLICATION,
    RELATED_ITEM,
    TYPE_ALIASES,
)
from .quoting import short
from .values import SAFE_SCHEMES, safe_url


def normalize_type(value: str) -> str | None:
    value = fold(value).strip()
    if value in PUBLICATION_TYPES:
        return value
    return TYPE_ALIASES.get(value)


def publication_from_mapping(
    data: Mapping,
    source: str,
    problems: list[Problem],
    check_unknown: bool = True,
    citation: str = "",
) -> Publication | None:
    """A :class:`Publication` from one record, or ``None`` if it cannot be one."""
    what = "publication"
    reader = FieldReader(data, source, problems, what)
    if check_unknown:
        reader.check_known(PUBLICATION)
    title = reader.text("title")
    key = reader.text("key")
    if any(char.isspace() and char != " " for char in key):
        reader.problem(
            Subtype.field_type,
            f"publication key {key!r} holds a line break or a tab; write it on one "
            "line (it is read with spaces)",
            "key",
        )
        key = " ".join(key.split())
    title_unknown = reader.flag("title_unknown")
    if not title and not title_unknown:
        reader.problem(
            Subtype.missing_field,
            f"publication {key!r} has no 'title'; it is left out until it has one "
            "(or 'title_unknown: true')"
            if key
            else "publication has no 'title'; it is left out until it has one "
            "(or 'title_unknown: true')",
        )
        return None

    type_ = reader.choice(
        "type", normalize_type, PUBLICATION_TYPES, TYPE_ALIASES, "publication type"
    )

    year = reader.year("year")
    month = reader.month("month")
    date = reader.date("date")
    if date:
        year = year or date[0]
        month = month or date[1]

    notes = reader.texts("notes")
    doi = _bare_doi(reader.text("doi"))
    arxiv = _bare_arxiv(reader.text("arxiv"))
    links = read_links(reader, "links")
    if doi and not any(link.label == "doi" for link in links):
        links += (Link("doi", (LinkFile(f"https://doi.org/{doi}"),)),)
    if arxiv and not any(link.label == "arxiv" for link in links):
        links += (Link("arxiv", (LinkFile(f"https://arxiv.org/abs/{arxiv}"),)),)

    bibtex = reader.text("bibtex")
    if check_unknown:  # written by hand (a BibTeX entry's url is read above)
        _check_bibtex_urls(reader, bibtex)

    return Publication(
        key=key or _made_up_key(data, title, year),
        title=title,
        type=type_,
        authors=read_authors(reader, "authors"),
        authors_partial=reader.flag("authors_partial"),
        editors=read_authors(reader, "editors"),
        venue=reader.text("venue"),
        year=year,
        month=month,
        volume=reader.text("volume"),
        number=reader.text("number"),
        pages=reader.text("pages").replace("--", "–"),
        publisher=reader.text("publisher"),
        status=reader.text("status"),
        notes=notes,
        abstract=reader.text("abstract"),
        url=reader.url("url"),
        doi=doi,
        arxiv=arxiv,
        links=links,
        tags=reader.texts("tags", split=","),
        selected=reader.flag("selected"),
        related=read_related(reader, "related"),
        abbr=reader.text("abbr"),
        preview=reader.text("preview") or reader.text("thumbnail"),
        bibtex=bibtex,
        citation=citation,
        source=source,
        line=reader.line,
    )


_BIBTEX_URL = re.compile(r"\burl\s*=\s*[{\"]\s*([^}\"]*)", re.IGNORECASE)


def _check_bibtex_urls(reader: FieldReader, bibtex: str) -> None:
    """A ``url`` in the ``bibtex`` field is left out of the citation if its
    scheme is unsafe: said here, where the line is known."""
    for url in _BIBTEX_URL.findall(bibtex):
        if safe_url(url) is None:
            reader.problem(
                Subtype.url,
                f"the url {short(url)} in field 'bibtex' is not a safe URL "
                f"(allowed: {', '.join(sorted(SAFE_SCHEMES))}); the citation "
                "leaves it out",
                "bibtex",
            )


def read_authors(reader: FieldReader, name: str) -> tuple[Author, ...]:
    """Authors as a list of names or of ``{name, person, url}`` mappings,
    or as one BibTeX-style string joined by ``and``."""
    value = reader.data.get(name)
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = split_names(value)
    if not isinstance(value, list):
        reader.wrong_type(name, "a list of names")
        return ()
    authors = []
    for item in value:
        if isinstance(item, str) and item.strip():
            written, mark = split_mark(item)
            authors.append(Author(natural_order(written), mark))
        elif isinstance(item, Mapping):
            sub = FieldReader(item, reader.source, reader.problems, "author")
            sub.check_known(AUTHOR)
            written, mark = split_mark(natural_order(sub.text("name")))
            if not written and not sub.text("person"):
                sub.problem(Subtype.missing_field, "author has no 'name' or 'person'")
                continue
            authors.append(
                Author(
                    written,
                    sub.text("mark") or mark,
                    sub.text("person"),
                    sub.url("url"),
                    equal=sub.flag("equal"),
                    corresponding=sub.flag("corresponding"),
                )
            )
        else:
            reader.problem(
                Subtype.field_type,
                f"an entry of {name!r} should be a name, not {short(item)}; "
                "remove it or write the name",
                name,
            )
    return tuple(authors)


def read_links(reader: FieldReader, name: str) -> tuple[Link, ...]:
    """Links as ``label: url``, ``label: {file: url, ...}`` or ``label: [url, ...]``."""
    value = reader.data.get(name)
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        reader.wrong_type(name, "a mapping of labels to URLs")
        return ()
    labels = FieldReader(
        value, reader.source, reader.problems, "link", line=reader.line_of(name)
    )
    links = []
    for label, target in value.items():
        shown = LINK_ALIASES.get(str(label).strip().lower(), str(label).strip())
        files = _link_files(labels, label, target)
        if files:
            links.append(Link(shown, files))
    return tuple(links)


def _link_files(labels: FieldReader, label, target) -> tuple[LinkFile, ...]:
    if isinstance(target, str):
        url = labels.url(label)
        return (LinkFile(url),) if url else ()
    if isinstance(target, list) and all(isinstance(item, str) for item in target):
        target = dict(zip(file_labels(target), target, strict=True))
    if not isinstance(target, Mapping):
        labels.wrong_type(
            label, "a URL, a list of URLs, or a mapping of file labels to URLs"
        )
        return ()
    files_reader = FieldReader(
        target,
        labels.source,
        labels.problems,
        f"link {label!r}",
        line=labels.line_of(label),
    )
    files = []
    for file_name in target:
        url = files_reader.url(file_name)
        if url:
            files.append(LinkFile(url, str(file_name).strip()))
    return tuple(files)


def file_label(url: str) -> str:
    """``slides/talk.pptx`` -> ``pptx``: the label of one file among several."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1] if "." in last else last


def file_labels(urls: list[str]) -> list[str]:
    """Labels for several files: their extensions, or their names when two
    share an extension, or their numbers when two share a name."""
    for labels in (
        [file_label(url) for url in urls],
        [url.rstrip("/").rsplit("/", 1)[-1] for url in urls],
    ):
        if len(set(labels)) == len(labels):
            return labels
    return [str(number) for number in range(1, len(urls) + 1)]


def read_related(reader: FieldReader, name: str) -> tuple[Related, ...]:
    value = reader.data.get(name)
    if value is None:
        return ()
    if not isinstance(value, list):
        value = [value]
    related = []
    for item in value:
        if isinstance(item, str):
            related.append(Related(item.strip()))
        elif isinstance(item, Mapping):
            sub = FieldReader(item, reader.source, reader.problems, "related item")
            sub.check_known(RELATED_ITEM)
            if sub.require("text"):
                related.append(Related(sub.text("text"), read_links(sub, "links")))
        else:
            reader.wrong_type(name, "a list of text or {text, links} items")
    return tuple(related)


def _bare_doi(doi: str) -> str:
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.I)


def _bare_arxiv(arxiv: str) -> str:
    return re.sub(
        r"^(https?://arxiv\.org/(abs|pdf)/|arxiv:)", "", arxiv.strip(), flags=re.I
    )


def _made_up_key(data: Mapping, title: str, year: int | None) -> str:
    """A key in Google Scholar's style for records that have none: name, year, word."""
    authors = data.get("authors")
    first = ""
    if isinstance(authors, list) and authors and isinstance(authors[0], str):
        first = authors[0]
    elif isinstance(authors, str):
        first = authors.split(" and ")[0]
    last = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    words = [w for w in re.findall(r"\w+", fold(title)) if len(w) > 3] or ["untitled"]
    return re.sub(r"\W", "", fold(last)) + str(year or "") + words[0]
