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
from ..event_model import AwardProgram, Project, Recipient
from ..model import Author, Problem
from ..text import natural_order, slug, split_mark
from .declarations import Field, Record
from .fields import FieldReader

RECIPIENT = Record(
    "recipient",
    "recipient",
    "A recipient or investigator; `name` or `person` is required.",
    (
        Field("name", "text", "The name as shown.", examples=("Mary Somerville",)),
        Field(
            "person",
            "text",
            "The id of the person in the people registry.",
            examples=("somerville",),
        ),
        Field(
            "title",
            "text",
            "Their title or role.",
            examples=("Principal investigator",),
        ),
        Field(
            "affiliation",
            "text",
            "Their affiliation.",
            examples=("University of London",),
        ),
        Field(
            "field",
            "text",
            "The field of the award: `Fellowship in <field>`.",
            examples=("Physical Sciences",),
        ),
        Field(
            "url",
            "url",
            "Where the name links.",
            examples=("https://example.org/somerville",),
        ),
    ),
    one_of=("name", "person"),
)
PROJECT = Record(
    "project",
    "project",
    "A funded project. Only `title` is required.",
    (
        Field(
            "title",
            "text",
            "The project's title (required).",
            required=True,
            examples=("A Library of Engine Programs",),
        ),
        Field(
            "investigators",
            "records",
            "Its investigators.",
            record=RECIPIENT,
            examples=(
                [
                    {
                        "name": "Ada Lovelace",
                        "title": "Principal investigator",
                        "affiliation": "Engine Lab",
                    }
                ],
            ),
        ),
        Field(
            "description",
            "text",
            "A description.",
            examples=("Programs for the engine, written down before it is built.",),
        ),
        Field("amount", "text", "The amount awarded.", examples=("60 guineas",)),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/library",),
        ),
    ),
)
#: A whole awards file.
AWARDS = Record(
    "awards",
    "awards file",
    "An award or fellowship programme: its funded projects and its recipients. Read by the `awards` directive.",
    (
        Field(
            "program",
            "text",
            "The programme's name (required).",
            required=True,
            examples=("Computational Journalism Research Awards",),
        ),
        Field("year", "year", "The year of the awards.", examples=(2015,)),
        Field("organisation", "text", "Who gives the awards.", examples=("Google",)),
        Field(
            "url",
            "url",
            "The programme's website.",
            examples=("https://research.google/outreach/",),
        ),
        Field(
            "funding",
            "text",
            "The funding, shown with `:show: funding`.",
            examples=("up to $60,000 in cash",),
        ),
        Field(
            "award",
            "text",
            "What recipients hold: `Fellowship` makes `Fellowship in <field>`.",
            examples=("Fellowship",),
        ),
        Field(
            "projects",
            "records",
            "The funded projects.",
            record=PROJECT,
            examples=([{"title": "A Library of Engine Programs"}],),
        ),
        Field(
            "recipients",
            "records",
            "The recipients.",
            record=RECIPIENT,
            examples=([{"name": "Mary Somerville", "field": "Physical Sciences"}],),
        ),
        Field(
            "description",
            "text",
            "A description, shown with `:show: description`.",
            examples=("Awards for research in computational journalism.",),
        ),
    ),
)
FIELDS = AWARDS.names
PROJECT_FIELDS = PROJECT.names
RECIPIENT_FIELDS = RECIPIENT.names


def _recipient(sub: FieldReader) -> Recipient | None:
    sub.check_known(RECIPIENT)
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
    reader.check_known(AWARDS)
    if not reader.require("program"):
        return []
    projects = []
    for sub in reader.mappings("projects", "project"):
        sub.check_known(PROJECT)
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
