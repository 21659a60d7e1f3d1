"""CV entries -> docutils nodes, each section the way CVs write it::

PhD student, Computer Science, University of Toronto
Advisor: David Fleet, Sep 2010 - Dec 2015

Research Intern, Google, Mountain View, CA USA.
Mentors: Samy Bengio, Yoram Singer - Summer 2013.

Teaching assistant for
CSC2503: Foundations of Computer Vision (Grad),
CSC411: Machine Learning and Data Mining.
"""

from __future__ import annotations

import datetime
from itertools import groupby

from docutils import nodes
from sphinx.util.i18n import format_date

from ..model import CvEntry, DateRange
from ..text import slug
from ..translations import _
from .context import RenderContext
from .nodes import grouped, links_nodes, people_nodes

SECTION_HEADINGS = {
    "positions": _("Positions"),
    "education": _("Education"),
    "honors": _("Honors and awards"),
    "teaching": _("Teaching"),
    "service": _("Service"),
}
#: The parts of an entry, in the order they are shown (``:show:``, ``:hide:``):
#: the first line, the advisors or mentors, the dates, a degree's thesis, the
#: description, the links.
PARTS = ("title", "people", "dates", "thesis", "description", "links")
DEFAULT_PARTS = frozenset(PARTS)

PEOPLE_LABELS = {
    "advisors": (_("Advisor"), _("Advisors")),
    "mentors": (_("Mentor"), _("Mentors")),
}


def format_point(point: tuple[int, int | None], language: str) -> str:
    """``Sep 2010`` in the site's language (not the build machine's)."""
    year, month = point
    if not month:
        return str(year)
    # Sphinx's annotation asks for a datetime; Babel formats a date as well
    name = format_date("%b", date=datetime.date(year, month, 1), language=language)  # type: ignore[arg-type]
    return f"{name} {year}"


def format_dates(dates: DateRange, language: str = "en") -> str:
    """``Sep 2010 - Dec 2015``, ``2018 - present``, or the text as written."""
    if dates.text:
        return dates.text
    start = format_point(dates.start, language) if dates.start else ""
    if dates.ongoing:
        end = str(_("present"))
    else:
        end = format_point(dates.end, language) if dates.end else ""
    if start and end and start != end:
        return f"{start} - {end}"
    return start or end


def render_section(
    section: str,
    entries: list[CvEntry],
    ctx: RenderContext,
    parts: frozenset[str] = DEFAULT_PARTS,
) -> nodes.Node:
    if section == "teaching":
        items = [
            teaching_item(role, list(courses), ctx, parts)
            for role, courses in groupby(entries, key=lambda e: e.role)
        ]
    else:
        items = [entry_item(entry, ctx, parts) for entry in entries]
    classes = ["scholar-cv", f"scholar-cv-{section}"]
    if ctx.cv_layout == "timeline" and ctx.pictures:
        classes.append("scholar-cv-timeline")
    return nodes.bullet_list("", *items, classes=classes, bullet="-")


def render_cv(
    sections: dict[str, list[CvEntry]],
    ctx: RenderContext,
    headings: bool,
    as_sections: bool,
    parts: frozenset[str] = DEFAULT_PARTS,
):
    result: list[nodes.Node] = []
    for section, entries in sections.items():
        body = [render_section(section, entries, ctx, parts)]
        if headings:
            result += grouped(
                str(SECTION_HEADINGS[section]), f"cv-{section}", body, ctx, as_sections
            )
        else:
            result += body
    return result


def _item(entry: CvEntry, ctx: RenderContext) -> nodes.list_item:
    item = nodes.list_item("", classes=["scholar-cv-entry"])
    item["ids"].append(ctx.unique_id(f"cv-{slug(entry.key)}"))
    ctx.register(item)
    return item


def entry_item(
    entry: CvEntry, ctx: RenderContext, parts: frozenset[str] = DEFAULT_PARTS
) -> nodes.list_item:
    item = _item(entry, ctx)
    if ctx.cv_layout == "timeline" and ctx.pictures and "dates" in parts:
        # in HTML, the dates in a column of their own, left of the entry
        dates = entry_dates(entry, ctx)
        item += nodes.inline("", dates, classes=["scholar-cv-dates"])
        item["classes"].append("scholar-cv-dated")
        parts = parts - {"dates"}
    lines = nodes.line_block(classes=["scholar-entry"])
    first = ", ".join(
        part
        for part in (entry.title, entry.field, entry.organisation, entry.place)
        if part
    )
    if first and "title" in parts:
        if entry.section == "positions":
            first += "."
        lines += nodes.line(
            "", "", nodes.strong(first, first), classes=["scholar-title"]
        )
    second = second_line(entry, ctx, parts)
    if second:
        lines += nodes.line("", "", *second, classes=["scholar-details"])
    if entry.thesis and "thesis" in parts:
        text = str(_("Thesis: {title}")).format(title=entry.thesis)
        lines += nodes.line("", text, classes=["scholar-thesis"])
    if entry.description and "description" in parts:
        lines += nodes.line("", entry.description, classes=["scholar-description"])
    item += lines
    return item


def second_line(
    entry: CvEntry, ctx: RenderContext, parts: frozenset[str] = DEFAULT_PARTS
) -> list[nodes.Node]:
    """``Advisor: David Fleet, Sep 2010 - Dec 2015`` or ``Mentors: A, B - Summer 2013.``"""
    dates = entry_dates(entry, ctx) if "dates" in parts else ""
    result: list[nodes.Node] = []
    if entry.people and "people" in parts:
        singular, plural = PEOPLE_LABELS.get(entry.people_role, (_("With"), _("With")))
        label = plural if len(entry.people) > 1 else singular
        result += [nodes.Text(f"{label}: "), *people_nodes(entry.people, ctx)]
        if dates:
            # degrees write "Advisor: X, dates"; internships "Mentors: X - dates."
            result.append(
                nodes.Text((" - " if entry.section == "positions" else ", ") + dates)
            )
    elif dates:
        result.append(nodes.Text(dates))
    if result and entry.section == "positions" and entry.people and "people" in parts:
        result.append(nodes.Text("."))
    if entry.links and "links" in parts:
        result += links_nodes(entry.links, entry, ctx)
    return result


def entry_dates(entry: CvEntry, ctx: RenderContext) -> str:
    """``Sep 2010 - Dec 2015``; an honour's or a service's year."""
    dates = format_dates(entry.dates, ctx.language)
    if not dates and entry.year is not None and entry.section in ("honors", "service"):
        dates = str(entry.year)
    return dates


def teaching_item(
    role: str,
    courses: list[CvEntry],
    ctx: RenderContext,
    parts: frozenset[str] = DEFAULT_PARTS,
) -> nodes.list_item:
    """``Teaching assistant for`` and one line per course."""
    item = _item(courses[0], ctx)
    lines = nodes.line_block(classes=["scholar-entry"])
    heading = str(_("{role} for")).format(role=role) if role else str(_("Courses"))
    lines += nodes.line(
        "", "", nodes.strong(heading, heading), classes=["scholar-title"]
    )
    for index, course in enumerate(courses):
        text = f"{course.code}: {course.title}" if course.code else course.title
        remarks = [
            part
            for part in (
                course.level,
                ", ".join(course.terms),
                format_dates(course.dates, ctx.language) if "dates" in parts else "",
            )
            if part
        ]
        if remarks:
            text += f" ({'; '.join(remarks)})"
        text += "." if index == len(courses) - 1 else ","
        line = nodes.line("", text, classes=["scholar-course"])
        if "links" in parts:
            line += links_nodes(course.links, course, ctx)
        lines += line
    item += lines
    return item
