"""The records every loader produces and every directive reads: publications,
talks, CV entries and people, the problems found loading them, and what
records of every kind share. Events and award programmes are in
:mod:`.event_model`.

Plain dataclasses with no Sphinx imports, so that loaders, queries and the
command line can use them alone, and so that they pickle into the build cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .math_text import text_and_math

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


class SourcedRecord(Protocol):
    """What records of every kind that comes from a data file share: a key,
    and the file and line they came from (for messages, and to find the
    files they name next to it)."""

    @property
    def key(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def line(self) -> int: ...


class AuthoredRecord(SourcedRecord, Protocol):
    """A record with people: a publication's authors, a talk's speakers, a
    degree's advisors, an event's organisers."""

    @property
    def authors(self) -> tuple[Author, ...]: ...


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
    #: contributed equally with the other authors so marked
    equal: bool = False
    #: the corresponding author
    corresponding: bool = False

    @property
    def display(self) -> str:
        return self.name + self.mark

    def marks(self, shown: dict[str, str]) -> str:
        """The written mark, then the marks of ``equal`` and
        ``corresponding`` (``shown``: meaning -> mark) not written already."""
        marks = self.mark
        for meaning, flag in (
            ("equal", self.equal),
            ("corresponding", self.corresponding),
        ):
            mark = shown.get(meaning, "")
            if flag and mark and mark not in marks:
                marks += mark
        return marks


@dataclass(frozen=True)
class Related:
    """A line under an entry, such as an extended version with its own links."""

    text: str
    links: tuple[Link, ...] = ()


#: Kinds of talk, in the order their groups are shown.
TALK_KINDS = (
    "keynote",
    "invited",
    "lecture",
    "tutorial",
    "conference",
    "seminar",
    "panel",
    "poster",
    "other",
)

#: Sections of a CV, in the order a whole CV shows them.
CV_SECTIONS = ("positions", "education", "honors", "teaching", "service")


@dataclass(frozen=True)
class Publication:
    #: the types of this kind of record, in the order their groups are shown
    TYPES = PUBLICATION_TYPES

    key: str
    title: str
    type: str = "other"
    authors: tuple[Author, ...] = ()
    #: whether ``authors`` names only some of the authors
    authors_partial: bool = False
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
    #: a short name of the venue, shown as a badge (al-folio's ``abbr``)
    abbr: str = ""
    #: a picture of the work shown beside the entry: a file of the site or
    #: an https address (al-folio's ``preview``, or ``thumbnail``)
    preview: str = ""
    #: the entry as written in the data (BibTeX files: its source text)
    bibtex: str = ""
    #: the entry as a citation to show and export (see :mod:`..citation`);
    #: made when the record is read from BibTeX, on demand otherwise
    citation: str = ""
    #: the data file and line the record came from, for messages
    source: str = ""
    line: int = 0
    #: the years of a date range as shown (biblatex ``date = {1984/1986}``:
    #: ``1984–1986``; ``1988–`` when open): ``year`` is its first year.
    #: Empty for a single date.
    years: str = ""
    #: the title as text and math in turn (``("An ", r"\mathcal{O}(n)",
    #: " way")``), or ``()`` when it holds no math; ``title`` is then its
    #: readable text (``An O(n) way``). Found in ``title`` as written
    #: (``$...$``, see :func:`.math_text.text_and_math`) when not given.
    title_math: tuple[str, ...] | None = None
    #: the abstract as text and math in turn, as :attr:`title_math`
    abstract_math: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        # ``$...$`` in a title or abstract is math, whichever file it came
        # from: BibTeX's loader writes its math so (``math_text.marked_math``)
        for name in ("title", "abstract"):
            if getattr(self, name + "_math") is None:
                text, pieces = text_and_math(getattr(self, name))
                object.__setattr__(self, name, text)
                object.__setattr__(self, name + "_math", pieces)


@dataclass(frozen=True)
class Talk:
    TYPES = TALK_KINDS

    key: str
    title: str
    kind: str = "other"
    event: str = ""
    place: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: minutes
    duration: int | None = None
    speakers: tuple[Author, ...] = ()
    url: str = ""
    links: tuple[Link, ...] = ()
    #: the key of the publication the talk presents
    publication: str = ""
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    abstract: str = ""
    source: str = ""
    line: int = 0

    # The names the shared filter, sort and group code uses for every record.
    @property
    def type(self) -> str:
        return self.kind

    @property
    def venue(self) -> str:
        return self.event

    @property
    def authors(self) -> tuple[Author, ...]:
        return self.speakers


@dataclass(frozen=True)
class DateRange:
    """From a start to an end (``None`` for "present"), or a free text."""

    start: tuple[int, int | None] | None = None
    end: tuple[int, int | None] | None = None
    #: the end is open: "2018 - present"
    ongoing: bool = False
    #: "Summer 2013": shown as written
    text: str = ""


@dataclass(frozen=True)
class CvEntry:
    """One line of a CV: a degree, a position, a course, a service role, an honour."""

    TYPES = (
        "position",
        "internship",
        "visit",
        "education",
        "teaching",
        "service",
        "honor",
    )

    key: str
    section: str
    #: the degree, position title, course title, service role or honour
    title: str
    kind: str = ""
    organisation: str = ""
    field: str = ""
    place: str = ""
    #: advisors of a degree, mentors of an internship or visit
    people: tuple[Author, ...] = ()
    #: what the people are: "advisors" or "mentors"
    people_role: str = ""
    dates: DateRange = DateRange()
    year: int | None = None
    #: a course's code and level ("CSC2503", "Grad"), a teaching or service role
    code: str = ""
    level: str = ""
    role: str = ""
    terms: tuple[str, ...] = ()
    thesis: str = ""
    description: str = ""
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def type(self) -> str:
        return self.kind

    @property
    def venue(self) -> str:
        return self.organisation

    @property
    def authors(self) -> tuple[Author, ...]:
        return self.people


@dataclass(frozen=True)
class Person:
    #: roles are grouped in the order they first appear
    TYPES = ()

    id: str
    name: str
    variants: tuple[str, ...] = ()
    url: str = ""
    affiliation: str = ""
    groups: tuple[str, ...] = ()
    role: str = ""
    #: a picture of the person: a file of the site
    photo: str = ""
    #: profile links: scholar, orcid, github, cv, email, ...
    links: tuple[Link, ...] = ()
    #: research areas
    areas: tuple[str, ...] = ()
    source: str = ""
    line: int = 0

    # The names the shared filter, sort and group code uses for every record.
    @property
    def key(self) -> str:
        return self.id

    @property
    def type(self) -> str:
        return self.role

    @property
    def venue(self) -> str:
        return self.affiliation

    @property
    def title(self) -> str:
        return self.name


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
    #: what the loader can reuse when the file changes (BibTeX: its pieces)
    reusable: object = None
