"""Publication records -> docutils nodes.

One bullet list per group, one list item (class ``scholar-publication``) per
record, holding a line block: title, authors, then venue, year, notes and links
(``[pdf] [code] [slides: ppt, pptx]``), like the lists researchers write by hand.
"""

from __future__ import annotations

import json
import re

from docutils import nodes
from sphinx import addnodes

from ..citation import citation_bibtex
from ..interactive import ABSTRACT, ENTRY_DATA
from ..locale import _
from ..model import Publication
from ..text import fold
from .context import RenderContext
from .nodes import link_node, links_nodes, people_nodes, render_groups

#: the attribute of a reference whose target is a publication's own page
PAGE_KEY = "scholar_page"

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
)
DEFAULT_PARTS = frozenset(PARTS) - {"abstract"}

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
    (by default, its entries rendered now)."""
    return render_groups(
        groups,
        by,
        make_list or (lambda records: publication_list(records, parts, ctx)),
        TYPE_HEADINGS,
        "publications",
        ctx,
        as_sections,
    )


def publication_list(
    records, parts: frozenset[str], ctx: RenderContext
) -> nodes.bullet_list:
    items = [publication_item(record, parts, ctx) for record in records]
    return nodes.bullet_list("", *items, classes=["scholar-publications"], bullet="-")


def publication_item(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> nodes.list_item:
    item = nodes.list_item(
        "", ids=[ctx.anchor(record)], classes=["scholar-publication"]
    )
    if ctx.anchors is None:
        ctx.register(item)
    if ctx.interactive:
        item[ENTRY_DATA] = entry_data(record, ctx.interactive)
    lines = nodes.line_block(classes=["scholar-entry"])
    if "title" in parts:
        lines += nodes.line(
            "", "", *title_nodes(record, ctx), classes=["scholar-title"]
        )
    if "authors" in parts and record.authors:
        lines += nodes.line(
            "", "", *people_nodes(record.authors, ctx), classes=["scholar-authors"]
        )
    details = venue_nodes(record, parts, ctx)
    if details:
        lines += nodes.line("", "", *details, classes=["scholar-venue"])
    if "details" in parts and ctx.page_folder:
        # a link to the publication's own page, where the builder makes one
        details = nodes.reference(
            "", str(_("View details")), refuri="#", classes=["scholar-details-link"]
        )
        details[PAGE_KEY] = record.key
        lines += nodes.line("", "", details, classes=["scholar-details-line"])
    if "related" in parts:
        for related in record.related:
            line = nodes.line("", related.text, classes=["scholar-related"])
            line += links_nodes(related.links, record, ctx)
            lines += line
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
    return item


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


def title_nodes(record: Publication, ctx: RenderContext) -> list[nodes.Node]:
    shown = math_nodes(record.title, record.title_math)
    title = link_node(record.url, record.title, record, ctx) if record.url else None
    if title is not None and record.title_math:
        inner = title[0] if isinstance(title, addnodes.download_reference) else title
        inner.children = []
        inner.extend(shown)
        shown = [title]
    elif title is not None:
        shown = [title]
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


def venue_nodes(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> list[nodes.Node]:
    """``ICML, vol. 36, no. 6, pp. 1–9, 2019 (to appear, Oral). [pdf] [code]``."""
    pieces = []
    if "venue" in parts:
        pieces.append(record.venue)
        if record.volume:
            pieces.append(str(_("vol. {volume}")).format(volume=record.volume))
        if record.number:
            pieces.append(str(_("no. {number}")).format(number=record.number))
        if record.pages:
            pieces.append(str(_("pp. {pages}")).format(pages=record.pages))
    year = str(record.year) if "year" in parts and record.year is not None else ""
    if year and record.years:  # a range, "1984–1986"
        if not ("venue" in parts and record.years in record.venue):
            pieces.append(record.years)
    elif year and not (
        "venue" in parts and re.search(rf"(?<!\d){year}(?!\d)", record.venue)
    ):
        # not "ICML 2015, 2015"; but "arXiv:2007.12020, 2020"
        pieces.append(year)
    # a value's own trailing comma (``publisher = {Courier Corporation,}``)
    # is not doubled by the one that joins it to the next
    text = ", ".join(piece.rstrip(", ") for piece in pieces if piece.rstrip(", "))
    remarks = []
    if "year" in parts and record.status:
        remarks.append(record.status)
    if "notes" in parts:
        remarks.extend(record.notes)
    if remarks:
        text = f"{text} ({', '.join(remarks)})" if text else f"({', '.join(remarks)})"
    result: list[nodes.Node] = []
    if text:
        result.append(nodes.inline("", text + ".", classes=["scholar-details"]))
    if "links" in parts and record.links:
        links = links_nodes(record.links, record, ctx)
        if links and not text:
            links[0] = nodes.Text("[")
        if links:
            result.append(nodes.inline("", "", *links, classes=["scholar-links"]))
    return result
