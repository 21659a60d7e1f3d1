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
from .fields import SAFE_SCHEMES, Choice, Field, FieldReader, Record, safe_url, short

#: Other names for the publication types, BibTeX's among them.
TYPE_ALIASES = {
    "article": "journal",
    "inproceedings": "conference",
    "proceedings": "conference",
    "paper": "conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "booklet": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "manual": "report",
    "technical report": "report",
    "unpublished": "preprint",
    "misc": "other",
    "online": "other",
}

LINK_ALIASES = {
    "html": "web",
    "website": "web",
    "project": "web",
    "supp": "supplemental",
    "supplementary": "supplemental",
    "supplement": "supplemental",
    "data": "dataset",
}


def _link(name: str, doc: str, example) -> Field:
    return Field(
        name,
        "link",
        doc,
        aliases=tuple(alias for alias, label in LINK_ALIASES.items() if label == name),
        examples=(example,),
    )


#: The labels of links that a publication's list shows by their own name.
LINKS = Record(
    "links",
    "links",
    "Links shown as [label]: a mapping of labels to a URL, a list of URLs, or a "
    "mapping of file labels to URLs. Any label is shown as written.",
    (
        _link("pdf", "The paper's PDF.", "papers/notes.pdf"),
        _link("code", "Source code.", "https://github.com/example/notes"),
        _link("web", "A web page of the work.", "https://example.org/notes/"),
        _link(
            "slides",
            "Slides.",
            {"ppt": "slides/notes.ppt", "pptx": "slides/notes.pptx"},
        ),
        _link("poster", "The poster.", "posters/notes.pdf"),
        _link("video", "A recording.", "https://example.org/videos/notes"),
        _link(
            "dataset",
            "A data set.",
            {"2-hop": "https://example.org/2hop", "3-hop": "https://example.org/3hop"},
        ),
        _link("supplemental", "Supplemental material.", "papers/notes-supp.pdf"),
        _link(
            "arxiv",
            "The arXiv page; made from `arxiv` when missing.",
            "https://arxiv.org/abs/1234.56789",
        ),
        _link(
            "doi",
            "The DOI's page; made from `doi` when missing.",
            "https://doi.org/10.1000/xyz",
        ),
    ),
    open=True,
    examples=(
        {
            "pdf": "papers/notes.pdf",
            "code": "https://github.com/example/notes",
            "slides": {"ppt": "slides/notes.ppt", "pptx": "slides/notes.pptx"},
        },
    ),
)

#: A person of a list of authors (speakers, advisors, ...), with more than a name.
AUTHOR = Record(
    "author",
    "person",
    "One person of a list, with more than a name; `name` or `person` is required.",
    (
        Field(
            "name",
            "text",
            "The name as shown: `Ada Lovelace` or `Lovelace, Ada`; a mark after it (`*`, `†`) is kept.",
            examples=("Ada Lovelace", "Lovelace, Ada*"),
        ),
        Field(
            "person",
            "text",
            "The id of the person in the people registry, who is then linked and highlighted whatever the spelling of `name`.",
            examples=("ada",),
        ),
        Field(
            "url",
            "url",
            "Where the name links, instead of the registry's `url`.",
            examples=("https://example.org/ada",),
        ),
        Field(
            "mark",
            "text",
            "A mark shown after the name, such as `*` for equal contribution.",
            examples=("*", "†"),
        ),
    ),
    one_of=("name", "person"),
)

#: A line under a publication, when it has links of its own.
RELATED_ITEM = Record(
    "related_item",
    "related item",
    "A line under the entry: a text, or a mapping with its own links.",
    (
        Field(
            "text",
            "text",
            "The line's text (required).",
            required=True,
            examples=("Extended version: Master's thesis, 1842.",),
        ),
        Field(
            "links",
            "links",
            "The line's own links.",
            record=LINKS,
            examples=({"pdf": "papers/thesis.pdf"},),
        ),
    ),
    or_text=True,
)

PUBLICATION = Record(
    "publication",
    "publication",
    "One publication. Only `title` is required (or `title_unknown`).",
    (
        Field(
            "key",
            "text",
            "The publication's key, unique in the file; talks and the `scholar:pub` role refer to it. Made up from the first author's last name, the year and a word of the title when missing.",
            examples=("lovelace1843notes",),
        ),
        Field(
            "type",
            "choice",
            "The kind of publication, which `:group: type` groups by",
            choice=Choice("publication type", PUBLICATION_TYPES, TYPE_ALIASES),
            examples=("journal", "inproceedings"),
        ),
        Field(
            "title",
            "text",
            "The title (required, unless `title_unknown` says it is not known); it links to `url` when there is one.",
            examples=("Notes on the Analytical Engine",),
        ),
        Field(
            "title_unknown",
            "flag",
            "Whether the title is not known, as in a list copied from a page that shows none: the entry is shown without a title line, instead of being left out for the lack of one.",
            examples=(True,),
        ),
        Field(
            "authors",
            "people",
            "The authors, in order: a list of names or of {name, person, url, mark} mappings, or one text joined by `and`.",
            record=AUTHOR,
            examples=(
                ["Lovelace, Ada*", "Charles Babbage"],
                "Ada Lovelace and Charles Babbage",
            ),
        ),
        Field(
            "authors_partial",
            "flag",
            "Whether `authors` names only some of the authors: the list shows them as written, and the BibTeX ends them with `and others`.",
            examples=(True,),
        ),
        Field(
            "editors",
            "people",
            "The editors, written like `authors`.",
            record=AUTHOR,
            examples=(["Charles Babbage"],),
        ),
        Field(
            "venue",
            "text",
            "Where it appeared: the journal, conference, book, school or institution.",
            examples=("Scientific Memoirs",),
        ),
        Field("year", "year", "The year of publication.", examples=(1843,)),
        Field(
            "month",
            "month",
            "The month of publication: 1 to 12 or a name.",
            examples=(10, "Oct"),
        ),
        Field(
            "date",
            "date",
            "The date of publication, instead of `year` and `month` (which win when given).",
            examples=("1843-10", "1843-10-01"),
        ),
        Field("volume", "text", "The volume.", examples=(3,)),
        Field("number", "text", "The number, or issue.", examples=(1,)),
        Field(
            "pages",
            "text",
            "The pages; `--` becomes an en dash.",
            examples=("666--731",),
        ),
        Field(
            "publisher",
            "text",
            "The publisher.",
            examples=("Richard and John E. Taylor",),
        ),
        Field(
            "status", "text", "A status shown after the year.", examples=("to appear",)
        ),
        Field(
            "notes",
            "texts",
            "Notes shown after the venue and year: a text or a list.",
            examples=(["Oral", "Best paper"], "Best paper"),
        ),
        Field(
            "abstract",
            "text",
            "The abstract: on the publication's page, and in lists whose `:show:` names `abstract`.",
            examples=("The engine weaves algebraic patterns.",),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/notes",),
        ),
        Field(
            "doi",
            "text",
            "The DOI, bare or as a `https://doi.org/` URL or `doi:` text; gives a [doi] link.",
            examples=("10.1000/xyz",),
        ),
        Field(
            "arxiv",
            "text",
            "The arXiv identifier, bare or as an arXiv URL or `arXiv:` text; gives an [arxiv] link.",
            examples=("1234.56789",),
        ),
        Field(
            "links",
            "links",
            "Links shown after the entry as [label], under any label; those of `links` have names of their own.",
            record=LINKS,
            examples=(
                {"pdf": "papers/notes.pdf", "code": "https://github.com/example/notes"},
            ),
        ),
        Field(
            "tags",
            "comma_texts",
            "Tags, for `:filter: tag == ...` and the interactive tag filter: a list or comma-separated text.",
            examples=(["engines", "poetry"], "engines, poetry"),
        ),
        Field(
            "selected",
            "flag",
            "Whether it is among the selected publications (`:filter: selected`).",
            examples=(True,),
        ),
        Field(
            "related",
            "related",
            "Lines under the entry, such as an extended version: a text or a {text, links} mapping, or a list of them.",
            record=RELATED_ITEM,
            examples=(
                [
                    {
                        "text": "Extended version: Master's thesis, 1842.",
                        "links": {"pdf": "papers/thesis.pdf"},
                    }
                ],
            ),
        ),
        Field(
            "abbr",
            "text",
            "A short name of the venue, shown as a badge before the title (al-folio's `abbr`); `scholar_venues_file` may give it a colour and a link.",
            examples=("ICML",),
        ),
        Field(
            "preview",
            "text",
            "A small picture of the work, a file of the site (looked for like the files of links) or an https address, shown beside the entry in HTML.",
            aliases=("thumbnail",),
            examples=("images/notes.png",),
        ),
        Field(
            "bibtex",
            "text",
            "The entry's BibTeX, shown on its page and exported; made from the other fields when missing.",
            examples=(
                "@article{lovelace1843notes, title = {Notes on the Analytical Engine}}",
            ),
        ),
    ),
    one_of=("title", "title_unknown"),
)

FIELDS = PUBLICATION.names


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
