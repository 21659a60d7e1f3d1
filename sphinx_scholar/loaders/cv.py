"""CV entries from one YAML or JSON file holding a whole CV, section by section.

::

    education:  [{degree, field, institution, advisors, start, end, thesis}]
    positions:  [{title, kind, organisation, place, mentors, start, end, when}]
    teaching:   [{role, code, title, level, institution, terms}]
    service:    [{role, organisation, start, end, when, year}]
    honors:     [{title, by, year}]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import CV_SECTIONS, CvEntry, DateRange, Problem
from ..text import fold
from .fields import (
    Choice,
    Field,
    FieldReader,
    Record,
    did_you_mean,
    parse_date,
    parse_month,
    short,
)
from .publications import AUTHOR, LINKS, read_authors, read_links

_SECTION_ALIASES = {
    "honours": "honors",
    "awards": "honors",
    "experience": "positions",
    "employment": "positions",
}
_POSITION_KINDS = ("position", "internship", "visit")

#: The fields every entry may have, whatever its section.
_COMMON = (
    Field(
        "key",
        "text",
        "The entry's key; `<section>-<number>` when missing.",
        examples=("phd",),
    ),
    Field(
        "start",
        "start",
        "When it started: `2010`, `2010-09`, `Sep 2010`.",
        examples=("2010-09", 2010),
    ),
    Field(
        "end",
        "end",
        "When it ended, or `present` (also `now`, `current`, `today`, `ongoing`).",
        examples=("2015-12", "present"),
    ),
    Field(
        "when",
        "text",
        "When, as free text shown instead of `start` and `end`.",
        examples=("Summer 2013",),
    ),
    Field(
        "year",
        "year",
        "The year the entry is sorted and filtered by; the end's (or start's) year when missing.",
        examples=(2013,),
    ),
    Field(
        "description",
        "text",
        "A line of description.",
        examples=("Thesis on compact codes.",),
    ),
    Field(
        "links",
        "links",
        "Links shown after the entry as [label].",
        record=LINKS,
        examples=({"pdf": "thesis.pdf"},),
    ),
    Field(
        "tags",
        "comma_texts",
        "Tags, for `:filter: tag == ...`: a list or comma-separated text.",
        examples=(["teaching"],),
    ),
)
_COMMON_NAMES = tuple(item.name for item in _COMMON)


def _section(section: str, *fields: Field) -> Record:
    """The entries of a section: their own fields (each filling the
    :class:`CvEntry` attribute its ``to`` names), then the common ones."""
    title = next(item.name for item in fields if item.required)
    return Record(
        section,
        f"{section} entry",
        f"An entry of `{section}`. `{title}` is required.",
        (*fields, *_COMMON),
    )


#: The entries of each section.
SECTIONS = {
    "education": _section(
        "education",
        Field(
            "degree",
            "text",
            "The degree (required).",
            required=True,
            to="title",
            examples=("PhD student",),
        ),
        Field("field", "text", "The field of study.", examples=("Computer Science",)),
        Field(
            "institution",
            "text",
            "The institution.",
            to="organisation",
            examples=("University of Toronto",),
        ),
        Field("place", "text", "Where.", examples=("Toronto, Canada",)),
        Field(
            "advisors",
            "people",
            "The advisors, written like a publication's authors.",
            record=AUTHOR,
            to="people",
            examples=(["David Fleet"],),
        ),
        Field(
            "thesis",
            "text",
            "The thesis title.",
            examples=(
                "Compact Discrete Representations for Scalable Similarity Search",
            ),
        ),
    ),
    "positions": _section(
        "positions",
        Field(
            "title",
            "text",
            "The position (required).",
            required=True,
            examples=("Research Intern",),
        ),
        Field(
            "kind",
            "choice",
            "The kind of position",
            choice=Choice(
                "position kind", _POSITION_KINDS, default="position", folded=False
            ),
            examples=("internship",),
        ),
        Field("organisation", "text", "The organisation.", examples=("Google",)),
        Field("place", "text", "Where.", examples=("Mountain View, CA USA",)),
        Field(
            "mentors",
            "people",
            "The mentors, shown as `Mentors: ...`.",
            record=AUTHOR,
            to="people",
            examples=(["Samy Bengio", "Yoram Singer"],),
        ),
        Field(
            "advisors",
            "people",
            "The advisors, shown as `Advisors: ...` (a postdoc's, say).",
            record=AUTHOR,
            to="people",
            examples=(["Geoffrey Hinton"],),
        ),
    ),
    "teaching": _section(
        "teaching",
        Field(
            "role",
            "text",
            "The role; courses with one role share a heading.",
            examples=("Teaching assistant",),
        ),
        Field("code", "text", "The course code.", examples=("CSC2503",)),
        Field(
            "title",
            "text",
            "The course title (required).",
            required=True,
            examples=("Foundations of Computer Vision",),
        ),
        Field("level", "text", "The level.", examples=("Grad",)),
        Field(
            "institution",
            "text",
            "The institution.",
            to="organisation",
            examples=("University of Toronto",),
        ),
        Field(
            "terms",
            "comma_texts",
            "The terms taught: a list or comma-separated text.",
            examples=(["Fall 2012", "Fall 2013"],),
        ),
    ),
    "service": _section(
        "service",
        Field(
            "role",
            "text",
            "The role (required).",
            required=True,
            to="title",
            examples=("Area chair",),
        ),
        Field(
            "organisation", "text", "The organisation or event.", examples=("NeurIPS",)
        ),
        Field("place", "text", "Where.", examples=("Vancouver",)),
    ),
    "honors": _section(
        "honors",
        Field(
            "title",
            "text",
            "The honour (required).",
            required=True,
            examples=("Google PhD Fellowship in Machine Learning",),
        ),
        Field("by", "text", "Who gave it.", to="organisation", examples=("Google",)),
    ),
}


def _aliases(section: str) -> tuple[str, ...]:
    return tuple(alias for alias, name in _SECTION_ALIASES.items() if name == section)


#: A whole CV: its sections. Section names are read in any case.
CV = Record(
    "cv",
    "CV",
    "A whole CV, section by section; read by the `cv` directive. Section names "
    "are read in any case.",
    (
        Field(
            "education",
            "section",
            "Degrees and studies.",
            record=SECTIONS["education"],
            aliases=_aliases("education"),
            examples=(
                [
                    {
                        "degree": "PhD",
                        "institution": "University of Toronto",
                        "start": "2010-09",
                        "end": "2015-12",
                    }
                ],
            ),
        ),
        Field(
            "positions",
            "section",
            "Positions, internships and visits.",
            record=SECTIONS["positions"],
            aliases=_aliases("positions"),
            examples=(
                [
                    {
                        "title": "Research Intern",
                        "kind": "internship",
                        "organisation": "Google",
                        "when": "Summer 2013",
                    }
                ],
            ),
        ),
        Field(
            "teaching",
            "section",
            "Courses taught.",
            record=SECTIONS["teaching"],
            aliases=_aliases("teaching"),
            examples=(
                [
                    {
                        "role": "Teaching assistant",
                        "title": "Foundations of Computer Vision",
                        "terms": ["Fall 2012"],
                    }
                ],
            ),
        ),
        Field(
            "service",
            "section",
            "Service: reviewing, committees, chairing.",
            record=SECTIONS["service"],
            aliases=_aliases("service"),
            examples=(
                [{"role": "Area chair", "organisation": "NeurIPS", "year": 2019}],
            ),
        ),
        Field(
            "honors",
            "section",
            "Honours and awards.",
            record=SECTIONS["honors"],
            aliases=_aliases("honors"),
            examples=(
                [{"title": "Google PhD Fellowship", "by": "Google", "year": 2013}],
            ),
        ),
    ),
)

#: The fields of each section: {field name in the file: field of CvEntry}.
SECTION_FIELDS = {
    section: {
        item.name: item.to or item.name
        for item in record.fields
        if item.name not in _COMMON_NAMES
    }
    for section, record in SECTIONS.items()
}
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
_ONGOING = {"present", "now", "current", "today", "ongoing"}


def parse_point(value) -> tuple[int, int | None] | str | None:
    """``2010``, ``"2010-09"``, ``"Sep 2010"`` -> ``(2010, 9)``; ``"present"`` -> ``"present"``."""
    if isinstance(value, str) and fold(value).strip() in _ONGOING:
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
    reader = FieldReader(data, source, problems, "CV")
    entries: list[CvEntry] = []
    for written, items in data.items():
        section = _SECTION_ALIASES.get(fold(written), fold(written))
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
    if section == "positions" and kind not in _POSITION_KINDS:
        reader.problem(
            Subtype.field_type,
            f"unknown position kind {short(kind)}; use one of {', '.join(_POSITION_KINDS)}",
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
