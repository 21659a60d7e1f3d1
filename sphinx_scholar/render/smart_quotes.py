"""Smart quotes for what is rendered when a page is written: Sphinx gives
them to the text of a page when it reads it, before the lists and
publication pages are made."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.utils import new_document
from sphinx.transforms import SphinxSmartQuotes

#: what smart quotes may change: quotes, dashes, ellipses, escapes
TYPOGRAPHY = re.compile(r"[\"'`\\]|--|\.\s?\.")


def educate(node: nodes.Element, document: nodes.document) -> None:
    """Smart quotes, as Sphinx gives the text of a page when reading it; only
    on the blocks of ``node`` with a character to change (changing every text
    node of a long list costs more than rendering it)."""
    if not TYPOGRAPHY.search(node.astext()):
        return
    blocks: list[nodes.Node] = [
        block
        for block in node.findall(nodes.TextElement)
        if not isinstance(block.parent, nodes.TextElement)
        and not isinstance(block, nodes.FixedTextElement)  # code keeps its quotes
        and TYPOGRAPHY.search(block.astext())
    ]
    if not blocks:
        return
    holder = new_document(document.get("source", ""), document.settings)
    # The transform walks the holder's children; the blocks stay in their
    # places (and languages) in the page.
    holder.children = blocks
    SphinxSmartQuotes(holder, holder).apply()
    holder.children = []
