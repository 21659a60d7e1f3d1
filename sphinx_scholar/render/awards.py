"""Award programmes -> docutils nodes: funded projects with their investigators,
and fellowship recipients::

    SCAN: Systematic Content Analysis of User Comments for Journalists
    Walid Maalej, Professor of Informatics, University of Hamburg
    This project aims at developing a framework ...

    Heike Adel, Fellowship in Natural Language Processing (University of Munich)
"""

from __future__ import annotations

from docutils import nodes

from ..event_model import AwardProgram, Project, Recipient
from ..text import slug
from ..translations import _
from .context import RenderContext
from .nodes import link_node, person_node

PARTS = ("program", "funding", "projects", "recipients", "description")
DEFAULT_PARTS = frozenset({"projects", "recipients"})


def investigator_line(person: Recipient, ctx: RenderContext) -> nodes.line:
    line = nodes.line(
        "", "", person_node(person.person, ctx), classes=["scholar-investigator"]
    )
    rest = ", ".join(part for part in (person.title, person.affiliation) if part)
    if rest:
        line += nodes.Text(", " + rest)
    return line


def project_item(
    project: Project, ctx: RenderContext, record: AwardProgram
) -> nodes.list_item:
    item = nodes.list_item("", classes=["scholar-project"])
    item["ids"].append(ctx.unique_id(f"project-{slug(project.title)[:50]}"))
    ctx.register(item)
    lines = nodes.line_block(classes=["scholar-entry"])
    title = link_node(project.url, project.title, record, ctx) if project.url else None
    lines += nodes.line(
        "",
        "",
        nodes.strong("", "", title or nodes.Text(project.title)),
        classes=["scholar-title"],
    )
    for person in project.investigators:
        lines += investigator_line(person, ctx)
    if project.amount:
        lines += nodes.line("", project.amount, classes=["scholar-amount"])
    item += lines
    if project.description:
        item += nodes.paragraph(
            project.description, project.description, classes=["scholar-description"]
        )
    return item


def recipient_item(
    person: Recipient, program: AwardProgram, ctx: RenderContext
) -> nodes.list_item:
    """``Heike Adel, Fellowship in Natural Language Processing (University of Munich)``."""
    item = nodes.list_item("", classes=["scholar-recipient"])
    paragraph = nodes.paragraph("", "", person_node(person.person, ctx))
    if person.field and program.award:
        what = str(_("{award} in {field}")).format(
            award=program.award, field=person.field
        )
    else:
        what = person.field or person.title
    if what:
        paragraph += nodes.Text(", " + what)
    if person.affiliation:
        paragraph += nodes.Text(f" ({person.affiliation})")
    item += paragraph
    return item


def render_awards(
    program: AwardProgram, recipients: list[Recipient], parts, ctx: RenderContext
) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    if "program" in parts:
        heading = (
            f"{program.program} {program.year}" if program.year else program.program
        )
        title = link_node(program.url, heading, program, ctx) if program.url else None
        result.append(
            nodes.paragraph(
                "",
                "",
                nodes.strong("", "", title or nodes.Text(heading)),
                classes=["scholar-program-name"],
            )
        )
    if "description" in parts and program.description:
        result.append(
            nodes.paragraph(
                program.description,
                program.description,
                classes=["scholar-description"],
            )
        )
    if "projects" in parts and program.projects:
        items = [project_item(project, ctx, program) for project in program.projects]
        result.append(
            nodes.bullet_list("", *items, classes=["scholar-projects"], bullet="-")
        )
    if "recipients" in parts and recipients:
        items = [recipient_item(person, program, ctx) for person in recipients]
        result.append(
            nodes.bullet_list("", *items, classes=["scholar-recipients"], bullet="-")
        )
    if "funding" in parts and program.funding:
        text = str(_("Each award includes funding of {funding}.")).format(
            funding=program.funding
        )
        result.append(nodes.paragraph(text, text, classes=["scholar-funding"]))
    return result
