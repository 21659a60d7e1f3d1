"""Small builders of docutils nodes shared by every list the extension renders.

Only standard docutils and Sphinx nodes are made, so every builder (html,
latex, text, man, epub, ...) has a rendering; HTML gets classes to style.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from ..model import Author, Link, Person
from ..people import Highlight, Registry


@dataclass
class RenderContext:
    """What rendering needs to know about the page and the site."""

    document: nodes.document
    docname: str
    srcdir: str
    registry: Registry
    highlight: Highlight

    def unique_id(self, base: str) -> str:
        """An HTML id not yet used in this document, made from ``base``."""
        candidate, number = base, 1
        while candidate in self.document.ids:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def register(self, node: nodes.Element) -> None:
        self.document.set_id(node)


def is_external(url: str) -> bool:
    return "://" in url or url.startswith(("//", "mailto:"))


def link_node(url: str, text: str, source: str, ctx: RenderContext) -> nodes.Node:
    """A reference to ``url``; a relative path is a file next to the data file,
    which Sphinx copies into the output like a ``:download:`` target."""
    if is_external(url):
        return nodes.reference("", text, refuri=url, internal=False)
    target = os.path.normpath(os.path.join(os.path.dirname(source), url))
    relative = os.path.relpath(target, ctx.srcdir).replace(os.sep, "/")
    return addnodes.download_reference(
        "",
        "",
        nodes.inline("", text),
        reftarget="/" + relative,
        refdoc=ctx.docname,
        refdomain="",
        reftype="download",
        refexplicit=True,
        refwarn=False,
    )


def links_nodes(links: tuple[Link, ...], source: str, ctx: RenderContext) -> list[nodes.Node]:
    """``[pdf] [code] [slides: ppt, pptx]``."""
    result: list[nodes.Node] = []
    for link in links:
        result.append(nodes.Text(" ["))
        if len(link.files) == 1 and not link.files[0].name:
            result.append(link_node(link.files[0].url, link.label, source, ctx))
        else:
            result.append(nodes.Text(f"{link.label}: "))
            for index, file in enumerate(link.files):
                if index:
                    result.append(nodes.Text(", "))
                result.append(link_node(file.url, file.name or link.label, source, ctx))
        result.append(nodes.Text("]"))
    return result


def person_node(author: Author, ctx: RenderContext) -> nodes.Node:
    """An author: linked when the registry knows them, strong when highlighted."""
    person: Person | None = ctx.registry.match(author)
    text = author.display
    url = author.url or (person.url if person else "")
    node: nodes.Node = (
        nodes.reference("", text, refuri=url, internal=False) if url else nodes.Text(text)
    )
    if ctx.highlight.covers(author, person):
        node = nodes.strong("", "", node, classes=["scholar-highlight"])
    return node


def people_nodes(authors: tuple[Author, ...], ctx: RenderContext) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, author in enumerate(authors):
        if index:
            result.append(nodes.Text(", "))
        result.append(person_node(author, ctx))
    return result


def grouped(
    title: str, node_id: str, body: list[nodes.Node], ctx: RenderContext, as_section: bool
) -> list[nodes.Node]:
    """A group under its heading: a real section (so it is in the page's table
    of contents) where sections are allowed, a rubric elsewhere."""
    if not as_section:
        rubric = nodes.rubric(title, title, ids=[ctx.unique_id(node_id)], classes=["scholar-group"])
        ctx.register(rubric)
        return [rubric, *body]
    section = nodes.section("", nodes.title(title, title), *body, ids=[ctx.unique_id(node_id)])
    section["classes"].append("scholar-group")
    ctx.register(section)
    return [section]
