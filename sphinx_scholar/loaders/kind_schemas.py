"""The JSON Schemas of the kinds of field, and the patterns they are written with.

A kind that many fields share (text, URL, date, ...) has its schema once in a
schema's ``$defs`` (:data:`SHARED`); a choice or a duration has its schema
where the field is. :mod:`.schema` puts them together into the schemas of the
data formats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .cv_fields import ONGOING
from .declarations import Choice
from .values import MONTHS, SAFE_SCHEMES

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
#: The words a flag may be, those that set it first.
FLAG_WORDS = ("true", "yes", "1", "false", "no", "0")


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
        + any_case(MONTHS)
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
        "pattern": r"^\s*(" + any_case(FLAG_WORDS) + r")?\s*$",
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
    return ["present", *sorted(ONGOING - {"present"}, key=lambda w: (-len(w), w))]


#: The kinds whose schema is a reference to a shared one, and what they need.
NEEDS = {"end": ("start",), "link_target": ("url",)}


def choice_schema(choice: Choice) -> dict:
    """The schema of a choice field: its words, and the aliases read as them."""
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


#: The schema of a duration field (a copy of it for each field, which adds
#: its description and examples).
DURATION = {
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
