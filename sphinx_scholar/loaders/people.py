"""The people registry: who the authors are, where they link, which groups they are in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Link, Person, Problem
from .fields import FieldReader
from .lists import records_of, unique_records
from .publications import read_links

FIELDS = (
    "id", "name", "variants", "url", "affiliation", "groups", "role", "photo",
    "links", "areas",
)  # fmt: skip


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
        role=reader.text("role"),
        photo=reader.url("photo"),
        links=tuple(_mail_links(read_links(reader, "links"))),
        areas=reader.texts("areas"),
        source=source,
        line=reader.line,
    )


def _mail_links(links: tuple[Link, ...]):
    """An ``email`` link is an address to write to, not a file of the site."""
    for link in links:
        if link.label == "email":
            files = tuple(
                file
                if file.url.startswith("mailto:")
                else replace(file, url="mailto:" + file.url)
                for file in link.files
            )
            link = replace(link, files=files)
        yield link


def people_from_data(data, source: str, problems: list[Problem]) -> list[Person]:
    people = records_of(data, source, problems, "people", person_from_mapping)
    return unique_records(people, problems, "id")
