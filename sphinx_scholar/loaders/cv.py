"""CV entries from one YAML or JSON file holding a whole CV, section by section.

::

    education:  [{degree, field, institution, advisors, start, end, thesis}]
    positions:  [{title, kind, organisation, place, mentors, start, end, when}]
    teaching:   [{role, code, title, level, institution, terms}]
    service:    [{role, organisation, start, end, when, year}]
    honors:     [{title, by, year}]

or a JSON Resume document (see :mod:`.json_resume`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import CV_SECTIONS, CvEntry, DateRange, Problem
from ..text import fold
from .cv_fields import (
    ONGOING,
    POSITION_KINDS,
    SECTION_ALIASES,
    SECTION_FIELDS,
    SECTIONS,
)
from .fields import FieldReader
from .json_resume import cv_from_resume, is_json_resume
from .publications import read_authors, read_links
from .quoting import did_you_mean, short
from .values import parse_date, parse_month

_TITLE_FIELD = {
    section: next(item.name for item in record.fields if item.required)
    for section, record in SECTIONS.items()
}
_DEFAULT_KIND = {
    "education": "education",
    "positions": "position",
    "teaching": "teaching",
    "service": "service",
    "honors": "honor",
}


def parse_point(value) -> tuple[int, int | None] | str | None:
    """``2010``, ``"2010-09"``, ``"Sep 2010"`` -> ``(2010, 9)``; ``"present"`` -> ``"present"``."""
    if isinstance(value, str) and fold(value).strip() in ONGOING:
        return "present"
    date = parse_date(value)
    if date:
        return date[0], date[1]
    if isinstance(value, str) and re.match(r"\s*\d{4}-\d", value):
        return None  # "2015-13", "2015-02-30": looks like a date, is not one
    if isinstance(value, str):
        years = re.findall(r"(?<!\d)(\d{4})(?!\d)", value)
        if len(years) == 1:
            return int(years[0]), parse_month(re.sub(r"\d", "", value))
    return None


def cv_from_data(data, source: str, problems: list[Problem]) -> list[CvEntry]:
    if data is None:
        if not problems:
            problems.append(
                Problem(
                    Subtype.data_file,
                    "data file has no CV sections: it is empty or has only "
                    f"comments; write sections ({', '.join(CV_SECTIONS)}) into it",
                    source,
                )
            )
        return []
    if not isinstance(data, Mapping):
        problems.append(
            Problem(
                Subtype.field_type,
                "a CV file should be a mapping of sections "
                f"({', '.join(CV_SECTIONS)}) to lists of entries",
                source,
                getattr(data, "line", 1),
            )
        )
        return []
    if is_json_resume(data):
        return cv_from_resume(data, source, problems)
    reader = FieldReader(data, source, problems, "CV")
    entries: list[CvEntry] = []
    for written, items in data.items():
        section = SECTION_ALIASES.get(fold(written), fold(written))
        if section not in SECTION_FIELDS:
            reader.problem(
                Subtype.unknown_field,
                f"unknown CV section {short(written)}{did_you_mean(fold(written), CV_SECTIONS)}; "
                f"the sections are {', '.join(CV_SECTIONS)}",
                written,
            )
            continue
        if not isinstance(items, list):
            reader.wrong_type(written, "a list of entries")
            continue
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                reader.problem(
                    Subtype.field_type,
                    f"each entry of {short(written)} should be a mapping of fields",
                    written,
                )
                continue
            entry = _entry(section, index, item, source, problems)
            if entry is not None:
                entries.append(entry)
    return entries


def _entry(
    section: str, index: int, data: Mapping, source: str, problems
) -> CvEntry | None:
    fields = SECTION_FIELDS[section]
    reader = FieldReader(data, source, problems, f"{section} entry")
    reader.check_known(SECTIONS[section])
    if not reader.require(_TITLE_FIELD[section]):
        return None
    values: dict = {}
    for name, target in fields.items():
        if name not in data:
            continue
        if target == "people":
            values["people"] = read_authors(reader, name)
            values["people_role"] = name
        elif target == "terms":
            values["terms"] = reader.texts(name, split=",")
        else:
            values[target] = reader.text(name)
    kind = values.pop("kind", "") or _DEFAULT_KIND[section]
    if section == "positions" and kind not in POSITION_KINDS:
        reader.problem(
            Subtype.field_type,
            f"unknown position kind {short(kind)}; use one of {', '.join(POSITION_KINDS)}",
            "kind",
        )
        kind = "position"
    dates = _dates(reader)
    year = reader.year("year") if "year" in data else None
    if year is None:
        point = dates.end or dates.start
        year = point[0] if point else None
    return CvEntry(
        key=reader.text("key") or f"{section}-{index + 1}",
        section=section,
        kind=kind,
        dates=dates,
        year=year,
        description=reader.text("description"),
        links=read_links(reader, "links"),
        tags=reader.texts("tags", split=","),
        source=source,
        line=reader.line,
        **values,
    )


def _dates(reader: FieldReader) -> DateRange:
    points = {}
    for name in ("start", "end"):
        value = reader.data.get(name)
        if value in (None, ""):
            continue
        point = parse_point(value)
        if point is None or (point == "present" and name == "start"):
            reader.problem(
                Subtype.date,
                f"{reader.what} field {short(name)}: {short(value)} is not a date "
                "(write 2010, 2010-09, Sep 2010, or present)",
                name,
            )
            continue
        points[name] = point
    start, end = points.get("start"), points.get("end")
    return DateRange(
        start=start if isinstance(start, tuple) else None,  # never "present"
        end=end if isinstance(end, tuple) else None,
        ongoing=end == "present",
        text=reader.text("when"),
    )
