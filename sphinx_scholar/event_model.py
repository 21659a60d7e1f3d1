"""The records of events and award programmes: an event with an
organisation's part in it (its roles, programme and sponsorships), and an
award or fellowship programme's round (its projects and recipients).

Plain dataclasses with no Sphinx imports, as :mod:`.model`'s, so that they
pickle into the build cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Author, Link

#: Kinds of programme item at an event, in the order their groups are shown.
PROGRAM_KINDS = (
    "keynote",
    "tutorial",
    "session",
    "workshop",
    "challenge",
    "panel",
    "talk",
    "other",
)
#: Kinds of contribution inside a programme item.
CONTRIBUTION_KINDS = ("keynote", "talk", "oral", "poster", "demo", "other")
#: how a list of people is joined: "A, B, C", "A, B and C", "A, B, and C", "A, B & C"
PEOPLE_JOINS = ("comma", "and", "oxford", "ampersand")


@dataclass(frozen=True)
class Role:
    """People in one role: ``Area Chair: Corinna Cortes, Samy Bengio``."""

    role: str
    people: tuple[Author, ...]
    #: a heading the role is listed under ("ICML Program Committee")
    group: str = ""
    #: the people are only the organisation's share: "Program Committee includes"
    partial: bool = False
    #: how the last two names are joined: "comma", "and", "oxford", "ampersand"
    #: (empty: as the directive says)
    join: str = ""


@dataclass(frozen=True)
class Contribution:
    """A poster, an oral presentation or a talk inside a workshop or session."""

    kind: str
    title: str
    authors: tuple[Author, ...] = ()
    url: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ProgramItem:
    """A tutorial, workshop, session or challenge, with its people's roles."""

    TYPES = PROGRAM_KINDS

    key: str
    kind: str
    title: str
    url: str = ""
    #: presenters or authors listed without a role
    people: tuple[Author, ...] = ()
    roles: tuple[Role, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    sponsors: tuple[str, ...] = ()
    description: str = ""
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    year: int | None = None
    source: str = ""
    line: int = 0

    @property
    def type(self) -> str:
        return self.kind

    @property
    def venue(self) -> str:
        return ""

    @property
    def authors(self) -> tuple[Author, ...]:
        """Everyone in the item, so that ``author == x`` finds their items."""
        everyone = list(self.people)
        for role in self.roles:
            everyone += role.people
        for contribution in self.contributions:
            everyone += contribution.authors
        return tuple(everyone)


@dataclass(frozen=True)
class Sponsorship:
    sponsor: str
    level: str = ""
    logo: str = ""
    url: str = ""


@dataclass(frozen=True)
class Event:
    """An event and an organisation's part in it."""

    key: str
    name: str
    title: str = ""
    start: tuple[int, int | None, int | None] | None = None
    end: tuple[int, int | None, int | None] | None = None
    place: str = ""
    url: str = ""
    description: str = ""
    #: the organisation whose part the file describes ("Google")
    organisation: str = ""
    sponsors: tuple[Sponsorship, ...] = ()
    roles: tuple[Role, ...] = ()
    program: tuple[ProgramItem, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def authors(self) -> tuple[Author, ...]:
        """The people in the event's own roles."""
        return tuple(person for role in self.roles for person in role.people)


@dataclass(frozen=True)
class Recipient:
    """A fellow, or an investigator of a funded project."""

    TYPES = ()

    person: Author
    #: their position: "Professor of Informatics", "PhD student"
    title: str = ""
    affiliation: str = ""
    field: str = ""

    # The names the shared filter, sort and group code uses for every record.
    @property
    def key(self) -> str:
        return self.person.name

    @property
    def name(self) -> str:
        return self.person.name

    @property
    def authors(self) -> tuple[Author, ...]:
        return (self.person,)

    @property
    def venue(self) -> str:
        return self.affiliation

    @property
    def type(self) -> str:
        return self.field


@dataclass(frozen=True)
class Project:
    title: str
    investigators: tuple[Recipient, ...] = ()
    description: str = ""
    amount: str = ""
    url: str = ""


@dataclass(frozen=True)
class AwardProgram:
    """An award or fellowship programme's round: its projects or recipients."""

    key: str
    program: str
    year: int | None = None
    organisation: str = ""
    url: str = ""
    funding: str = ""
    #: what each recipient holds: "Fellowship" gives "Fellowship in <field>"
    award: str = ""
    projects: tuple[Project, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    description: str = ""
    source: str = ""
    line: int = 0

    @property
    def authors(self) -> tuple[Author, ...]:
        """Every recipient and investigator."""
        people = [r.person for r in self.recipients]
        people += [i.person for project in self.projects for i in project.investigators]
        return tuple(people)
