"""Event files: an event, the organisation's sponsorship and its people's roles.

::

    event:    {name, title, start, end, place, url, description}
    organisation: Google
    sponsors: [{name, level, logo, url}]
    roles:    [{group, role, people}]
    program:  [{kind, title, url, people, roles, contributions, sponsors}]
"""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import (
    CONTRIBUTION_KINDS,
    PEOPLE_JOINS,
    PROGRAM_KINDS,
    Contribution,
    Event,
    Problem,
    ProgramItem,
    Role,
    Sponsorship,
)
from ..text import fold, plain_slug, slug
from .fields import Choice, Field, FieldReader, Record
from .publications import AUTHOR, LINKS, read_authors, read_links

_KIND_ALIASES = {
    "oral presentation": "oral",
    "presentation": "talk",
    "invited talk": "talk",
    "sessions": "session",
    "oral session": "session",
    "poster session": "session",
    "competition": "challenge",
    "short course": "tutorial",
}


EVENT = Record(
    "event",
    "event",
    "The event itself. Only `name` is required.",
    (
        Field(
            "name",
            "text",
            "The event's short name (required), as in `Google is a Platinum Sponsor of ICML 2015.`; its papers are those whose venue is this name.",
            required=True,
            examples=("ICML 2015",),
        ),
        Field(
            "title",
            "text",
            "The event's full title.",
            examples=("The 32nd International Conference on Machine Learning",),
        ),
        Field("start", "date", "The first day.", examples=("2015-07-06",)),
        Field(
            "end", "date", "The last day; not before `start`.", examples=("2015-07-11",)
        ),
        Field(
            "date",
            "date",
            "The day of a one-day event, instead of `start`.",
            examples=("2015-07-06",),
        ),
        Field("place", "text", "Where it takes place.", examples=("Lille, France",)),
        Field(
            "url", "url", "The event's website.", examples=("https://icml.cc/2015/",)
        ),
        Field(
            "description",
            "text",
            "A description, for the calendar file and JSON-LD.",
            examples=("A conference on machine learning.",),
        ),
    ),
)
SPONSOR = Record(
    "sponsor",
    "sponsor",
    "A sponsor of the event. Only `name` is required.",
    (
        Field(
            "name",
            "text",
            "The sponsor (required).",
            required=True,
            examples=("Google",),
        ),
        Field(
            "level",
            "text",
            "The level: `Google is a Platinum Sponsor of ICML 2015.`",
            examples=("Platinum",),
        ),
        Field(
            "logo",
            "url",
            "A logo: a URL or a file relative to the event file.",
            examples=("logos/google.png",),
        ),
        Field(
            "url",
            "url",
            "The sponsor's website.",
            examples=("https://research.google/",),
        ),
    ),
)
ROLE = Record(
    "role",
    "role",
    "People in one role. `role` and `people` are required.",
    (
        Field(
            "group",
            "text",
            "A heading for the roles under it, such as a committee.",
            examples=("Organizing Committee",),
        ),
        Field(
            "role",
            "text",
            "The role (required).",
            required=True,
            examples=("Area Chair",),
        ),
        Field(
            "people",
            "people",
            "Who (required): names or {name, person, url, mark} mappings, as in a publication's authors.",
            required=True,
            record=AUTHOR,
            examples=(["Corinna Cortes", "Samy Bengio"],),
        ),
        Field(
            "partial",
            "flag",
            "Whether `people` are only the organisation's share of the role (of a committee): the role reads `Program Committee includes` (`include` after a plural, `Program Organizers include`).",
            examples=(True,),
        ),
        Field(
            "join",
            "choice",
            "How the names are joined: `comma` (A, B, C), `and` (A, B and C), `oxford` (A, B, and C) or `ampersand` (A, B & C). Default: the directive's `:people-join:`, else `comma`.",
            choice=Choice("people join", PEOPLE_JOINS, {}, default=""),
            examples=("ampersand",),
        ),
    ),
)
CONTRIBUTION = Record(
    "contribution",
    "contribution",
    "A paper, poster or talk inside a programme item. Only `title` is required.",
    (
        Field(
            "kind",
            "choice",
            "The kind",
            choice=Choice("contribution kind", CONTRIBUTION_KINDS, _KIND_ALIASES),
            examples=("poster",),
        ),
        Field(
            "title",
            "text",
            "The title (required).",
            required=True,
            examples=("Bernoulli numbers by machine",),
        ),
        Field(
            "authors",
            "people",
            "The authors.",
            record=AUTHOR,
            examples=(["A. Lovelace"],),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/poster",),
        ),
        Field(
            "links",
            "links",
            "Links shown as [label].",
            record=LINKS,
            examples=({"pdf": "https://example.org/poster.pdf"},),
        ),
    ),
)
ITEM = Record(
    "item",
    "programme item",
    "One item of the programme: a keynote, tutorial, workshop, challenge... Only `title` is required.",
    (
        Field(
            "key",
            "text",
            "The item's key; made from its title when missing.",
            examples=("difference-engines",),
        ),
        Field(
            "kind",
            "choice",
            "The kind, which `:group: type` groups by",
            choice=Choice("programme kind", PROGRAM_KINDS, _KIND_ALIASES),
            examples=("workshop", "tutorial"),
        ),
        Field(
            "title",
            "text",
            "The title (required).",
            required=True,
            examples=("Workshop on Difference Engines",),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/workshop",),
        ),
        Field(
            "people",
            "people",
            "Presenters, shown without a role.",
            record=AUTHOR,
            examples=(["Ada Lovelace", "Charles Babbage"],),
        ),
        Field(
            "roles",
            "records",
            "People in roles: organizers, speakers, panelists.",
            record=ROLE,
            examples=([{"role": "Organizers", "people": ["Charles Babbage"]}],),
        ),
        Field(
            "contributions",
            "records",
            "Papers, posters and talks in the item.",
            record=CONTRIBUTION,
            examples=(
                [
                    {
                        "kind": "poster",
                        "title": "Bernoulli numbers by machine",
                        "authors": ["A. Lovelace"],
                    }
                ],
            ),
        ),
        Field(
            "sponsors",
            "comma_texts",
            "Its sponsors; when only the file's `organisation`, it reads `(sponsor)`.",
            examples=(["Engine Lab"],),
        ),
        Field(
            "description",
            "text",
            "A description.",
            examples=("A day on difference engines.",),
        ),
        Field(
            "links",
            "links",
            "Links shown as [label].",
            record=LINKS,
            examples=({"web": "https://example.org/workshop"},),
        ),
        Field(
            "tags",
            "comma_texts",
            "Tags, for `:filter: tag == ...`.",
            examples=(["engines"],),
        ),
    ),
)
#: A whole event file.
EVENT_FILE = Record(
    "event_file",
    "event file",
    "An event and an organisation's part in it: sponsorship, roles, programme. Read by the `sponsorship`, `event-roles`, `event-program` and `event` directives.",
    (
        Field(
            "event",
            "record",
            "The event (required): at least its `name`.",
            required=True,
            record=EVENT,
            examples=(
                {
                    "name": "ICML 2015",
                    "start": "2015-07-06",
                    "end": "2015-07-11",
                    "place": "Lille, France",
                },
            ),
        ),
        Field(
            "organisation",
            "text",
            "Whose part the file tells; programme items it alone sponsors read `(sponsor)`.",
            examples=("Google",),
        ),
        Field(
            "sponsors",
            "records",
            "Sponsors of the event.",
            record=SPONSOR,
            examples=([{"name": "Google", "level": "Platinum"}],),
        ),
        Field(
            "roles",
            "records",
            "Roles at the event itself: committees, chairs, boards.",
            record=ROLE,
            examples=(
                [
                    {
                        "group": "Organizing Committee",
                        "role": "Program Chair",
                        "people": ["Corinna Cortes"],
                    }
                ],
            ),
        ),
        Field(
            "program",
            "records",
            "The programme items: keynotes, tutorials, workshops, challenges...",
            record=ITEM,
            examples=(
                [{"kind": "workshop", "title": "Workshop on Difference Engines"}],
            ),
        ),
    ),
)
FILE_FIELDS = EVENT_FILE.names
EVENT_FIELDS = EVENT.names
ITEM_FIELDS = ITEM.names
ROLE_FIELDS = ROLE.names
CONTRIBUTION_FIELDS = CONTRIBUTION.names
SPONSOR_FIELDS = SPONSOR.names


def _kind(reader: FieldReader, name: str, kinds: tuple[str, ...]) -> str:
    def normalize(written: str) -> str | None:
        kind = _KIND_ALIASES.get(fold(written), fold(written))
        return kind if kind in kinds else None

    return reader.choice(name, normalize, kinds, (), f"{reader.what} kind")


def _join(reader: FieldReader) -> str:
    if not reader.text("join"):
        return ""
    join = reader.choice(
        "join",
        lambda written: fold(written) if fold(written) in PEOPLE_JOINS else None,
        PEOPLE_JOINS,
        (),
        "people join",
    )
    return "" if join == "other" else join


def read_roles(reader: FieldReader, name: str = "roles") -> tuple[Role, ...]:
    roles = []
    for sub in reader.mappings(name, "role"):
        sub.check_known(ROLE)
        if not sub.require("role"):
            continue
        people = read_authors(sub, "people")
        if not people:
            sub.problem(
                Subtype.missing_field,
                f"role {sub.text('role')!r} has no people; it is left out",
                "people",
            )
            continue
        roles.append(
            Role(
                sub.text("role"),
                people,
                sub.text("group"),
                partial=sub.flag("partial"),
                join=_join(sub),
            )
        )
    return tuple(roles)


def _contributions(reader: FieldReader) -> tuple[Contribution, ...]:
    found = []
    for sub in reader.mappings("contributions", "contribution"):
        sub.check_known(CONTRIBUTION)
        if not sub.require("title"):
            continue
        found.append(
            Contribution(
                kind=_kind(sub, "kind", CONTRIBUTION_KINDS),
                title=sub.text("title"),
                authors=read_authors(sub, "authors"),
                url=sub.url("url"),
                links=read_links(sub, "links"),
            )
        )
    return tuple(found)


def _program(reader: FieldReader, year: int | None) -> tuple[ProgramItem, ...]:
    items = []
    for index, sub in enumerate(reader.mappings("program", "programme item")):
        sub.check_known(ITEM)
        if not sub.require("title"):
            continue
        title = sub.text("title")
        items.append(
            ProgramItem(
                key=sub.text("key") or slug(title)[:60] or f"item-{index + 1}",
                kind=_kind(sub, "kind", PROGRAM_KINDS),
                title=title,
                url=sub.url("url"),
                people=read_authors(sub, "people"),
                roles=read_roles(sub),
                contributions=_contributions(sub),
                sponsors=sub.texts("sponsors", split=","),
                description=sub.text("description"),
                links=read_links(sub, "links"),
                tags=sub.texts("tags", split=","),
                year=year,
                source=sub.source,
                line=sub.line,
            )
        )
    return tuple(items)


def _sponsors(reader: FieldReader) -> tuple[Sponsorship, ...]:
    found = []
    for sub in reader.mappings("sponsors", "sponsor"):
        sub.check_known(SPONSOR)
        if sub.require("name"):
            found.append(
                Sponsorship(
                    sub.text("name"), sub.text("level"), sub.url("logo"), sub.url("url")
                )
            )
    return tuple(found)


def event_from_data(data, source: str, problems: list[Problem]) -> list[Event]:
    if not isinstance(data, Mapping) or not isinstance(data.get("event"), Mapping):
        if not problems:
            problems.append(
                Problem(
                    Subtype.missing_field,
                    "an event file needs an 'event:' mapping with at least a 'name'",
                    source,
                    getattr(data, "line", 1),
                )
            )
        return []
    reader = FieldReader(data, source, problems, "event file")
    reader.check_known(EVENT_FILE)
    event = FieldReader(
        data["event"], source, problems, "event", line=reader.line_of("event")
    )
    event.check_known(EVENT)
    if not event.require("name"):
        return []
    start = event.date("start") or event.date("date")
    end = event.date("end")

    # "2015-07" ends with July and starts with its first day
    if (
        start
        and end
        and (end[0], end[1] or 12, end[2] or 31)
        < (start[0], start[1] or 1, start[2] or 1)
    ):
        event.problem(Subtype.date, "the event ends before it starts", "end")
        end = None
    name = event.text("name")
    # "ICML" of 2015 and of 2016 must not share a calendar file
    year = str(start[0]) if start else ""
    return [
        Event(
            key=plain_slug(name if year in name else f"{name} {year}"),
            name=name,
            title=event.text("title"),
            start=start,
            end=end,
            place=event.text("place"),
            url=event.url("url"),
            description=event.text("description"),
            organisation=reader.text("organisation"),
            sponsors=_sponsors(reader),
            roles=read_roles(reader),
            program=_program(reader, start[0] if start else None),
            source=source,
            line=event.line,
        )
    ]
