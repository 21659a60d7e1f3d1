"""Small builders of docutils nodes shared by every list the extension renders.

Only standard docutils and Sphinx nodes are made, so every builder (html,
latex, text, man, epub, ...) has a rendering; HTML gets classes to style.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from docutils import nodes
from sphinx import addnodes

from ..diagnostics import Subtype, warn_in_file
from ..locale import _
from ..model import Author, Link, Person
from ..query import Group
from ..text import slug
from .context import OUTSIDE, RenderContext


def is_external(url: str) -> bool:
    return "://" in url or url.startswith(("//", "mailto:"))


def link_node(url: str, text: str, record, ctx: RenderContext) -> nodes.Node | None:
    """A reference to ``url``. A relative path names a file of the site, which
    Sphinx copies into the output like a ``:download:`` target; a file that
    cannot be found is reported and left out."""
    if is_external(url):
        return nodes.reference("", text, refuri=url, internal=False)
    if ctx.downloads is not None:
        # registered while reading (and reported there when missing)
        if url not in ctx.downloads:
            return None
        relative, filename = ctx.downloads[url]
    else:
        target = site_file(url, record, ctx)
        if target is None:
            return None
        relative = os.path.relpath(target, ctx.srcdir).replace(os.sep, "/")
    node = addnodes.download_reference(
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
    if ctx.downloads is not None:
        node["filename"] = filename
    return node


def site_file(url: str, record, ctx: RenderContext) -> str | None:
    """The file of the site a relative link names; reported when missing."""
    target = ctx.find_file(url.split("#")[0].split("?")[0], record)
    if target == OUTSIDE:
        return None
    if target is None and ctx.report_files:
        looked = ", ".join(
            os.path.relpath(folder, ctx.srcdir)
            for folder in (os.path.dirname(record.source), *ctx.file_dirs)
        )
        warn_in_file(
            f"{record.key!r} links to {url!r}, which is in none of: {looked} "
            "(add its folder to scholar_file_dirs); the link is left out",
            Subtype.file,
            record.source,
            record.line,
        )
    return target


def image_node(
    uri: str, alt: str, record, ctx: RenderContext, cls: str
) -> nodes.Node | None:
    """A picture (a photo, a logo); a file of the site is looked up like a link's.

    Only an ``http(s)`` address is a picture of another site. Sphinx copies
    any other into the output as a file of the machine (``//etc/passwd``
    would be ``/etc/passwd``), so any other is looked up as a file of the
    site; a protocol-relative address (``//host/photo.jpg``) is the host's,
    over https."""
    if not uri:
        return None
    if uri.startswith("//") and not uri.startswith("///"):
        host = uri[2:].split("/", 1)[0]
        if "." in host and not host.startswith("."):
            uri = "https:" + uri
    if not uri.lower().startswith(("http://", "https://")):
        found = ctx.find_file(uri, record)
        if found == OUTSIDE:
            return None
        if found is None:
            warn_in_file(
                f"picture {uri!r} of {record.key!r} not found; it is left out",
                Subtype.file,
                record.source,
                record.line,
            )
            return None
        uri = "/" + os.path.relpath(found, ctx.srcdir).replace(os.sep, "/")
    return nodes.image(uri=uri, alt=alt, classes=[cls])


def links_nodes(
    links: tuple[Link, ...], record, ctx: RenderContext
) -> list[nodes.Node]:
    """``[pdf] [code] [slides: ppt, pptx]``."""
    result: list[nodes.Node] = []
    for link in links:
        single = len(link.files) == 1 and not link.files[0].name
        files = [
            node
            for file in link.files
            if (
                node := link_node(
                    file.url,
                    link.label if single else file.name or link.label,
                    record,
                    ctx,
                )
            )
        ]
        if not files:
            continue
        result.append(nodes.Text(" ["))
        if not single:
            result.append(nodes.Text(f"{link.label}: "))
        for index, node in enumerate(files):
            if index:
                result.append(nodes.Text(", "))
            result.append(node)
        result.append(nodes.Text("]"))
    return result


def person_node(author: Author, ctx: RenderContext) -> nodes.Node:
    """An author: linked when the registry knows them, strong when highlighted."""
    person: Person | None = ctx.registry.match(author)
    text = (
        author.display
        if author.name
        else (person.name if person else author.person) + author.mark
    )
    url = author.url or (person.url if person else "")
    node: nodes.Node = (
        nodes.reference("", text, refuri=url, internal=False)
        if url
        else nodes.Text(text)
    )
    if ctx.highlight.covers(author, person):
        node = nodes.strong("", "", node, classes=["scholar-highlight"])
    return node


def people_nodes(authors: tuple[Author, ...], ctx: RenderContext) -> list[nodes.Node]:
    """The authors, separated by commas. Plain names and their commas make one
    text node: transforms that replace each text node of a parent (smart
    quotes) would take quadratic time over thousands of them."""
    result: list[nodes.Node] = []
    text: list[str] = []
    for index, author in enumerate(authors):
        if index:
            text.append(", ")
        node = person_node(author, ctx)
        if isinstance(node, nodes.Text):
            text.append(node.astext())
            continue
        if text:
            result.append(nodes.Text("".join(text)))
            text = []
        result.append(node)
    if text:
        result.append(nodes.Text("".join(text)))
    return result


def compact(result: list[nodes.Node], source: str, line: int | None) -> None:
    """Make a rendered list cheap for Sphinx to process: adjacent texts become
    one text node (an author list is one text, as if written by hand), and
    every element gets the directive's place, which Sphinx would otherwise
    look up, and log, for each line of the list."""
    for node in result:
        if not isinstance(node, nodes.Element):
            continue
        for element in list(node.findall(nodes.Element)):
            if element.source is None:
                element.source, element.line = source, line
            children = element.children
            if not any(
                isinstance(a, nodes.Text) and isinstance(b, nodes.Text)
                for a, b in zip(children, children[1:], strict=False)
            ):
                continue
            merged: list[nodes.Node] = []
            for child in children:
                if (
                    merged
                    and isinstance(child, nodes.Text)
                    and isinstance(merged[-1], nodes.Text)
                ):
                    merged[-1] = nodes.Text(merged[-1] + child)
                else:
                    merged.append(child)
            element.children = []
            element.extend(merged)


def grouped(
    title: str,
    node_id: str,
    body: list[nodes.Node],
    ctx: RenderContext,
    as_section: bool,
) -> list[nodes.Node]:
    """A group under its heading: a real section (so it is in the page's table
    of contents) where sections are allowed, a rubric elsewhere."""
    if not as_section:
        rubric = nodes.rubric(
            title, title, ids=[ctx.unique_id(node_id)], classes=["scholar-group"]
        )
        ctx.register(rubric)
        return [rubric, *body]
    section = nodes.section(
        "", nodes.title(title, title), *body, ids=[ctx.unique_id(node_id)]
    )
    section["classes"].append("scholar-group")
    ctx.register(section)
    return [section]


def group_heading(key, by: str, type_headings: dict) -> tuple[str, str]:
    """The heading of a group of records and the id it is based on."""
    if by == "type":
        return str(type_headings.get(key, key)), slug(str(key))
    if by == "year":
        if key is None:
            return str(_("Undated")), "undated"
        if isinstance(key, tuple):
            return str(_("≤ {year}")).format(year=key[1]), f"until-{key[1]}"
        return str(key), str(key)
    if key is None:
        return str(_("Other")), "other"
    return str(key), slug(str(key))


def render_groups(
    groups: list[Group],
    by: str,
    make_list: Callable[[tuple], nodes.Node],
    type_headings: dict,
    id_prefix: str,
    ctx: RenderContext,
    as_sections: bool,
) -> list[nodes.Node]:
    """Each group's list under its heading; ungrouped, just the list."""
    result: list[nodes.Node] = []
    for group in groups:
        if not group.records:
            continue  # an empty list is an error in LaTeX
        body = [make_list(group.records)]
        if by == "none":
            result.extend(body)
            continue
        title, id_part = group_heading(group.key, by, type_headings)
        result.extend(grouped(title, f"{id_prefix}-{id_part}", body, ctx, as_sections))
    return result
