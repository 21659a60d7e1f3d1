"""Labels for the entries of the lists in LaTeX and Texinfo.

A link to a publication (from a talk, or ``:scholar:pub:``) points at the
publication's entry: a list item with an id. HTML writes that id on the item;
Sphinx's LaTeX and Texinfo writers write labels only for targets, sections,
figures and a few other nodes, so in a PDF the link would have nowhere to go
(``Hyper reference ... undefined``). For those builders, the ids of the
entries the extension makes move to a target at the start of the entry, which
the writers turn into ``\\phantomsection\\label{...}`` and ``@anchor{...}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: nodes whose ids the writers already label
LABELLED = (nodes.section, nodes.target)


def made_here(node: nodes.Element) -> bool:
    """Whether the extension made the node: its classes say so."""
    return any(name.startswith("scholar-") for name in node["classes"])


class EntryTargets(SphinxPostTransform):
    """Give each entry's ids to a target at its start (before a heading),
    after the publication lists are rendered."""

    default_priority = 20
    formats = ("latex", "texinfo")

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if not node["ids"] or isinstance(node, LABELLED) or not made_here(node):
                continue
            target = nodes.target("", "", ids=node["ids"])
            node["ids"] = []
            for node_id in target["ids"]:
                self.document.ids[node_id] = target
            if isinstance(node, nodes.rubric) and node.parent is not None:
                # a label inside a heading would need its own anchor
                node.parent.insert(node.parent.index(node), target)
            else:
                node.insert(0, target)


def setup(app: Sphinx) -> dict:
    app.add_post_transform(EntryTargets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
