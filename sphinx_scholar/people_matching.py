"""Matching authors to people, and deciding whom to highlight."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Author, Person
from .text import fold, name_key


@dataclass
class Registry:
    """The people a site knows, findable by id, by any spelling of their name, by group."""

    people: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, Person] = field(default_factory=dict)
    groups: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, people: Iterable[Person]) -> Registry:
        registry = cls()
        for person in people:
            registry.people[person.id] = person
            for spelling in (person.name, *person.variants):
                registry.by_name.setdefault(name_key(spelling), person)
            for group in person.groups:
                registry.groups.setdefault(fold(group), set()).add(person.id)
        return registry

    def match(self, author: Author) -> Person | None:
        if author.person:
            return self.people.get(author.person)
        return self.by_name.get(name_key(author.name))

    def members(self, group: str) -> set[str]:
        return self.groups.get(fold(group), set())


@dataclass(frozen=True)
class Highlight:
    """Who to highlight: person ids, and names of people the registry does not know."""

    ids: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.ids or self.names)

    def covers_person(self, person: Person) -> bool:
        return person.id in self.ids or name_key(person.name) in self.names

    def covers(self, author: Author, person: Person | None) -> bool:
        if person is not None and person.id in self.ids:
            return True
        return name_key(author.name) in self.names


def resolve_highlight(items: Iterable[str], registry: Registry) -> Highlight:
    """Each item is a person id, a group (all its members), or a name."""
    ids: set[str] = set()
    names: set[str] = set()
    for item in items:
        item = item.strip()
        if not item:
            continue
        if item in registry.people:
            ids.add(item)
        elif registry.members(item):
            ids |= registry.members(item)
        else:
            person = registry.by_name.get(name_key(item))
            if person is not None:
                ids.add(person.id)
            else:
                names.add(name_key(item))
    return Highlight(frozenset(ids), frozenset(names))
