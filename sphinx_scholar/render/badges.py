"""The node of a venue's badge, before a publication's title (the badge is
found by :mod:`.venues`): in HTML a ``<span>``, or a link, in the venue's
colour; elsewhere its text (lists there show none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .venues import Badge

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class scholar_badge(nodes.Inline, nodes.TextElement):
    """A venue's badge: in HTML a ``<span>`` (or a link) in its colour."""


def badge_node(badge: Badge) -> scholar_badge:
    node = scholar_badge("", badge.text, classes=["scholar-badge"])
    node["color"] = badge.color
    node["url"] = badge.url
    return node


def visit_badge_html(translator, node: scholar_badge) -> None:
    attributes = {}
    if node["color"]:  # a CSS colour (see .venues)
        attributes["style"] = f"--scholar-badge-color: {node['color']}"
        attributes["CLASS"] = "scholar-badge-colored"
    if node["url"]:
        translator.body.append(
            translator.starttag(node, "a", "", href=node["url"], **attributes)
        )
    else:
        translator.body.append(translator.starttag(node, "span", "", **attributes))


def depart_badge_html(translator, node: scholar_badge) -> None:
    translator.body.append("</a> " if node["url"] else "</span> ")


def _badge_text(translator, node: scholar_badge) -> None:
    """Elsewhere the badge is its text (lists show none there)."""


def setup(app: Sphinx) -> dict:
    text = (_badge_text, _badge_text)
    app.add_node(
        scholar_badge,
        html=(visit_badge_html, depart_badge_html),
        latex=text, text=text, man=text, texinfo=text,
    )  # fmt: skip
    return {"parallel_read_safe": True, "parallel_write_safe": True}
