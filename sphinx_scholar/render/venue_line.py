"""The venue line of a publication entry: ``ICML, vol. 36, no. 6, pp. 1–9,
2019 (to appear, Oral).`` then its links, or the line a format of the site
writes (see :mod:`.venue_format`)."""

from __future__ import annotations

import re

from docutils import nodes

from ..model import Publication
from ..translations import _
from .context import RenderContext
from .nodes import links_nodes
from .venue_format import format_venue


def venue_nodes(
    record: Publication, parts: frozenset[str], ctx: RenderContext
) -> list[nodes.Node]:
    """``ICML, vol. 36, no. 6, pp. 1–9, 2019 (to appear, Oral). [pdf] [code]``."""
    return venue_line(venue_text(record, parts, ctx), record, parts, ctx)


def venue_text(
    record: Publication, parts: frozenset[str], ctx: RenderContext | None
) -> str:
    """The venue line's words, ended: ``ICML, vol. 36, 2019 (Oral).``, or
    what the site's format writes; "" for none."""
    if ctx is not None and ctx.venue_format:  # ``scholar_venue_format``
        return format_venue(record, parts, ctx.venue_format)
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
    return text + "." if text else ""


def venue_line(
    text: str, record: Publication, parts, ctx: RenderContext
) -> list[nodes.Node]:
    """The venue line's text (see :func:`venue_text`), then the links."""
    result: list[nodes.Node] = []
    if text:
        result.append(nodes.inline("", text, classes=["scholar-details"]))
    if "links" in parts and record.links:
        links = links_nodes(record.links, record, ctx)
        if links and not text:
            links[0] = nodes.Text("[")
        if links:
            result.append(nodes.inline("", "", *links, classes=["scholar-links"]))
    return result
