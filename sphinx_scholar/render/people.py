"""People -> docutils nodes: a lab's member list, and a homepage's profile block."""

from __future__ import annotations

from docutils import nodes

from ..locale import _
from ..model import Link, Person
from ..text import slug
from .context import RenderContext
from .nodes import image_node, link_node, render_groups

PARTS = ("photo", "name", "role", "affiliation", "links", "areas")
DEFAULT_PARTS = frozenset(PARTS) - {"areas"}

#: How profile links are labelled.
LINK_LABELS = {
    "scholar": "Google Scholar",
    "orcid": "ORCID",
    "github": "GitHub",
    "gitlab": "GitLab",
    "cv": "CV",
    "email": _("Email"),
    "web": _("Homepage"),
    "twitter": "Twitter",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "linkedin": "LinkedIn",
    "dblp": "DBLP",
    "semanticscholar": "Semantic Scholar",
    "researchgate": "ResearchGate",
}


def photo_node(person: Person, ctx: RenderContext) -> nodes.Node | None:
    return image_node(person.photo, person.name, person, ctx, "scholar-photo")


def profile_links(
    links: tuple[Link, ...], person: Person, ctx: RenderContext
) -> list[nodes.Node]:
    """``Google Scholar · GitHub · CV``."""
    result: list[nodes.Node] = []
    for link in links:
        for file in link.files:
            label = str(LINK_LABELS.get(link.label, link.label))
            node = link_node(file.url, file.name or label, person, ctx)
            if node is None:
                continue
            if result:
                result.append(nodes.Text(" · "))
            result.append(node)
    return result


def name_node(person: Person, ctx: RenderContext) -> nodes.Node:
    node = (
        nodes.reference("", person.name, refuri=person.url, internal=False)
        if person.url
        else nodes.Text(person.name)
    )
    if ctx.highlight.covers_person(person):
        return nodes.strong("", "", node, classes=["scholar-highlight"])
    return node


def person_item(person: Person, parts, ctx: RenderContext) -> nodes.list_item:
    item = nodes.list_item("", classes=["scholar-person"])
    item["ids"].append(ctx.unique_id(f"person-{slug(person.id)}"))
    ctx.register(item)
    photo = photo_node(person, ctx) if "photo" in parts else None
    if photo is not None:
        item += photo
    lines = nodes.line_block(classes=["scholar-entry"])
    if "name" in parts:
        lines += nodes.line(
            "",
            "",
            nodes.strong("", "", name_node(person, ctx)),
            classes=["scholar-name"],
        )
    if "role" in parts and person.role:
        lines += nodes.line("", person.role, classes=["scholar-role"])
    if "affiliation" in parts and person.affiliation:
        lines += nodes.line("", person.affiliation, classes=["scholar-affiliation"])
    if "areas" in parts and person.areas:
        lines += nodes.line("", ", ".join(person.areas), classes=["scholar-areas"])
    if "links" in parts and person.links:
        links = profile_links(person.links, person, ctx)
        if links:
            lines += nodes.line("", "", *links, classes=["scholar-links"])
    item += lines
    return item


ROLE_HEADINGS: dict = {}  # roles are shown as written


def render_people(groups, by, parts, ctx: RenderContext, as_sections: bool):
    return render_groups(
        groups,
        by,
        lambda people: nodes.bullet_list(
            "",
            *(person_item(person, parts, ctx) for person in people),
            classes=["scholar-people"],
            bullet="-",
        ),
        ROLE_HEADINGS,
        "people",
        ctx,
        as_sections,
    )


def render_profile(
    person: Person, bio: list[nodes.Node], ctx: RenderContext
) -> nodes.container:
    """Photo, name, role, affiliation and links, research areas, then the bio."""
    block = nodes.container(classes=["scholar-profile"])
    block["ids"].append(ctx.unique_id(f"profile-{slug(person.id)}"))
    ctx.register(block)
    photo = photo_node(person, ctx)
    if photo is not None:
        block += photo
    lines = nodes.line_block(classes=["scholar-entry"])
    lines += nodes.line(
        "", "", nodes.strong("", "", name_node(person, ctx)), classes=["scholar-name"]
    )
    for text, cls in (
        (person.role, "scholar-role"),
        (person.affiliation, "scholar-affiliation"),
    ):
        if text:
            lines += nodes.line("", text, classes=[cls])
    links = profile_links(person.links, person, ctx)
    if links:
        lines += nodes.line("", "", *links, classes=["scholar-links"])
    block += lines
    if person.areas:
        label = str(_("Research areas"))
        block += nodes.paragraph(
            "",
            "",
            nodes.strong(label, label),
            nodes.Text(": " + ", ".join(person.areas) + "."),
            classes=["scholar-areas"],
        )
    block += bio
    return block
