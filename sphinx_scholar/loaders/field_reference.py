"""What the reference says of a field: its type in a few words, and its
line with what its declaration adds (the words of a choice, its other names).

The JSON Schemas (:mod:`.schema`) give these lines as descriptions, and the
documentation's reference tables are made of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .declarations import Choice, Field, Record, record_of

#: Names of the kinds for people, in the reference's Type column.
KIND_NAMES = {
    "text": "text",
    "texts": "list of text",
    "comma_texts": "list of text",
    "url": "URL",
    "year": "year",
    "month": "month",
    "date": "date",
    "flag": "true or false",
    "duration": "duration",
    "start": "start date",
    "end": "end date",
    "people": "people",
    "links": "links",
    "link": "link target",
    "related": "related lines",
}


def type_name(item: Field) -> str:
    """What a field holds, in a few words."""
    if item.choice is not None:
        return item.choice.what
    if item.kind == "record":
        return record_of(item).title
    if item.kind in ("records", "section"):
        return "list of " + _plural(record_of(item).title)
    return KIND_NAMES[item.kind]


def _plural(title: str) -> str:
    if title.endswith("person"):
        return title[: -len("person")] + "people"
    if title.endswith("y") and not title.endswith("ey"):
        return title[:-1] + "ies"
    return title if title.endswith("s") else title + "s"


def description(item: Field) -> str:
    """A field's one line, with what its declaration adds: the words of a
    choice, the other names of the field."""
    text = item.doc
    if item.choice is not None:
        text += _choice_text(item.choice)
    if item.aliases and item.kind == "link":
        text = text.removesuffix(".") + (
            f" (also written {_or(f'`{alias}`' for alias in item.aliases)})."
        )
    return text


def aliases_text(record: Record) -> str:
    """What the other names of a record's fields mean, in a sentence."""
    meanings = [
        f"{_and(f'`{alias}`' for alias in item.aliases)} "
        f"{'mean' if len(item.aliases) > 1 else 'means'} {item.name}"
        for item in record.fields
        if item.aliases and item.kind != "link"
    ]
    return f" Other names: {'; '.join(meanings)}." if meanings else ""


def _and(words: Iterable[str]) -> str:
    return _or(words).replace(" or ", " and ")


def _or(words: Iterable[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _choice_text(choice: Choice) -> str:
    words = ", ".join(
        f"{word} (the default)" if word == choice.default else word
        for word in choice.values
    )
    if not choice.folded:
        return (
            f": `{choice.values[0]}`"
            + (" (the default)" if choice.values[0] == choice.default else "")
            + f", {_or(f'`{word}`' for word in choice.values[1:])}, written in lower case."
        )
    accepted = choice.accepted()
    if not accepted:
        return f": {words}."
    aliases = "; ".join(f"`{alias}` → {word}" for alias, word in accepted.items())
    return f": {words}. Also read, in any case: {aliases}."
