"""Events -> docutils nodes: sponsorship lines, roles, and programme items.

::

    Google is a Platinum Sponsor of ICML 2015.

    ICML Program Committee
    Area Chair: Corinna Cortes, Samy Bengio

    Workshop on Deep Learning
    Organizer: Geoff Hinton
    Poster - A Neural Conversational Model
    Oriol Vinyals, Quoc Le
"""

from __future__ import annotations

import re
from itertools import groupby

from docutils import nodes

from ..locale import _
from ..model import Event, ProgramItem, Role
from ..text import slug
from .nodes import (
    RenderContext,
    image_node,
    link_node,
    links_nodes,
    people_nodes,
    render_groups,
)

PARTS = ("people", "roles", "contributions", "sponsors", "description", "links")
DEFAULT_PARTS = frozenset(PARTS)
DEFAULT_ROLE_FORMAT = "{role}: {people}"

KIND_HEADINGS = {
    "keynote": _("Keynotes"),
    "tutorial": _("Tutorials"),
    "session": _("Sessions"),
    "workshop": _("Workshops"),
    "challenge": _("Challenges"),
    "panel": _("Panels"),
    "talk": _("Talks"),
    "other": _("Other"),
}
CONTRIBUTION_LABELS = {
    "keynote": _("Keynote"),
    "talk": _("Talk"),
    "oral": _("Oral Presentation"),
    "poster": _("Poster"),
    "demo": _("Demo"),
    "other": "",
}


def sponsorship_nodes(event: Event, ctx: RenderContext) -> list[nodes.Node]:
    """``Google is a Platinum Sponsor of ICML 2015.``, one paragraph each."""
    result: list[nodes.Node] = []
    for sponsorship in event.sponsors:
        if sponsorship.level:
            text = str(_("{sponsor} is a {level} Sponsor of {event}.")).format(
                sponsor=sponsorship.sponsor, level=sponsorship.level, event=event.name
            )
        else:
            text = str(_("{sponsor} is a Sponsor of {event}.")).format(
                sponsor=sponsorship.sponsor, event=event.name
            )
        paragraph = nodes.paragraph("", "", classes=["scholar-sponsorship"])
        logo = image_node(
            sponsorship.logo, sponsorship.sponsor, event, ctx, "scholar-logo"
        )
        if logo is not None:
            paragraph += logo
        sponsor = None
        if sponsorship.url and text.startswith(sponsorship.sponsor):
            sponsor = link_node(sponsorship.url, sponsorship.sponsor, event, ctx)
        if sponsor is not None:
            paragraph += [sponsor, nodes.Text(text[len(sponsorship.sponsor) :])]
        else:
            paragraph += nodes.Text(text)
        result.append(paragraph)
    return result


def role_nodes(role: Role, template: str, ctx: RenderContext) -> list[nodes.Node]:
    """A role written with a template of ``{role}`` and ``{people}``."""
    result: list[nodes.Node] = []
    for piece in re.split(r"(\{role\}|\{people\})", template):
        if piece == "{role}":
            result.append(nodes.inline("", role.role, classes=["scholar-role"]))
        elif piece == "{people}":
            result += people_nodes(role.people, ctx)
        elif piece:
            result.append(nodes.Text(piece))
    return result


def roles_list(
    roles: tuple[Role, ...], template: str, ctx: RenderContext
) -> nodes.Node:
    """Roles under the headings of their groups (``ICML Program Committee``)."""
    block = nodes.line_block(classes=["scholar-roles"])
    for group, members in groupby(roles, key=lambda role: role.group):
        if group:
            block += nodes.line(
                "", "", nodes.strong(group, group), classes=["scholar-title"]
            )
        for role in members:
            block += nodes.line(
                "", "", *role_nodes(role, template, ctx), classes=["scholar-role-line"]
            )
    return block


def program_item(
    item: ProgramItem, event: Event, parts, template: str, ctx: RenderContext
) -> nodes.list_item:
    entry = nodes.list_item(
        "", classes=["scholar-program-item", f"scholar-{item.kind}"]
    )
    entry["ids"].append(ctx.unique_id(f"item-{slug(item.key)}"))
    ctx.register(entry)
    lines = nodes.line_block(classes=["scholar-entry"])
    title: nodes.Node = nodes.Text(item.title)
    if item.url:
        title = link_node(item.url, item.title, item, ctx) or title
    head = nodes.line("", "", nodes.strong("", "", title), classes=["scholar-title"])
    if "sponsors" in parts and item.sponsors:
        if list(item.sponsors) == [event.organisation]:
            head += nodes.Text(" " + str(_("(sponsor)")))
        else:
            head += nodes.Text(
                " "
                + str(_("(sponsors: {names})")).format(names=", ".join(item.sponsors))
            )
    lines += head
    if "people" in parts and item.people:
        lines += nodes.line(
            "", "", *people_nodes(item.people, ctx), classes=["scholar-authors"]
        )
    if "roles" in parts:
        for role in item.roles:
            lines += nodes.line(
                "", "", *role_nodes(role, template, ctx), classes=["scholar-role-line"]
            )
    if "contributions" in parts:
        for contribution in item.contributions:
            label = str(CONTRIBUTION_LABELS.get(contribution.kind, ""))
            text = f"{label} - {contribution.title}" if label else contribution.title
            line = nodes.line("", "", classes=["scholar-contribution"])
            if contribution.url:
                line += link_node(contribution.url, text, item, ctx) or nodes.Text(text)
            else:
                line += nodes.Text(text)
            line += links_nodes(contribution.links, item, ctx)
            lines += line
            if contribution.authors:
                lines += nodes.line(
                    "",
                    "",
                    *people_nodes(contribution.authors, ctx),
                    classes=["scholar-authors"],
                )
    links = links_nodes(item.links, item, ctx) if "links" in parts else []
    if links:
        links[0] = nodes.Text("[")
        lines += nodes.line("", "", *links, classes=["scholar-links"])
    entry += lines
    if "description" in parts and item.description:
        entry += nodes.paragraph(
            item.description, item.description, classes=["scholar-description"]
        )
    return entry


def render_program(
    groups,
    by,
    event: Event,
    parts,
    template: str,
    ctx: RenderContext,
    as_sections: bool,
):
    return render_groups(
        groups,
        by,
        lambda items: nodes.bullet_list(
            "",
            *(program_item(item, event, parts, template, ctx) for item in items),
            classes=["scholar-program"],
            bullet="-",
        ),
        KIND_HEADINGS,
        "program",
        ctx,
        as_sections,
    )
