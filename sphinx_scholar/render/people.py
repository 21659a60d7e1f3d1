"""People -> docutils nodes: a lab's member list, and a homepage's profile block."""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import cast

from docutils import nodes
from sphinx import addnodes

from ..metrics.site import note_metrics, totals_line
from ..model import Link, Person
from ..text import slug
from ..translations import _
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
    "x": "X",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "linkedin": "LinkedIn",
    "dblp": "DBLP",
    "semanticscholar": "Semantic Scholar",
    "researchgate": "ResearchGate",
}


#: The icon of each profile link label, a file of ``sphinx_scholar/icons/`` (where
#: its README says which icon set each comes from, under which licence).
ICONS = {
    "scholar": "simple-icons/googlescholar.svg",
    "orcid": "simple-icons/orcid.svg",
    "github": "simple-icons/github.svg",
    "gitlab": "simple-icons/gitlab.svg",
    "twitter": "simple-icons/x.svg",
    "x": "simple-icons/x.svg",
    "mastodon": "simple-icons/mastodon.svg",
    "bluesky": "simple-icons/bluesky.svg",
    "dblp": "simple-icons/dblp.svg",
    "semanticscholar": "simple-icons/semanticscholar.svg",
    "researchgate": "simple-icons/researchgate.svg",
    "linkedin": "bootstrap-icons/linkedin.svg",
    "email": "lucide/mail.svg",
    "cv": "lucide/file-user.svg",
    "web": "lucide/globe.svg",
}
#: the icon of any other link
LINK_ICON = "lucide/link.svg"
ICON_DIR = Path(__file__).parent.parent / "icons"
#: how the icon sets draw: filled shapes (Simple Icons, Bootstrap Icons) or
#: strokes (Lucide); either way in the text colour
SVG_PAINT = ("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")


@functools.cache
def icon_svg(relative: str) -> str:
    """The icon ``relative`` as inline SVG in the text colour, hidden from
    screen readers (the link's text names it); "" when the file is missing."""
    try:
        text = (ICON_DIR / relative).read_text(encoding="utf-8")
    except OSError:
        return ""
    root = ElementTree.fromstring(re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL))
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]
        element.tail = None
        element.text = None if element is root else element.text
    inner = "".join(
        ElementTree.tostring(child, encoding="unicode")
        for child in root
        if child.tag != "title"
    )
    paint = {name: value for name in SVG_PAINT if (value := root.get(name))}
    paint.setdefault("fill", "currentColor")
    attributes = " ".join(
        f'{name}="{html.escape(value)}"' for name, value in paint.items()
    )
    return (
        f'<svg class="scholar-icon" viewBox="{html.escape(root.get("viewBox", ""))}" '
        f'width="1.25em" height="1.25em" {attributes} aria-hidden="true" '
        f'focusable="false">{inner}</svg>'
    )


def photo_node(person: Person, ctx: RenderContext) -> nodes.Element | None:
    """The person's photo; a drawing (SVG) for the builders that show it, the
    HTML ones: LaTeX cannot include one, and text shows no picture."""
    photo = image_node(person.photo, person.name, person, ctx, "scholar-photo")
    if photo is None or not photo["uri"].lower().endswith(".svg"):
        return photo
    return addnodes.only("", photo, expr="html")


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


def icon_links(
    links: tuple[Link, ...], person: Person, ctx: RenderContext
) -> list[nodes.Node]:
    """The profile links as icons, each named by its site for screen readers
    and in a tooltip; a label the icons do not know, or one of several files,
    keeps its text beside a generic icon. Builders other than HTML show the
    text only: ``Google Scholar · GitHub · CV``."""
    result: list[nodes.Node] = []
    for link in links:
        label = str(LINK_LABELS.get(link.label, link.label))
        known = link.label in ICONS
        for file in link.files:
            text = f"{label}: {file.name}" if file.name else label
            node = link_node(file.url, text, person, ctx)
            if node is None:
                continue
            svg = icon_svg(ICONS.get(link.label, LINK_ICON)) if ctx.pictures else ""
            icon_only = known and not file.name and svg
            shown = nodes.inline(
                text,
                text,
                classes=[
                    "scholar-visually-hidden" if icon_only else "scholar-link-text"
                ],
            )
            node[:] = [nodes.raw("", svg, format="html"), shown] if svg else [shown]
            node["classes"].append("scholar-icon-link")
            node["reftitle"] = text
            if result:
                result.append(nodes.inline(" · ", " · ", classes=["scholar-sep"]))
            result.append(node)
    return result


def render_profile(
    person: Person,
    bio: list[nodes.Node],
    ctx: RenderContext,
    show_name: bool = True,
    photo_shape: str = "round",
    areas: str = "before",
) -> nodes.container:
    """The top of a homepage: the photo beside name, role, affiliation and
    icon links, then the research areas and the bio. ``show_name`` is false
    where the page's title already is the person's name; with ``areas``
    ``"after"``, the research areas follow the bio, under a heading of their
    own, as on an organisation's profile page."""
    block = nodes.container(classes=["scholar-profile"])
    block["ids"].append(ctx.unique_id(f"profile-{slug(person.id)}"))
    ctx.register(block)
    head = nodes.container(classes=["scholar-profile-head"])
    photo = photo_node(person, ctx)
    if photo is not None:
        image = (
            photo if isinstance(photo, nodes.image) else cast("nodes.image", photo[0])
        )
        image["classes"].append(f"scholar-photo-{photo_shape}")
        head += photo
    lines = nodes.line_block(classes=["scholar-entry"])
    if show_name:
        lines += nodes.line(
            "",
            "",
            nodes.strong("", "", name_node(person, ctx)),
            classes=["scholar-name"],
        )
    for text, cls in (
        (person.role, "scholar-role"),
        (person.affiliation, "scholar-affiliation"),
    ):
        if text:
            lines += nodes.line("", text, classes=[cls])
    links = icon_links(person.links, person, ctx)
    if links:
        lines += nodes.line(
            "", "", *links, classes=["scholar-links", "scholar-profile-links"]
        )
    if ctx.metrics:  # the person's citations and h-index (scholar_metrics_file)
        env = getattr(ctx.document.settings, "env", None)
        if env is not None and env.temp_data.get("docname") == ctx.docname:
            note_metrics(env)  # while the page is read
        metrics = totals_line(person, ctx.metrics, ctx.registry)
        if metrics is not None:
            lines += metrics
    if len(lines):
        head += lines
    if len(head):
        block += head
    label = str(_("Research areas"))
    if person.areas and areas != "after":
        block += nodes.paragraph(
            "",
            "",
            nodes.strong(label, label),
            nodes.Text(": " + ", ".join(person.areas) + "."),
            classes=["scholar-areas"],
        )
    block += bio
    if person.areas and areas == "after":
        block += nodes.rubric(label, label, classes=["scholar-areas-heading"])
        block += nodes.bullet_list(
            "",
            *(
                nodes.list_item("", nodes.paragraph(area, area))
                for area in person.areas
            ),
            classes=["scholar-areas", "scholar-areas-list"],
            bullet="-",
        )
    return block
