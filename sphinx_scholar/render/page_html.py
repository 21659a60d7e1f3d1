"""The HTML of a person's page's body, written straight from its nodes.

A person's page holds a few kinds of docutils nodes. Sphinx's HTML
translator, made and walked for each of many pages, costs about as much as
Sphinx takes to write a page, so these kinds are written here, with the
markup and classes the translator gives them (themes style both alike). A
node of any other kind is written by the translator. (Publication pages are
written from their records, see :mod:`sphinx_scholar.page_body`.)
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from docutils import nodes

#: elements written as one HTML element with their classes, and the tag
_ELEMENTS: dict[type, tuple[str, str, str]] = {
    # node: (tag, class added after the node's own, what follows the end tag)
    nodes.section: ("section", "", "\n"),
    nodes.paragraph: ("p", "", "\n"),
    nodes.rubric: ("p", "rubric", "\n"),
    nodes.line_block: ("div", "line-block", "\n"),
    nodes.line: ("div", "line", "\n"),
    nodes.inline: ("span", "", ""),
    nodes.strong: ("strong", "", ""),
    nodes.emphasis: ("em", "", ""),
}


#: writes a node as the builder's translator does
Translate = Callable[[nodes.Node], str]


def body_html(node: nodes.Node, translate: Translate) -> str:
    """``node`` as HTML; ``translate`` writes what this module does not know."""
    out: list[str] = []
    _write(node, out, translate)
    return "".join(out)


def _attributes(node: nodes.Element, added: str = "") -> str:
    classes = " ".join(filter(None, [*node["classes"], added]))
    text = f' class="{escape(classes)}"' if classes else ""
    if node["ids"]:
        text += f' id="{escape(node["ids"][0])}"'
    return text


def _write(node: nodes.Node, out: list[str], translate: Translate) -> None:
    if isinstance(node, nodes.Text):
        out.append(escape(str(node), quote=False))
        return
    if not isinstance(node, nodes.Element):  # docutils has none other
        out.append(translate(node))
        return
    kind = type(node)
    if kind in _ELEMENTS:
        tag, added, after = _ELEMENTS[kind]
        out.append(f"<{tag}{_attributes(node, added)}>")
        if kind is nodes.line_block or kind is nodes.section:
            out.append("\n")
        if kind is nodes.line and not node.children:
            out.append("<br />")
        _children(node, out, translate)
        out.append(f"</{tag}>{after}")
    elif kind is nodes.title and isinstance(node.parent, nodes.section):
        out.append("<h1>")
        _children(node, out, translate)
        out.append("</h1>\n")
    elif kind is nodes.reference and "refuri" in node:
        internal = node.get("internal") or False
        classes = ["reference", "internal" if internal else "external"]
        classes += node["classes"]
        href = escape(node["refuri"] or "#")
        out.append(f'<a class="{escape(" ".join(classes))}" href="{href}">')
        _children(node, out, translate)
        out.append("</a>")
    elif kind is nodes.raw and "html" in node.get("format", "").split():
        out.append(node.astext())
    else:
        out.append(translate(node))


def _children(node: nodes.Element, out: list[str], translate: Translate) -> None:
    for child in node.children:
        _write(child, out, translate)
