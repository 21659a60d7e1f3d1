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
from ..event_model import (
    CONTRIBUTION_KINDS,
    PEOPLE_JOINS,
    PROGRAM_KINDS,
    Contribution,
    Event,
    ProgramItem,
    Role,
    Sponsorship,
)
from ..model import Problem
from ..text import fold, plain_slug, slug
from .event_fields import (
    CONTRIBUTION,
    EVENT,
    EVENT_FILE,
    ITEM,
    KIND_ALIASES,
    ROLE,
    SPONSOR,
)
from .fields import FieldReader
from .publications import read_authors, read_links


def _kind(reader: FieldReader, name: str, kinds: tuple[str, ...]) -> str:
    def normalize(written: str) -> str | None:
        kind = KIND_ALIASES.get(fold(written), fold(written))
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
