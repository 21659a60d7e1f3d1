"""JSON Schemas of the data formats, made from the loaders' field declarations.

The schemas in ``sphinx_scholar/schemas/`` are written by
``scripts/make_schemas.py`` from :data:`FORMATS`; a test checks that they are
what it would write. Editors read them to complete field names and mark the
mistakes the build would warn about.

The schemas of the kinds of field come from :mod:`.kind_schemas`, the
descriptions of the fields from :mod:`.field_reference`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .awards import AWARDS
from .cv_fields import CV
from .declarations import Field, Record, record_of
from .event_fields import EVENT_FILE
from .field_reference import aliases_text, description
from .kind_schemas import (
    DURATION,
    FLAG_WORDS,
    NEEDS,
    SHARED,
    any_case,
    choice_schema,
)
from .people import PERSON
from .publication_fields import PUBLICATION
from .talks import TALK

SCHEMA_URL = (
    "https://raw.githubusercontent.com/sphinx-scholar/sphinx-scholar/main/"
    "sphinx_scholar/schemas/{name}.schema.json"
)


@dataclass(frozen=True, eq=False)
class Format:
    """A data format: a file of records (``listed``: a list of them, or a
    mapping with a list under the format's name), or one record."""

    name: str
    title: str
    doc: str
    record: Record
    listed: bool = False


FORMATS = {
    "publications": Format(
        "publications",
        "publications",
        "Publications for the `publications` directive: a list of records, or a "
        "mapping with a `publications:` list.",
        PUBLICATION,
        listed=True,
    ),
    "talks": Format(
        "talks",
        "talks",
        "Talks for the `talks` directive: a list of records, or a mapping with a "
        "`talks:` list.",
        TALK,
        listed=True,
    ),
    "cv": Format("cv", "CV", CV.doc, CV),
    "event": Format("event", "event", EVENT_FILE.doc, EVENT_FILE),
    "awards": Format("awards", "awards", AWARDS.doc, AWARDS),
    "people": Format(
        "people",
        "people",
        "The people registry (`scholar_people_file`) or a file for the `people` "
        "directive: a list of people, or a mapping with a `people:` list.",
        PERSON,
        listed=True,
    ),
}


#: a flag that is set, where it makes a record valid (``Record.one_of``)
_TRUE = {
    "anyOf": [
        {"const": True},
        {"type": "string", "pattern": r"^\s*(" + any_case(FLAG_WORDS[:3]) + r")\s*$"},
    ]
}


# ---------------------------------------------------------------- schemas


def records(record: Record) -> Iterator[Record]:
    """The record and every record nested in it, each once, depth first."""
    seen: set[str] = set()

    def walk(found: Record):
        if found.name in seen:
            return
        seen.add(found.name)
        yield found
        for item in found.fields:
            if item.record is not None:
                yield from walk(item.record)

    yield from walk(record)


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def field_schema(item: Field) -> dict:
    """The schema of one field (its shared parts referred to in ``$defs``)."""
    kind = item.kind
    found: dict[str, Any]
    if kind == "text" and item.required:
        found = {"type": ["string", "number"], "pattern": r"\S"}
    elif kind == "people" and item.required:
        found = {
            "allOf": [
                _ref("authors"),
                {"type": ["string", "array"], "minItems": 1, "pattern": r"\S"},
            ]
        }
    elif kind == "link":
        found = _ref("link_target")
    elif kind in SHARED:
        found = _ref(kind)
    elif kind == "choice" and item.choice is not None:
        found = choice_schema(item.choice)
    elif kind == "duration":
        found = json.loads(json.dumps(DURATION))
    elif kind == "people":
        found = _ref("authors")
    elif kind in ("links", "record"):
        found = _ref(record_of(item).name)
    elif kind == "records":
        found = {"type": ["array", "null"], "items": _ref(record_of(item).name)}
    elif kind == "section":
        found = {"type": "array", "items": _ref(record_of(item).name)}
    elif kind == "related":
        found = {
            "title": "related lines",
            "anyOf": [
                _ref(record_of(item).name),
                {"type": "array", "items": _ref(record_of(item).name)},
                {"type": "null"},
            ],
        }
    else:  # pragma: no cover - Field checks its kind
        raise ValueError(kind)
    found["description"] = description(item)
    if item.examples:
        found["examples"] = list(item.examples)
    return found


def record_schema(record: Record, folded_keys: bool = False) -> dict:
    """The schema of a record: an object of its fields, and nothing else
    unless it is ``open``."""
    properties = {}
    for item in record.fields:
        properties[item.name] = field_schema(item)
    for item in record.fields:
        for alias in item.aliases:
            if item.kind == "link":
                continue  # any label is read: the aliases need no schema
            properties[alias] = {
                **field_schema(item),
                "description": f"Another name of `{item.name}`: {description(item)}",
            }
    found: dict = {"title": record.title, "description": record.doc}
    if record.open:
        found["type"] = ["object", "null"]
        found["properties"] = properties
        found["additionalProperties"] = _ref("link_target")
    else:
        found["type"] = "object"
        found["properties"] = properties
        if folded_keys:
            found["patternProperties"] = {
                "^(" + any_case([item.name, *item.aliases]) + ")$": {
                    k: v
                    for k, v in field_schema(item).items()
                    if k not in ("description", "examples")
                }
                for item in record.fields
            }
        found["additionalProperties"] = False
    required = [item.name for item in record.fields if item.required]
    if required:
        found["required"] = required
    if record.one_of:
        kinds = {item.name: item.kind for item in record.fields}
        found["anyOf"] = [
            {
                "required": [name],
                "properties": {
                    name: _TRUE
                    if kinds.get(name) == "flag"
                    else {"type": ["string", "number"], "pattern": r"\S"}
                },
            }
            for name in record.one_of
        ]
    if record.examples:
        found["examples"] = list(record.examples)
    if record.or_text:
        title = found.pop("title")
        return {"title": title, "anyOf": [{"type": "string"}, found]}
    return found


def _kinds_used(value) -> Iterator[str]:
    if isinstance(value, dict):
        ref = value.get("$ref", "")
        if ref.startswith("#/$defs/"):
            yield ref.removeprefix("#/$defs/")
        for item in value.values():
            yield from _kinds_used(item)
    elif isinstance(value, list):
        for item in value:
            yield from _kinds_used(item)


def schema(name: str) -> dict:
    """The JSON Schema of the format ``name``."""
    fmt = FORMATS[name]
    top = fmt.record
    defs: dict[str, dict] = {}
    nested = list(records(top))
    for rec in nested:
        if rec is not top or fmt.listed:
            defs[rec.name] = record_schema(rec)
    if any(item.kind == "people" for rec in nested for item in rec.fields):
        defs["authors"] = {
            "title": "people",
            "description": "A list of names (`Ada Lovelace`, `Lovelace, Ada`) or of "
            "{name, person, url, mark} mappings, or one text of names joined by "
            "`and` as in BibTeX. Marks after a name (`*`, `†`) are kept.",
            "type": ["string", "array", "null"],
            "items": {"anyOf": [{"type": "string", "pattern": r"\S"}, _ref("author")]},
            "examples": [
                ["Lovelace, Ada*", "Charles Babbage"],
                "Ada Lovelace and Charles Babbage",
                [{"name": "Ada Lovelace", "person": "ada"}],
            ],
        }
    body: dict[str, Any]
    if fmt.listed:
        body = {
            "type": ["array", "object"],
            "items": _ref(top.name),
            "required": [name],
            "properties": {
                name: {
                    "type": "array",
                    "items": _ref(top.name),
                    "description": f"The {name}.",
                    "examples": [[_example(top)]],
                },
            },
        }
    else:
        body = record_schema(top, folded_keys=top is CV)
        body.pop("title")
        body["description"] += aliases_text(top)
    # the shared kinds the records refer to, and those these refer to
    wanted = set(_kinds_used([body, defs]))
    while True:
        more = {need for kind in wanted for need in NEEDS.get(kind, ())} - wanted
        if not more:
            break
        wanted |= more
    for kind in wanted:
        if kind in SHARED:
            defs[kind] = SHARED[kind]()
    found = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL.format(name=name),
        "title": f"sphinx-scholar {fmt.title} file",
        "description": fmt.doc + aliases_text(top),
        **body,
        "$defs": dict(
            sorted(defs.items(), key=lambda pair: (pair[0] != top.name, pair[0]))
        ),
    }
    return found


def _example(record: Record) -> dict:
    """A record of its required fields, from their examples."""
    return {item.name: item.examples[0] for item in record.fields if item.required}


def schema_text(name: str) -> str:
    """The schema of ``name`` as its file holds it."""
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
