"""Publication records -> docutils nodes.

One bullet list per group, one list item (class ``scholar-publication``) per
record, holding a line block: title, authors, then venue, year and notes. In
HTML the entry is compact (``scholar_entry_style = "buttons"``, the default):
a venue badge and a thumbnail when the record has them, the title linking to
the publication's page, and one row of small buttons (PDF, Code, a group
"Slides: ppt pptx", Details); the list's script adds its Abstract and BibTeX
toggles to the same row. The ``brackets`` style, and every other builder,
write the links as text after the venue (``[pdf] [code] [slides: ppt,
pptx]``), like the lists researchers write by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx import addnodes

from ..citation import citation_bibtex
from ..interactive import ABSTRACT, ENTRY_DATA
from ..metrics.site import citations_node
from ..model import Link, LinkFile, Publication
from ..text import fold, slug
from ..translations import _
from .author_list import author_nodes, marks_legend
from .badges import badge_node
from .context import RenderContext
from .csl import entry_nodes
from .nodes import image_node, link_node, links_nodes, render_groups
from .venue_line import venue_nodes
from .venues import badge_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the attribute of a reference whose target is a publication's own page
PAGE_KEY = "scholar_page"
#: the attribute of a title that links to the publication's own page when the
#: builder makes it, else to its ``refuri`` (the record's url), else nowhere
TITLE_PAGE_KEY = "scholar_title_page"

#: how known link labels read on a button
BUTTON_LABELS = {
    "pdf": _("PDF"),
    "code": _("Code"),
    "web": _("Web"),
    "slides": _("Slides"),
    "poster": _("Poster"),
    "video": _("Video"),
    "dataset": _("Dataset"),
    "supplemental": _("Supplement"),
    "arxiv": _("arXiv"),
    "doi": _("DOI"),
}

#: The parts of an entry, in the order they are shown, and which show by default.
PARTS = (
    "title",
    "authors",
    "venue",
    "year",
    "notes",
    "links",
    "details",
    "related",
    "abstract",
    "preview",
    "citations",
)
DEFAULT_PARTS = frozenset(PARTS) - {"abstract", "citations"}

TYPE_HEADINGS = {
    "journal": _("Journal articles"),
    "conference": _("Conference papers"),
    "workshop": _("Workshop papers"),
    "chapter": _("Book chapters"),
    "book": _("Books"),
    "thesis": _("Theses"),
    "report": _("Technical reports"),
    "preprint": _("Preprints"),
    "patent": _("Patents"),
    "other": _("Other"),
}


def render_publications(
    groups, by, parts, ctx: RenderContext, as_sections: bool, make_list=None
):
    """Each group under its heading; ``make_list`` makes a group's list
    (by default, its entries rendered now). The authors' marks are
    explained under the whole list."""
    result = render_groups(
        groups,
        by,
        make_list or (lambda records: publication_list(records, parts, ctx)),
        TYPE_HEADINGS,
        "publications",
        ctx,
        as_sections,
    )
    legend = (
        marks_legend([r for group in groups for r in group.records], ctx)
        if "authors" in parts
        else None
    )
    if legend is not None and result:
        if isinstance(result[-1], nodes.section):
            result[-1] += legend  # nothing may follow a section but a section
        else:
            result.append(legend)
    return result


def publication_list(
    records: Iterable[Publication], parts: frozenset[str], ctx: RenderContext
) -> nodes.bullet_list:
    items = [publication_item(record, parts, ctx) for record in records]
    return nodes.bullet_list("", *items, classes=["scholar-publications"], bullet="-")


def publication_item(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> nodes.list_item:
    buttons = ctx.buttons and ctx.entry_style == "buttons"
    item = nodes.list_item(
        "",
        ids=[ctx.anchor(record)],
        classes=["scholar-publication"]
        + (["scholar-entry-buttons"] if buttons else []),
    )
    if ctx.anchors is None:
        ctx.register(item)
    if ctx.interactive:
        item[ENTRY_DATA] = entry_data(record, ctx.interactive)
    if ctx.pictures and "preview" in parts and record.preview:
        thumbnail = image_node(record.preview, "", record, ctx, "scholar-thumbnail")
        if thumbnail is not None:
            item += thumbnail
            item["classes"].append("scholar-has-thumbnail")
    lines = nodes.line_block(classes=["scholar-entry"])
    styled = ctx.styled.get(record.key) if ctx.styled else None
    if styled is not None:  # a citation style (see :mod:`.csl`)
        lines += styled_line(styled, record, parts, ctx, buttons)
        # the style wrote these; links follow it (in brackets) or are buttons
        parts = parts - {"title", "authors", "venue", "year", "notes"}
        if not buttons:
            parts = parts - {"links"}
    # the usual lines as HTML where the page is HTML (see :mod:`.entry_html`)
    html = ctx.entry_html if buttons else None
    if "title" in parts and record.title:  # none when ``title_unknown``
        badge = badge_of(record, ctx.venues or {}) if ctx.pictures else None
        if badge is not None and "venue" not in parts:
            badge = None
        to_page = buttons and "details" in parts
        written = html.title(record, ctx, badge, to_page) if html else None
        if written is not None:
            lines += written
        else:
            title = nodes.line("", "", classes=["scholar-title"])
            if badge is not None:
                title += badge_node(badge)
            title += title_nodes(record, ctx, to_page=to_page)
            lines += title
    if "authors" in parts and record.authors:
        written = html.authors(record, ctx) if html else None
        lines += (
            written
            if written is not None
            else nodes.line(
                "",
                "",
                *author_nodes(record.authors, ctx, ctx.highlight_links),
                classes=["scholar-authors"],
            )
        )
    if html is not None:
        venue = html.venue(record, parts - {"links"}, ctx)
        if venue is not None:
            lines += venue
    else:
        details = venue_nodes(record, parts - {"links"} if buttons else parts, ctx)
        if details:
            lines += nodes.line("", "", *details, classes=["scholar-venue"])
    details_line = None
    if "details" in parts and ctx.page_folder and not buttons:
        # a link to the publication's own page, where the builder makes one
        details_link = nodes.reference(
            "", str(_("View details")), refuri="#", classes=["scholar-details-link"]
        )
        details_link[PAGE_KEY] = record.key
        if ctx.details_last:  # after the abstract (see :mod:`..interactive`)
            details_line = nodes.paragraph(
                "", "", details_link, classes=["scholar-details-line"]
            )
        else:
            lines += nodes.line("", "", details_link, classes=["scholar-details-line"])
    if "related" in parts:
        for related in record.related:
            line = nodes.line("", related.text, classes=["scholar-related"])
            line += links_nodes(related.links, record, ctx)
            lines += line
    if "citations" in parts and ctx.metrics:
        work = ctx.metrics.get(record.key)
        cited = citations_node(work.best() if work else None, ctx.pictures)
        if cited is not None:
            lines += nodes.line("", "", cited, classes=["scholar-citations-line"])
    if buttons:
        written_row = html.buttons(record, parts, ctx) if html else None
        if written_row is not None:
            lines += written_row
        else:
            row = button_row(record, parts, ctx)
            if len(row):
                lines += row
    item += lines
    if "abstract" in parts and record.abstract:
        item += nodes.paragraph(
            record.abstract,
            "",
            *math_nodes(record.abstract, record.abstract_math),
            classes=["scholar-abstract"],
        )
    elif "abstract" in ctx.interactive and record.abstract:
        item[ABSTRACT] = record.abstract  # added for the script, in HTML only
    if details_line is not None:
        item += details_line
    if ctx.details_last and buttons:
        item["classes"].append("scholar-details-last")  # moved by the script
    return item


def styled_line(
    markup: str,
    record: Publication,
    parts: frozenset[str],
    ctx: RenderContext,
    buttons: bool,
) -> nodes.line:
    """The entry in a citation style, its status and notes, and (without
    buttons) its links in brackets."""
    title = nodes.reference("", "", internal=False)
    if buttons and "details" in parts and ctx.page_folder:
        title[TITLE_PAGE_KEY] = record.key
    if record.url:
        title["refuri"] = record.url
    line = nodes.line("", "", *entry_nodes(markup, title), classes=["scholar-citation"])
    if not title.get("refuri") and TITLE_PAGE_KEY not in title:
        title.replace_self(title.children)  # no address: the title as text
    remarks = ([record.status] if record.status else []) + list(record.notes)
    if remarks:
        line += nodes.Text(f" ({', '.join(remarks)})")
    if not buttons and "links" in parts:
        line += links_nodes(record.links, record, ctx)
    return line


def button_row(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> nodes.line:
    """The entry's links as one row of small buttons: ``PDF``, ``Code``, a
    group ``Slides: ppt pptx``, the title's own address when the title links
    to the page, and ``Details``. It is the last line of the entry's line
    block, so that the list's script (which puts its Abstract and BibTeX
    toggles right after the line block) and the stylesheet make one row."""
    row = nodes.line("", "", classes=["scholar-buttons"])
    for link in button_links(record, parts, ctx):
        label = str(BUTTON_LABELS.get(link.label.lower(), link.label))
        single = len(link.files) == 1 and not link.files[0].name
        kind = slug(link.label) or "link"
        if single:
            node = link_node(link.files[0].url, label, record, ctx)
            if node is not None:
                node["classes"] += ["scholar-button", f"scholar-button-{kind}"]
                row += node
            continue
        files = []
        for file in link.files:
            node = link_node(file.url, file.name or label, record, ctx)
            if node is not None:
                node["classes"].append("scholar-button")
                files.append(node)
        if files:
            row += nodes.inline(
                "",
                "",
                nodes.inline("", label, classes=["scholar-button-label"]),
                *files,
                classes=["scholar-button-group", f"scholar-button-{kind}"],
            )
    if "details" in parts and ctx.page_folder:
        details = nodes.reference(
            "",
            str(_("Details")),
            refuri="#",
            classes=["scholar-button", "scholar-details-link"],
        )
        details[PAGE_KEY] = record.key
        # removed with its holder when the builder makes no page
        row += nodes.inline("", "", details, classes=["scholar-button-holder"])
    return row


def button_links(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> list[Link]:
    """The links of an entry's buttons: its own, and the title's address
    where the title links to the publication's page instead."""
    links = list(record.links) if "links" in parts else []
    if (
        record.url
        and ctx.page_folder
        and {"details", "title"} <= parts
        and not any(file.url == record.url for link in links for file in link.files)
    ):
        label = "web" if not any(link.label == "web" for link in links) else "link"
        links.insert(0, Link(label, (LinkFile(record.url),)))
    return links


def entry_data(record: Publication, features: frozenset[str]) -> dict:
    """What an interactive list's script sorts and filters each entry by."""
    data = {
        "year": record.year,
        "title": fold(record.title),
        "type": record.type,
        "type-label": str(TYPE_HEADINGS.get(record.type, record.type)),
        "tags": json.dumps(list(record.tags), ensure_ascii=False),
    }
    if "bibtex" in features:
        data["bibtex"] = citation_bibtex(record)
    return data


def shown_title(record: Publication) -> str:
    """The title, or "Untitled" where it is not known (``title_unknown``):
    for the publication's page and feed, which need one."""
    return record.title or str(_("Untitled"))


def title_nodes(
    record: Publication, ctx: RenderContext, to_page: bool = False
) -> list[nodes.Node]:
    """The title, bold, linking to the record's url; with ``to_page``, to the
    publication's own page when the builder makes one (see :func:`setup`)."""
    shown = math_nodes(record.title, record.title_math)
    if to_page and ctx.page_folder:
        title = nodes.reference("", "", *shown, internal=False)
        if record.url:
            title["refuri"] = record.url
        title[TITLE_PAGE_KEY] = record.key
        return [nodes.strong("", "", title)]
    linked = link_node(record.url, record.title, record, ctx) if record.url else None
    if linked is not None and record.title_math:
        inner = linked
        if isinstance(linked, addnodes.download_reference):
            inner = cast("nodes.inline", linked[0])  # its text (see link_node)
        inner.children = []
        inner.extend(shown)
        shown = [linked]
    elif linked is not None:
        shown = [linked]
    return [nodes.strong("", "", *shown)]


def math_nodes(text: str, pieces: tuple[str, ...] | None) -> list[nodes.Node]:
    """A title or abstract: its text, with its math (``$...$`` as written)
    as Sphinx's math nodes, which every builder writes as math (MathJax in
    HTML, ``\\(...\\)`` in LaTeX)."""
    if not pieces:
        return [nodes.Text(text)]
    shown: list[nodes.Node] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            shown.append(nodes.math(f"${piece}$", piece))
        elif piece:
            shown.append(nodes.Text(piece))
    return shown


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_scholar.render.badges")
    app.setup_extension("sphinx_scholar.render.entry_html")
    app.setup_extension("sphinx_scholar.render.thumbnails")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
