"""Talk records from YAML or JSON mappings."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import TALK_KINDS, Problem, Talk
from ..text import fold
from .declarations import Choice, Field, Record
from .fields import FieldReader
from .publication_fields import AUTHOR, LINKS
from .publications import read_authors, read_links
from .quoting import short

KIND_ALIASES = {
    "invited talk": "invited",
    "keynote talk": "keynote",
    "plenary": "keynote",
    "conference talk": "conference",
    "contributed": "conference",
    "contributed talk": "conference",
    "oral": "conference",
    "talk": "other",
    "lecture series": "lecture",
    "guest lecture": "lecture",
    "panel discussion": "panel",
    "poster presentation": "poster",
    "colloquium": "seminar",
    "workshop": "tutorial",
}

TALK = Record(
    "talk",
    "talk",
    "One talk. Only `title` is required.",
    (
        Field(
            "key",
            "text",
            "The talk's key, unique in the file; made up from the year and title when missing.",
            examples=("notes-talk",),
        ),
        Field(
            "title",
            "text",
            "The title (required); it links to `url` when there is one.",
            required=True,
            examples=("Notes on the Analytical Engine",),
        ),
        Field(
            "kind",
            "choice",
            "The kind of talk, which `:group: type` groups by",
            choice=Choice("talk kind", TALK_KINDS, KIND_ALIASES),
            examples=("invited", "keynote"),
        ),
        Field("event", "text", "The event or host.", examples=("Royal Society 1843",)),
        Field("place", "text", "Where it was given.", examples=("London",)),
        Field("date", "date", "When it was given.", examples=("1843-06", "1843-06-14")),
        Field("year", "year", "The year, when there is no `date`.", examples=(1843,)),
        Field(
            "duration",
            "duration",
            "How long it was: minutes (`53`), or text such as `53 mins`, `1h 21m`, `1:21:00`.",
            examples=(53, "1h 21m"),
        ),
        Field(
            "speakers",
            "people",
            "The speakers, written like a publication's authors.",
            record=AUTHOR,
            examples=(["Ada Lovelace"],),
        ),
        Field(
            "url",
            "url",
            "Where the title links: a recording or the event's page.",
            examples=("https://example.org/recordings/notes",),
        ),
        Field(
            "links",
            "links",
            "Links shown after the entry as [label] (`slides`, `video`, ...).",
            record=LINKS,
            examples=({"slides": "https://example.org/slides/notes.pdf"},),
        ),
        Field(
            "publication",
            "text",
            "The key of a publication the site lists; gives a [paper] link to it.",
            examples=("lovelace1843notes",),
        ),
        Field(
            "tags",
            "comma_texts",
            "Tags, for `:filter: tag == ...`: a list or comma-separated text.",
            examples=(["engines"],),
        ),
        Field("notes", "texts", "Notes: a text or a list.", examples=(["Recorded"],)),
        Field(
            "abstract",
            "text",
            "The abstract; shown when `:show:` names `abstract`.",
            examples=("What the engine can compute.",),
        ),
    ),
)
FIELDS = TALK.names

# Matched against the value with its blanks collapsed to single spaces: a
# pattern with several ``\s*`` in a row backtracks in cubic time over a long
# run of blanks. Numbers have at most nine digits (int() refuses very long ones).
_DURATION = re.compile(
    r"(?:(?P<h>\d{1,9}) ?(?:h|hr|hrs|hours?))? ?(?:(?P<m>\d{1,9}) ?(?:m|min|mins|minutes?)?)?"
)
_CLOCK = re.compile(r"(\d{1,9}):(\d{2})(?::(\d{2}))?")


def normalize_kind(value: str) -> str | None:
    value = fold(value).strip()
    if value in TALK_KINDS:
        return value
    return KIND_ALIASES.get(value)


def parse_duration(value) -> int | None:
    """Minutes from ``53``, ``"53 mins"``, ``"1h 21m"`` or ``"1:21:00"``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else None
    if not isinstance(value, str) or not value.strip():
        return None
    clock = _CLOCK.fullmatch(value.strip())
    if clock:
        hours, minutes, seconds = clock.groups()
        if seconds is None:  # "81:30" is minutes and seconds
            return int(hours) + (1 if int(minutes) >= 30 else 0)
        return int(hours) * 60 + int(minutes) + (1 if int(seconds) >= 30 else 0)
    match = _DURATION.fullmatch(" ".join(fold(value).split()))
    if not match or not (match.group("h") or match.group("m")):
        return None
    return int(match.group("h") or 0) * 60 + int(match.group("m") or 0)


def talk_from_mapping(
    data: Mapping, source: str, problems: list[Problem]
) -> Talk | None:
    reader = FieldReader(data, source, problems, "talk")
    reader.check_known(TALK)
    if not reader.require("title"):
        return None
    title = reader.text("title")
    kind = reader.choice("kind", normalize_kind, TALK_KINDS, KIND_ALIASES, "talk kind")
    date = reader.date("date") or (
        (reader.year("year"), None, None) if "year" in data else None
    )
    duration = None
    if data.get("duration") not in (None, ""):
        duration = parse_duration(data["duration"])
        if duration is None:
            reader.problem(
                Subtype.field_type,
                f"talk field 'duration': {short(data['duration'])} is not a duration "
                "(write minutes: 53, or '1h 21m')",
                "duration",
            )
    year, month, day = date if date else (None, None, None)
    return Talk(
        key=reader.text("key") or _made_up_key(title, year),
        title=title,
        kind=kind,
        event=reader.text("event"),
        place=reader.text("place"),
        year=year,
        month=month,
        day=day,
        duration=duration,
        speakers=read_authors(reader, "speakers"),
        url=reader.url("url"),
        links=read_links(reader, "links"),
        publication=reader.text("publication"),
        tags=reader.texts("tags", split=","),
        notes=reader.texts("notes"),
        abstract=reader.text("abstract"),
        source=source,
        line=reader.line,
    )


def _made_up_key(title: str, year: int | None) -> str:
    words = re.findall(r"\w+", fold(title))[:4]
    return "-".join(["talk", *([str(year)] if year else []), *words])
