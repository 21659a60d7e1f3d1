"""The people registry: who the authors are, where they link, which groups they are in."""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import Person, Problem
from .fields import FieldReader

FIELDS = ("id", "name", "variants", "url", "affiliation", "groups")


def person_from_mapping(
    data: Mapping, source: str, problems: list[Problem]
) -> Person | None:
    reader = FieldReader(data, source, problems, "person")
    reader.check_known(FIELDS)
    if not (reader.require("id") and reader.require("name")):
        return None
    return Person(
        id=reader.text("id"),
        name=reader.text("name"),
        variants=reader.texts("variants"),
        url=reader.url("url"),
        affiliation=reader.text("affiliation"),
        groups=reader.texts("groups", split=","),
    )


def people_from_data(data, source: str, problems: list[Problem]) -> list[Person]:
    from . import records_of

    people = records_of(data, source, problems, "people", person_from_mapping)
    seen = set()
    unique = []
    for person in people:
        if person.id in seen:
            problems.append(
                Problem(
                    Subtype.duplicate_key, f"duplicate person id {person.id!r}", source
                )
            )
            continue
        seen.add(person.id)
        unique.append(person)
    return unique
