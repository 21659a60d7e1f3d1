"""Talk records -> docutils nodes: ``[53 mins] Title at ICML 2017. [slides]``."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes

from ..model import Talk
from ..text import slug
from ..translations import _
from .context import RenderContext
from .nodes import link_node, links_nodes, people_nodes, render_groups

PARTS = (
    "duration",
    "title",
    "event",
    "year",
    "speakers",
    "links",
    "publication",
    "abstract",
)
DEFAULT_PARTS = frozenset(PARTS) - {"abstract"}

KIND_HEADINGS = {
    "keynote": _("Keynotes"),
    "invited": _("Invited talks"),
    "lecture": _("Lectures"),
    "tutorial": _("Tutorials"),
    "conference": _("Conference talks"),
    "seminar": _("Seminars"),
    "panel": _("Panels"),
    "poster": _("Posters"),
    "other": _("Other talks"),
}


def render_talks(
    groups, by, parts, ctx: RenderContext, as_sections: bool, full_stop: bool = True
):
    """``full_stop``: whether each talk's line is a sentence, ending with a
    full stop before its links (``:full-stop: no`` leaves it out)."""
    return render_groups(
        groups,
        by,
        lambda records: talk_list(records, parts, ctx, full_stop),
        KIND_HEADINGS,
        "talks",
        ctx,
        as_sections,
    )


def talk_list(
    records: Iterable[Talk],
    parts: frozenset[str],
    ctx: RenderContext,
    full_stop: bool = True,
) -> nodes.bullet_list:
    items = [talk_item(record, parts, ctx, full_stop) for record in records]
    return nodes.bullet_list("", *items, classes=["scholar-talks"], bullet="-")


def talk_item(
    talk: Talk, parts, ctx: RenderContext, full_stop: bool = True
) -> nodes.list_item:
    item = nodes.list_item("", classes=["scholar-talk"])
    item["ids"].append(ctx.unique_id(f"talk-{slug(talk.key)}"))
    ctx.register(item)
    lines = nodes.line_block(classes=["scholar-entry"])
    lines += nodes.line(
        "", "", *headline(talk, parts, ctx, full_stop), classes=["scholar-title"]
    )
    if "speakers" in parts and talk.speakers:
        lines += nodes.line(
            "", "", *people_nodes(talk.speakers, ctx), classes=["scholar-authors"]
        )
    item += lines
    if "abstract" in parts and talk.abstract:
        item += nodes.paragraph(
            talk.abstract, talk.abstract, classes=["scholar-abstract"]
        )
    return item


def headline(
    talk: Talk, parts, ctx: RenderContext, full_stop: bool = True
) -> list[nodes.Node]:
    """``[81 mins] Lecture on "Title" at UC Berkeley, 2017. [slides] [paper]``.

    The quotes are typed straight: the site's ``smartquotes`` setting makes
    them curly, as it does those of the page's prose."""
    result: list[nodes.Node] = []
    if "duration" in parts and talk.duration is not None:
        result.append(
            nodes.inline(
                "",
                str(_("[{minutes} mins]")).format(minutes=talk.duration) + " ",
                classes=["scholar-duration"],
            )
        )
    title: nodes.Node = nodes.Text(talk.title)
    if talk.url:
        title = link_node(talk.url, talk.title, talk, ctx) or title
    if talk.kind == "lecture":
        result += [nodes.Text(str(_("Lecture on")) + ' "'), title, nodes.Text('"')]
    else:
        result.append(title)
    where = (
        [part for part in (talk.event, talk.place) if part] if "event" in parts else []
    )
    year = str(talk.year) if "year" in parts and talk.year is not None else ""
    if year and any(year in part for part in where):
        year = ""  # "at ICML 2017", not "at ICML 2017, 2017"
    tail = ""
    if where:
        tail += " " + str(_("at")) + " " + ", ".join(where)
    if year:
        tail += (", " if where else " (") + year + ("" if where else ")")
    ending = tail or ('"' if talk.kind == "lecture" else talk.title)
    if full_stop and not ending.endswith((".", "?", "!")):
        tail += "."
    if tail:
        result.append(nodes.Text(tail))
    links = links_nodes(talk.links, talk, ctx) if "links" in parts else []
    if "publication" in parts and talk.publication:
        links += [nodes.Text(" ["), publication_ref(talk.publication), nodes.Text("]")]
    if links:
        result.append(nodes.inline("", "", *links, classes=["scholar-links"]))
    return result


def publication_ref(key: str) -> addnodes.pending_xref:
    """A link to wherever the site shows the publication, resolved after reading."""
    return addnodes.pending_xref(
        "",
        nodes.inline("", str(_("paper"))),
        refdomain="scholar",
        reftype="pub",
        reftarget=key,
        refexplicit=True,
        refwarn=True,
    )
