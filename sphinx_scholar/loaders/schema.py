"""JSON Schemas of the data formats, made from the loaders' field declarations.

The schemas in ``sphinx_scholar/schemas/`` are written by
``scripts/make_schemas.py`` from :data:`FORMATS`; a test checks that they are
what it would write. Editors read them to complete field names and mark the
mistakes the build would warn about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .awards import AWARDS
from .cv import _ONGOING, CV
from .events import EVENT_FILE
from .fields import _MONTHS, SAFE_SCHEMES, Choice, Field, Record
from .people import PERSON
from .publications import PUBLICATION
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


# ---------------------------------------------------------------- patterns


def any_case(words: Iterable[str]) -> str:
    """A regular expression alternation of ``words`` in any case, longest first
    (JSON Schema patterns have no case-insensitive flag)."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "|".join(
        "".join(
            f"[{char.lower()}{char.upper()}]" if char.isalpha() else re.escape(char)
            for char in word
        ).replace("\\ ", " ")
        for word in ordered
    )


_DATE = r"^$|^\s*\d{4}(-(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?)?([T ].*)?\s*$"
_YEAR = r"(^|\D)\d{4}(\D|$)"
_URL = r"^$|^\s*((" + any_case(sorted(SAFE_SCHEMES)) + r"):|/|[^:/]*[^:/\s][^:/]*(/|$))"
_URL_MESSAGE = (
    "not a safe URL: use http, https, mailto, ftp or ftps, or a relative path"
)
_FLAG_WORDS = ("true", "yes", "1", "false", "no", "0")


#: a flag that is set, where it makes a record valid (``Record.one_of``)
_TRUE = {
    "anyOf": [
        {"const": True},
        {"type": "string", "pattern": r"^\s*(" + any_case(_FLAG_WORDS[:3]) + r")\s*$"},
    ]
}


def _url() -> dict:
    return {"type": "string", "pattern": _URL, "patternErrorMessage": _URL_MESSAGE}


#: The schemas of the kinds of :class:`Field` that ``$defs`` hold once.
SHARED: dict[str, Callable[[], dict[str, Any]]] = {
    "text": lambda: {
        "title": "text",
        "description": "Text (a number is read as text).",
        "type": ["string", "number", "null"],
    },
    "texts": lambda: {
        "title": "list of text",
        "description": "A list of text, or one text.",
        "type": ["string", "number", "array", "null"],
        "items": {"type": ["string", "number"]},
    },
    "comma_texts": lambda: {
        "title": "list of text",
        "description": "A list of text, or one text of comma-separated values.",
        "type": ["string", "number", "array", "null"],
        "items": {"type": ["string", "number"]},
    },
    "url": lambda: {
        "title": "URL",
        "description": "A URL (http, https, mailto, ftp or ftps), or a path "
        "relative to the data file: a file of the site, copied into the output.",
        "type": ["string", "null"],
        "pattern": _URL,
        "patternErrorMessage": _URL_MESSAGE,
        "examples": ["https://example.org/notes", "papers/notes.pdf"],
    },
    "year": lambda: {
        "title": "year",
        "description": "A year: a number, or text holding one (`2015`, "
        '`"1995--1996"`, `2015-06-14`).',
        "type": ["integer", "string", "null"],
        "minimum": 1,
        "maximum": 9999,
        "pattern": "^$|" + _YEAR,
        "patternErrorMessage": "not a year: write 2015",
        "examples": [2015],
    },
    "month": lambda: {
        "title": "month",
        "description": "A month: 1 to 12, or its name in English, French, "
        "Spanish, German or Italian (`Oct`, `October`, `octobre`).",
        "type": ["integer", "string", "null"],
        "minimum": 1,
        "maximum": 12,
        "pattern": r"^$|^\s*0*([1-9]|1[0-2])\s*$|(^|[^A-Za-z])("
        + any_case(_MONTHS)
        + ")([^A-Za-z]|$)",
        "patternErrorMessage": "not a month: write 1-12 or a month name",
        "examples": [10, "Oct"],
    },
    "date": lambda: {
        "title": "date",
        "description": "A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a YAML date too).",
        "type": ["string", "integer", "null"],
        "minimum": 1,
        "maximum": 9999,
        "pattern": _DATE,
        "patternErrorMessage": "not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
        "examples": ["2015-07-06", "2015-07", 2015],
    },
    "flag": lambda: {
        "title": "true or false",
        "description": "`true` or `false` (`yes`, `no`, `1`, `0` too).",
        "type": ["boolean", "string", "null"],
        "pattern": r"^\s*(" + any_case(_FLAG_WORDS) + r")?\s*$",
        "patternErrorMessage": "write true or false",
    },
    "start": lambda: {
        "title": "start date",
        "description": "When it started: `2010`, `2010-09`, `2010-09-01` or `Sep 2010`.",
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 9999},
            {"type": "string", "pattern": _DATE},
            {
                # one year in a text ("Sep 2010"), but not a broken date
                "type": "string",
                "pattern": _YEAR,
                "not": {
                    "anyOf": [
                        {"pattern": r"^\s*\d{4}-\d"},
                        {"pattern": r"(^|\D)\d{4}(\D.*)?\D\d{4}(\D|$)"},
                    ]
                },
            },
            {"type": "null"},
        ],
        "examples": [2010, "2010-09", "Sep 2010"],
    },
    "end": lambda: {
        "title": "end date",
        "description": "When it ended: `2015`, `2015-12`, `2015-12-31`, `Dec 2015`, "
        f"or `present` (also {', '.join(f'`{word}`' for word in _ongoing()[1:])}).",
        "anyOf": [
            {"$ref": "#/$defs/start"},
            {"type": "string", "pattern": r"^\s*(" + any_case(_ongoing()) + r")\s*$"},
        ],
        "examples": [2015, "2015-12", "present"],
    },
    "link_target": lambda: {
        "title": "link target",
        "description": "A URL, a list of URLs (labelled by their extensions), or a "
        "mapping of file labels to URLs (`{ppt: a.ppt, pptx: a.pptx}`).",
        "anyOf": [
            _url(),
            {"type": "array", "items": _url()},
            {"type": "object", "additionalProperties": {"$ref": "#/$defs/url"}},
        ],
        "examples": [
            "papers/notes.pdf",
            {"ppt": "slides/notes.ppt", "pptx": "slides/notes.pptx"},
        ],
    },
}


def _ongoing() -> list[str]:
    return ["present", *sorted(_ONGOING - {"present"}, key=lambda w: (-len(w), w))]


#: The kinds whose schema is a reference to a shared one, and what they need.
_NEEDS = {"end": ("start",), "link_target": ("url",)}

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


def _record_of(item: Field) -> Record:
    """The record of a field that holds records (``Field`` checks it has one)."""
    if item.record is None:  # pragma: no cover
        raise ValueError(f"field {item.name!r} holds no record")
    return item.record


def type_name(item: Field) -> str:
    """What a field holds, in a few words."""
    if item.choice is not None:
        return item.choice.what
    if item.kind == "record":
        return _record_of(item).title
    if item.kind in ("records", "section"):
        return "list of " + _plural(_record_of(item).title)
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


def _choice_schema(choice: Choice) -> dict:
    if not choice.folded:
        return {"title": choice.what, "enum": [*choice.values, "", None]}
    words = [*choice.values, *choice.accepted()]
    return {
        "anyOf": [
            {"enum": words},
            {
                "type": "string",
                "pattern": r"^\s*(" + any_case(words) + r")?\s*$",
                "patternErrorMessage": f"not a {choice.what}: use one of "
                + ", ".join(choice.values),
            },
            {"type": "null"},
        ],
        "title": choice.what,
    }


_DURATION = {
    "title": "duration",
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"const": ""},
        {
            "type": "string",
            "allOf": [
                {"pattern": r"\d"},
                {
                    "pattern": r"^\s*(\d+:\d{2}(:\d{2})?|(\d+\s*("
                    + any_case(("h", "hr", "hrs", "hour", "hours"))
                    + r"))?\s*(\d+\s*("
                    + any_case(("m", "min", "mins", "minute", "minutes"))
                    + r")?)?)\s*$"
                },
            ],
        },
        {"type": "null"},
    ],
}


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
        found = _choice_schema(item.choice)
    elif kind == "duration":
        found = json.loads(json.dumps(_DURATION))
    elif kind == "people":
        found = _ref("authors")
    elif kind in ("links", "record"):
        found = _ref(_record_of(item).name)
    elif kind == "records":
        found = {"type": ["array", "null"], "items": _ref(_record_of(item).name)}
    elif kind == "section":
        found = {"type": "array", "items": _ref(_record_of(item).name)}
    elif kind == "related":
        found = {
            "title": "related lines",
            "anyOf": [
                _ref(_record_of(item).name),
                {"type": "array", "items": _ref(_record_of(item).name)},
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
        more = {need for kind in wanted for need in _NEEDS.get(kind, ())} - wanted
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
