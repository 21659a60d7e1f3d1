"""The fields of a CV file, declared once: its sections, and the fields of
the entries of each.

:mod:`.cv` reads CV files by them; the JSON Schemas and the reference are
made from them.
"""

from __future__ import annotations

from .declarations import Choice, Field, Record
from .publication_fields import AUTHOR, LINKS

#: Other names of sections, read as the section they name.
SECTION_ALIASES = {
    "honours": "honors",
    "awards": "honors",
    "experience": "positions",
    "employment": "positions",
}
#: The kinds of positions, the default first.
POSITION_KINDS = ("position", "internship", "visit")

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
                "position kind", POSITION_KINDS, default="position", folded=False
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
    return tuple(alias for alias, name in SECTION_ALIASES.items() if name == section)


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

#: The words an entry's ``end`` may be instead of a date, for one still going on.
ONGOING = {"present", "now", "current", "today", "ongoing"}
