"""A block a reader opens: in HTML a ``<details>`` element, closed unless
asked; elsewhere (LaTeX, text, man pages, e-books) its content, shown.

``:collapse-before:`` puts the older years of a list in one: a homepage
shows the recent work and keeps the rest one click away.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class fold(nodes.General, nodes.Element):
    """Content under a one-line summary; ``open`` says whether it starts open."""


def fold_node(summary: str, body: list[nodes.Node], open_: bool = False) -> fold:
    node = fold("", *body, summary=summary, classes=["scholar-fold"])
    node["open"] = open_
    return node


def visit_fold_html(translator, node: fold) -> None:
    # e-book readers may not open a <details>: the content is shown
    if translator.builder.name.startswith("epub"):
        return
    opened = " open" if node["open"] else ""
    classes = " ".join(node["classes"])
    translator.body.append(
        f'<details class="{html.escape(classes)}"{opened}>'
        f"<summary>{html.escape(node['summary'])}</summary>\n"
    )


def depart_fold_html(translator, node: fold) -> None:
    if not translator.builder.name.startswith("epub"):
        translator.body.append("</details>\n")


def _shown(translator, node: fold) -> None:
    """Builders that cannot fold show the content."""


def setup(app: Sphinx) -> dict:
    shown = (_shown, _shown)
    app.add_node(
        fold,
        html=(visit_fold_html, depart_fold_html),
        latex=shown, text=shown, man=shown, texinfo=shown,
    )  # fmt: skip
    return {"parallel_read_safe": True, "parallel_write_safe": True}
