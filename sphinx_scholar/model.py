"""The records every loader produces and every directive reads.

Plain dataclasses with no Sphinx imports, so that loaders, queries and the
command line can use them alone, and so that they pickle into the build cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Link types with a meaning of their own; any other label is a free label.
LINK_TYPES = (
    "pdf",
    "code",
    "web",
    "slides",
    "poster",
    "video",
    "dataset",
    "supplemental",
    "arxiv",
    "doi",
)

#: Publication types, in the order their groups are shown.
PUBLICATION_TYPES = (
    "journal",
    "conference",
    "workshop",
    "chapter",
    "book",
    "thesis",
    "report",
    "preprint",
    "patent",
    "other",
)


@dataclass(frozen=True)
class LinkFile:
    """One file behind a link label; ``name`` is empty for a single file."""

    url: str
    name: str = ""


@dataclass(frozen=True)
class Link:
    """A labelled link, holding one or several files (``[slides: ppt, pptx]``)."""

    label: str
    files: tuple[LinkFile, ...]


@dataclass(frozen=True)
class Author:
    """An author as written in the data, with the mark stripped for matching."""

    name: str
    #: equal-contribution or other marks written after the name (``*``, ``†``)
    mark: str = ""
    #: a person id given explicitly in the data
    person: str = ""
    url: str = ""

    @property
    def display(self) -> str:
        return self.name + self.mark


@dataclass(frozen=True)
class Related:
    """A line under an entry, such as an extended version with its own links."""

    text: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Publication:
    key: str
    title: str
    type: str = "other"
    authors: tuple[Author, ...] = ()
    editors: tuple[Author, ...] = ()
    venue: str = ""
    year: int | None = None
    month: int | None = None
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    status: str = ""
    notes: tuple[str, ...] = ()
    abstract: str = ""
    url: str = ""
    doi: str = ""
    arxiv: str = ""
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    selected: bool = False
    related: tuple[Related, ...] = ()
    bibtex: str = ""
    #: the data file and line the record came from, for messages
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    variants: tuple[str, ...] = ()
    url: str = ""
    affiliation: str = ""
    groups: tuple[str, ...] = ()
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Problem:
    """Something wrong in a data file, found while loading it."""

    subtype: str
    message: str
    source: str
    line: int = 0


@dataclass
class LoadResult:
    """What loading one data file gave: its records and its problems."""

    records: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
