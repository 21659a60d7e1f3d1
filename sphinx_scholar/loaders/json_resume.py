"""CV entries from a JSON Resume document (https://jsonresume.org/schema).

A CV file is read as JSON Resume when its top level has ``basics``, ``work``
or ``volunteer``: sections a sphinx-scholar CV does not have. ``work`` gives
positions, ``education`` education, ``awards`` honors and ``volunteer``
service; the sections a CV does not show (``basics``, ``publications``,
``skills``, ...) are left out without a word.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import CvEntry, DateRange, Link, LinkFile, Problem
from ..text import fold
from .cv_fields import ONGOING
from .fields import FieldReader
from .lines import item_line
from .quoting import did_you_mean, short
from .values import parse_date

#: The top-level keys that make a CV file a JSON Resume.
RESUME_KEYS = ("basics", "work", "volunteer")

#: JSON Resume section -> the CV section its entries go to, and its text
#: fields -> the attribute of :class:`CvEntry` each fills.
SECTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "work": ("positions", {"position": "title", "name": "organisation", "location": "place"}),
    "education": ("education", {"studyType": "title", "area": "field", "institution": "organisation"}),
    "awards": ("honors", {"title": "title", "awarder": "organisation"}),
    "volunteer": ("service", {"position": "title", "organization": "organisation"}),
}  # fmt: skip
#: The fields that name an entry, in the order one is taken for its title
#: when the first is missing.
TITLES = {
    "work": ("position", "name"),
    "education": ("studyType", "area", "institution"),
    "awards": ("title",),
    "volunteer": ("position", "organization"),
}
#: Every field of each section's entries (JSON Resume 1.0.0), read or not.
FIELDS = {
    "work": (*SECTIONS["work"][1], "description", "url", "startDate", "endDate", "summary", "highlights"),
    "education": (*SECTIONS["education"][1], "url", "startDate", "endDate", "score", "courses"),
    "awards": (*SECTIONS["awards"][1], "date", "summary"),
    "volunteer": (*SECTIONS["volunteer"][1], "url", "startDate", "endDate", "summary", "highlights"),
}  # fmt: skip
#: The sections of JSON Resume that a CV does not show.
NOT_READ = (
    "$schema",
    "basics",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
)

Point = tuple[int, int | None]


def is_json_resume(data) -> bool:
    # by going over the keys: looking one up is reading a field of a CV
    return isinstance(data, Mapping) and any(key in RESUME_KEYS for key in data)


def cv_from_resume(
    data: Mapping, source: str, problems: list[Problem]
) -> list[CvEntry]:
    reader = FieldReader(data, source, problems, "JSON Resume")
    entries: list[CvEntry] = []
    for name, items in data.items():
        if name in NOT_READ or items is None:
            continue
        if name not in SECTIONS:
            reader.problem(
                Subtype.unknown_field,
                f"unknown JSON Resume section {short(name)}"
                f"{did_you_mean(str(name), (*SECTIONS, *NOT_READ))}; a CV shows "
                f"{', '.join(SECTIONS)}",
                name,
            )
            continue
        if not isinstance(items, list):
            reader.wrong_type(name, "a list of entries")
            continue
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                problems.append(
                    Problem(
                        Subtype.field_type,
                        f"each entry of {short(name)} should be an object of fields, "
                        f"not {short(item)}",
                        source,
                        item_line(items, index) or reader.line_of(name),
                    )
                )
                continue
            entry = _entry(name, index, item, source, problems)
            if entry is not None:
                entries.append(entry)
    return entries


def _entry(
    name: str, index: int, data: Mapping, source: str, problems: list[Problem]
) -> CvEntry | None:
    section, texts = SECTIONS[name]
    reader = FieldReader(data, source, problems, f"{name} entry")
    for field in data:
        # JSON Resume allows fields of one's own: only a likely misspelling is told
        hint = "" if field in FIELDS[name] else did_you_mean(str(field), FIELDS[name])
        if hint:
            reader.problem(
                Subtype.unknown_field,
                f"unknown {name} entry field {short(field)}{hint}",
                field,
            )
    read = {field: reader.text(field) for field in texts}
    titled = next((field for field in TITLES[name] if read[field]), None)
    if titled is None:
        reader.problem(
            Subtype.missing_field,
            f"{name} entry has no {' or '.join(map(repr, TITLES[name]))}; "
            "it is left out until it has one",
        )
        return None
    values: dict = {
        attr: read[field] for field, attr in texts.items() if field != titled
    }
    values["title"] = read[titled]
    dates = _award_date(reader) if name == "awards" else _dates(reader)
    point = dates.end or dates.start
    url = reader.url("url") if "url" in FIELDS[name] else ""
    return CvEntry(
        key=f"{section}-{index + 1}",
        section=section,
        kind="position" if section == "positions" else _KINDS[section],
        dates=dates,
        year=point[0] if point else None,
        description=_description(reader),
        links=(Link("web", (LinkFile(url),)),) if url else (),
        source=source,
        line=reader.line,
        **values,
    )


_KINDS = {"education": "education", "honors": "honor", "service": "service"}


def _description(reader: FieldReader) -> str:
    """The summary, and the highlights after it, each a sentence."""
    parts = [reader.text("summary")]
    if "highlights" in reader.data:
        parts += reader.texts("highlights")
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return "".join(parts)
    return " ".join(part if part[-1] in ".!?" else part + "." for part in parts)


def _point(reader: FieldReader, name: str) -> Point | str | None:
    """``(2010, 9)`` of ``2010-09-01``; ``"present"``; ``None``, told, for a
    value that is not a date."""
    value = reader.data.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, str) and fold(value).strip() in ONGOING:
        return "present"
    date = parse_date(value)
    if date is None:
        reader.problem(
            Subtype.date,
            f"{reader.what} field {short(name)}: {short(value)} is not a date "
            "(JSON Resume writes YYYY-MM-DD, YYYY-MM or YYYY)",
            name,
        )
        return None
    return date[0], date[1]


def _dates(reader: FieldReader) -> DateRange:
    """From ``startDate`` to ``endDate``; with no ``endDate``, to the present
    (as readers of JSON Resume take it)."""
    start, end = _point(reader, "startDate"), _point(reader, "endDate")
    if start == "present":
        reader.problem(
            Subtype.date,
            f"{reader.what} field 'startDate' cannot be {short(reader.data['startDate'])}; "
            "write the date it started",
            "startDate",
        )
        start = None
    ongoing = end == "present" or (
        isinstance(start, tuple) and reader.data.get("endDate") in (None, "")
    )
    return DateRange(
        start=start if isinstance(start, tuple) else None,
        end=end if isinstance(end, tuple) else None,
        ongoing=ongoing,
    )


def _award_date(reader: FieldReader) -> DateRange:
    date = _point(reader, "date")
    if date == "present":
        reader.problem(
            Subtype.date,
            f"{reader.what} field 'date' cannot be {short(reader.data['date'])}; "
            "write the date it was given",
            "date",
        )
    return DateRange(start=date if isinstance(date, tuple) else None)
