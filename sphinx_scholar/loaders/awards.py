"""Award and fellowship programmes: funded projects and recipients.

::

    program: Computational Journalism Research Awards
    year: 2015
    organisation: Google
    funding: up to $60,000 in cash
    award: Fellowship            # recipients hold a "Fellowship in <field>"
    projects:   [{title, investigators: [{name, title, affiliation}], description, amount}]
    recipients: [{name, title, affiliation, field}]
"""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import Subtype
from ..model import Author, AwardProgram, Problem, Project, Recipient
from ..text import natural_order, slug, split_mark
from .fields import FieldReader

FIELDS = (
    "program", "year", "organisation", "url", "funding", "award", "projects",
    "recipients", "description",
)  # fmt: skip
PROJECT_FIELDS = ("title", "investigators", "description", "amount", "url")
RECIPIENT_FIELDS = ("name", "person", "title", "affiliation", "field", "url")


def _recipient(sub: FieldReader) -> Recipient | None:
    sub.check_known(RECIPIENT_FIELDS)
    name, mark = split_mark(natural_order(sub.text("name")))
    if not name and not sub.text("person"):
        sub.problem(Subtype.missing_field, f"{sub.what} has no 'name'; it is left out")
        return None
    return Recipient(
        person=Author(name, mark, sub.text("person"), sub.url("url")),
        title=sub.text("title"),
        affiliation=sub.text("affiliation"),
        field=sub.text("field"),
    )


def awards_from_data(data, source: str, problems: list[Problem]) -> list[AwardProgram]:
    if not isinstance(data, Mapping):
        if not problems:
            problems.append(
                Problem(
                    Subtype.field_type,
                    "an awards file should be a mapping with 'program' and "
                    "'projects' or 'recipients'",
                    source,
                    getattr(data, "line", 1),
                )
            )
        return []
    reader = FieldReader(data, source, problems, "awards file")
    reader.check_known(FIELDS)
    if not reader.require("program"):
        return []
    projects = []
    for sub in reader.mappings("projects", "project"):
        sub.check_known(PROJECT_FIELDS)
        if not sub.require("title"):
            continue
        investigators = tuple(
            found
            for person in sub.mappings("investigators", "investigator")
            if (found := _recipient(person)) is not None
        )
        projects.append(
            Project(
                title=sub.text("title"),
                investigators=investigators,
                description=sub.text("description"),
                amount=sub.text("amount"),
                url=sub.url("url"),
            )
        )
    recipients = tuple(
        found
        for sub in reader.mappings("recipients", "recipient")
        if (found := _recipient(sub)) is not None
    )
    program = reader.text("program")
    year = reader.year("year")
    return [
        AwardProgram(
            key=slug(f"{program} {year or ''}".strip()),
            program=program,
            year=year,
            organisation=reader.text("organisation"),
            url=reader.url("url"),
            funding=reader.text("funding"),
            award=reader.text("award"),
            projects=tuple(projects),
            recipients=recipients,
            description=reader.text("description"),
            source=source,
            line=reader.line,
        )
    ]
