"""The people registry: who the authors are, where they link, which groups they are in."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Person, Problem
from .fields import FieldReader
from .lists import records_of, unique_records

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
        source=source,
        line=reader.line,
    )


def people_from_data(data, source: str, problems: list[Problem]) -> list[Person]:
    people = records_of(data, source, problems, "people", person_from_mapping)
    return unique_records(people, problems, "id")
