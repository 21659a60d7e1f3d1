"""Events -> docutils nodes: sponsorship lines, roles, and programme items.

::

    Google is a Platinum Sponsor of ICML 2015.

    ICML Program Committee
    Area Chair: Corinna Cortes, Samy Bengio

    Workshop on Deep Learning
    Organizer: Geoff Hinton
    Poster - A Neural Conversational Model
    Oriol Vinyals, Quoc Le

    Program Committee includes: Apostol Natsev
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from docutils import nodes

from ..event_model import Event, ProgramItem, Role
from ..text import slug
from ..translations import _
from .nodes import (
    RenderContext,
    image_node,
    link_node,
    links_nodes,
    people_nodes,
    render_groups,
)

PARTS = (
    "people",
    "roles",
    "contributions",
    "sponsors",
    "description",
    "links",
    # the link to the event's calendar file, from the page's first directive
    "calendar",
)
DEFAULT_PARTS = frozenset(PARTS)
DEFAULT_ROLE_FORMAT = "{role}: {people}"
#: a contribution's line, then (without ``{authors}`` in it) its authors' line
DEFAULT_CONTRIBUTION_FORMAT = "{label} - {title}"
CONTRIBUTION_FIELDS = ("{label}", "{title}", "{authors}")
DEFAULT_PEOPLE_JOIN = "comma"


@dataclass(frozen=True)
class Wording:
    """How a directive writes roles and contributions: its ``:role-format:``,
    ``:people-join:`` and ``:contribution-format:``."""

    role_format: str = DEFAULT_ROLE_FORMAT
    people_join: str = DEFAULT_PEOPLE_JOIN
    contribution_format: str = DEFAULT_CONTRIBUTION_FORMAT


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


def role_name(role: Role) -> str:
    """The role as written, or, when the people are only the organisation's
    share of it, "Program Committee includes" ("Program Organizers include")."""
    if not role.partial:
        return role.role
    last = role.role.split()[-1] if role.role.split() else ""
    plural = last.lower().endswith("s") and not last.lower().endswith("ss")
    template = _("{role} include") if plural else _("{role} includes")
    return str(template).format(role=role.role)


def joined_people(people, join: str, ctx: RenderContext) -> list[nodes.Node]:
    """The people, the last two joined as ``join`` says: ``comma`` (A, B, C),
    ``and`` (A, B and C), ``oxford`` (A, B, and C), ``ampersand`` (A, B & C)."""
    if join == "comma" or len(people) < 2:
        return people_nodes(people, ctx)
    word = "&" if join == "ampersand" else str(_("and"))
    comma = "," if join == "oxford" and len(people) > 2 else ""
    return [
        *people_nodes(people[:-1], ctx),
        nodes.Text(f"{comma} {word} "),
        *people_nodes(people[-1:], ctx),
    ]


def role_nodes(
    role: Role, template: str, ctx: RenderContext, join: str = DEFAULT_PEOPLE_JOIN
) -> list[nodes.Node]:
    """A role written with a template of ``{role}`` and ``{people}``; the
    role's own ``join`` before the directive's."""
    result: list[nodes.Node] = []
    for piece in re.split(r"(\{role\}|\{people\})", template):
        if piece == "{role}":
            name = role_name(role)
            result.append(nodes.inline("", name, classes=["scholar-role"]))
        elif piece == "{people}":
            result += joined_people(role.people, role.join or join, ctx)
        elif piece:
            result.append(nodes.Text(piece))
    return result


def roles_list(
    roles: tuple[Role, ...], wording: Wording, ctx: RenderContext
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
                "",
                "",
                *role_nodes(role, wording.role_format, ctx, wording.people_join),
                classes=["scholar-role-line"],
            )
    return block


def contribution_nodes(
    contribution, item: ProgramItem, wording: Wording, ctx: RenderContext
) -> list[nodes.Node]:
    """A contribution's line, written with the directive's template of
    ``{label}``, ``{title}`` and ``{authors}``, and, when the template has no
    ``{authors}``, the line of its authors. Without a label, the template's
    ``{label}`` and what follows it up to the next field are left out."""
    label = str(CONTRIBUTION_LABELS.get(contribution.kind, ""))
    line = nodes.line("", "", classes=["scholar-contribution"])
    skipping = False
    for piece in re.split(
        r"(\{label\}|\{title\}|\{authors\})", wording.contribution_format
    ):
        if piece in CONTRIBUTION_FIELDS:
            skipping = False
        if piece == "{label}":
            skipping = not label
            if label:
                line += nodes.Text(label)
        elif piece == "{title}":
            title = contribution.title
            if contribution.url:
                line += link_node(contribution.url, title, item, ctx) or nodes.Text(
                    title
                )
            else:
                line += nodes.Text(title)
        elif piece == "{authors}":
            line += people_nodes(contribution.authors, ctx)
        elif piece and not skipping:
            line += nodes.Text(piece)
    line += links_nodes(contribution.links, item, ctx)
    result: list[nodes.Node] = [line]
    if contribution.authors and "{authors}" not in wording.contribution_format:
        result.append(
            nodes.line(
                "",
                "",
                *people_nodes(contribution.authors, ctx),
                classes=["scholar-authors"],
            )
        )
    return result


def program_item(
    item: ProgramItem, event: Event, parts, wording: Wording, ctx: RenderContext
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
                "",
                "",
                *role_nodes(role, wording.role_format, ctx, wording.people_join),
                classes=["scholar-role-line"],
            )
    if "contributions" in parts:
        for contribution in item.contributions:
            lines += contribution_nodes(contribution, item, wording, ctx)
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
    wording: Wording,
    ctx: RenderContext,
    as_sections: bool,
):
    return render_groups(
        groups,
        by,
        lambda items: nodes.bullet_list(
            "",
            *(program_item(item, event, parts, wording, ctx) for item in items),
            classes=["scholar-program"],
            bullet="-",
        ),
        KIND_HEADINGS,
        "program",
        ctx,
        as_sections,
    )
