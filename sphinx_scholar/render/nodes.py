"""Small builders of docutils nodes shared by every list the extension renders.

Only standard docutils and Sphinx nodes are made, so every builder (html,
latex, text, man, epub, ...) has a rendering; HTML gets classes to style.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import NamedTuple

from docutils import nodes
from sphinx import addnodes

from ..model import Author, Link, Person, SourcedRecord
from ..person_links import PERSON_KEY
from ..query import Group
from ..text import slug
from ..translations import _
from .context import RenderContext
from .files import Found, is_external, is_picture_address, picture_address
from .fold import fold_node


class LinkTarget(NamedTuple):
    """What a link shows and where it goes: another site's address
    (``url``), or a file of the site (``found``)."""

    text: str
    url: str
    found: Found | None


def link_target(
    url: str, text: str, record: SourcedRecord, ctx: RenderContext
) -> LinkTarget | None:
    """Where a link to ``url`` goes. A relative path names a file of the site,
    which Sphinx copies into the output like a ``:download:`` target; a file
    that was not found (see :mod:`.files`) has no link."""
    if is_external(url):
        return LinkTarget(text, url, None)
    found = ctx.files.get(url, record)
    return None if found is None else LinkTarget(text, "", found)


def target_node(target: LinkTarget, ctx: RenderContext) -> nodes.Element:
    """The link as a node: a reference, or a download whose file Sphinx copies."""
    if target.found is None:
        return nodes.reference("", target.text, refuri=target.url, internal=False)
    node = addnodes.download_reference(
        "",
        "",
        nodes.inline("", target.text),
        reftarget="/" + target.found.relative,
        refdoc=ctx.docname,
        refdomain="",
        reftype="download",
        refexplicit=True,
        refwarn=False,
    )
    if target.found.download:
        node["filename"] = target.found.download
    return node


def link_node(
    url: str, text: str, record: SourcedRecord, ctx: RenderContext
) -> nodes.Element | None:
    """A reference to ``url`` (see :func:`link_target`), or none."""
    target = link_target(url, text, record, ctx)
    return None if target is None else target_node(target, ctx)


def image_node(
    uri: str, alt: str, record: SourcedRecord, ctx: RenderContext, cls: str
) -> nodes.image | None:
    """A picture (a photo, a logo): another site's, or a file of the site
    (see :func:`.files.is_picture_address`)."""
    if not uri:
        return None
    uri = picture_address(uri)
    if is_picture_address(uri):
        return nodes.image(uri=uri, alt=alt, classes=[cls], candidates={"?": uri})
    found = ctx.files.get(uri, record)
    if found is None:
        return None
    # what Sphinx's image collector would make of it while reading (a list
    # rendered when the page is written comes after it): the builders copy
    # the file registered by files.resolve
    return nodes.image(
        uri="/" + found.relative,
        alt=alt,
        classes=[cls],
        candidates={"*": found.relative},
    )


#: How a link of several files (or of one named file) is written inside its
#: brackets when ``scholar_link_format`` does not say otherwise: ``{label}``
#: is the link's label, ``{files}`` its files, joined by the text after the
#: colon (``{files:/}`` writes ``ppt/pptx``), by ``", "`` when there is none.
DEFAULT_LINK_FORMAT = "{label}: {files}"
DEFAULT_FILE_SEPARATOR = ", "


def link_format(label: str, formats: dict[str, str] | None) -> list[tuple[str, str]]:
    """The pieces of the format of a link labelled ``label``: ``("text",
    literal)``, ``("label", "")`` and ``("files", separator)``. ``formats``
    maps labels (and ``"*"``, every other label) to a format."""
    formats = formats or {}
    template = formats.get(label, formats.get("*", DEFAULT_LINK_FORMAT))
    pieces: list[tuple[str, str]] = []
    for literal, field, spec, _conversion in string.Formatter().parse(template):
        if literal:
            pieces.append(("text", literal))
        if field == "label":
            pieces.append(("label", ""))
        elif field == "files":
            pieces.append(("files", spec or DEFAULT_FILE_SEPARATOR))
    return pieces


def check_link_format(template: str) -> str | None:
    """What is wrong with a link format, or ``None``."""
    try:
        fields = [
            field for _, field, _, _ in string.Formatter().parse(template) if field
        ]
    except ValueError as error:
        return str(error)
    unknown = [field for field in fields if field not in ("label", "files")]
    if unknown:
        return f"it knows {{label}} and {{files}}, not {{{unknown[0]}}}"
    if "files" not in fields:
        return "it needs {files}"
    return None


def link_pieces(
    links: tuple[Link, ...], record: SourcedRecord, ctx: RenderContext
) -> list[str | LinkTarget]:
    """``[pdf] [code] [slides: ppt, pptx]`` as texts and links; the text of
    a link of several files follows ``scholar_link_format``
    (``[slides:ppt/pptx]``)."""
    result: list[str | LinkTarget] = []
    for link in links:
        single = len(link.files) == 1 and not link.files[0].name
        files = [
            target
            for file in link.files
            if (
                target := link_target(
                    file.url,
                    link.label if single else file.name or link.label,
                    record,
                    ctx,
                )
            )
        ]
        if not files:
            continue
        result.append(" [")
        if single:
            result.extend(files)
        else:
            for kind, text in link_format(link.label, ctx.link_format):
                if kind == "text":
                    result.append(text)
                elif kind == "label":
                    result.append(link.label)
                else:
                    for index, target in enumerate(files):
                        if index:
                            result.append(text)
                        result.append(target)
        result.append("]")
    return result


def links_nodes(
    links: tuple[Link, ...], record: SourcedRecord, ctx: RenderContext
) -> list[nodes.Node]:
    """``[pdf] [code] [slides: ppt, pptx]`` (see :func:`link_pieces`)."""
    return [
        nodes.Text(piece) if isinstance(piece, str) else target_node(piece, ctx)
        for piece in link_pieces(links, record, ctx)
    ]


class ShownPerson(NamedTuple):
    """How an author is shown: the name (with its marks), the address it
    links to, the id of the person whose page it links to (where it links
    to no address), and whether the name is highlighted."""

    text: str
    url: str
    page: str
    highlighted: bool


def shown_person(
    author: Author, ctx: RenderContext, link_highlighted: bool = True
) -> ShownPerson:
    """An author: linked when the registry knows them, highlighted (and then
    not linked, unless ``link_highlighted``)."""
    person: Person | None = ctx.registry.match(author)
    name = author.name or (person.name if person else author.person)
    text = name + author.marks(ctx.author_marks or {})
    highlighted = ctx.highlight.covers(author, person)
    url = author.url or (person.url if person else "")
    if highlighted and not link_highlighted:
        url = ""
    page = ""
    if (
        not url
        and person is not None
        and person.id in ctx.people_pages
        and (link_highlighted or not highlighted)
    ):
        page = person.id
    return ShownPerson(text, url, page, highlighted)


def person_node(
    author: Author, ctx: RenderContext, link_highlighted: bool = True
) -> nodes.Node:
    """An author (see :func:`shown_person`), strong when highlighted."""
    shown = shown_person(author, ctx, link_highlighted)
    node: nodes.Node
    if shown.url:
        node = nodes.reference("", shown.text, refuri=shown.url, internal=False)
    elif shown.page:
        node = nodes.reference("", shown.text, refuri="#", internal=True)
        node[PERSON_KEY] = shown.page  # pointed at the page when it is written
    else:
        node = nodes.Text(shown.text)
    if shown.highlighted:
        node = nodes.strong("", "", node, classes=["scholar-highlight"])
    return node


def people_nodes(
    authors: tuple[Author, ...], ctx: RenderContext, link_highlighted: bool = True
) -> list[nodes.Node]:
    """The authors, separated by commas. Plain names and their commas make one
    text node: transforms that replace each text node of a parent (smart
    quotes) would take quadratic time over thousands of them."""
    result: list[nodes.Node] = []
    text: list[str] = []
    for index, author in enumerate(authors):
        if index:
            text.append(", ")
        node = person_node(author, ctx, link_highlighted)
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


def compact(result: list[nodes.Node], source: str | None, line: int | None) -> None:
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
        if isinstance(group.key, tuple) and ctx.fold_older:
            # the years before :collapse-before:
            summary = str(_("Show the {count} entries before {year}")).format(
                count=len(group.records), year=group.key[1] + 1
            )
            body = [fold_node(summary, body, ctx.fold_open)]
        if by == "none":
            result.extend(body)
            continue
        title, id_part = group_heading(group.key, by, type_headings)
        result.extend(grouped(title, f"{id_prefix}-{id_part}", body, ctx, as_sections))
    return result
