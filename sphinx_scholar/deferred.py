"""Publication lists rendered when their page is written, not when it is read.

A long list made of docutils nodes at reading time is walked by every reading
transform, pickled with its page, and unpickled to be written (and Sphinx
unpickles the root page on every build for its navigation): for a list of a
few thousand entries that is most of a build. So the ``publications``
directive puts a small :class:`pending_publications` node in the page, with
the keys of its entries, their anchors and the site files they link, and a
post-transform renders the entries from the (cached) data when the page is
written. What must be known while reading is done while reading: anchors are
reserved and announced to the domain, linked files are registered with Sphinx,
group headings are real sections. Rendered either way, the page is the same.
"""

from __future__ import annotations

import os
import re

from docutils import nodes
from docutils.utils import new_document
from sphinx.transforms import SphinxSmartQuotes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import cache
from .interactive import LIST_ID, SETTINGS
from .render.context import RenderContext, site_context
from .render.nodes import compact, is_external, site_file
from .render.publications import publication_list


class pending_publications(nodes.General, nodes.Element):
    """The entries of one publication list, rendered when the page is written."""


def pending_list(
    records, parts: frozenset[str], ctx: RenderContext, path: str, env
) -> pending_publications:
    """The node standing for the list of ``records`` until the page is written."""
    node = pending_publications()
    anchors = []
    for record in records:
        anchor = ctx.anchor(record)
        ctx.document.ids[anchor] = node  # reserved: later ids do not take it
        anchors.append(anchor)
    node["path"] = path
    node["docname"] = ctx.docname
    node["keys"] = [record.key for record in records]
    node["anchors"] = anchors
    node["parts"] = sorted(parts)
    node["highlight"] = ctx.highlight
    node["interactive"] = sorted(ctx.interactive)
    node["downloads"] = register_downloads(records, ctx, env)
    return node


def register_downloads(records, ctx: RenderContext, env) -> dict[str, tuple[str, str]]:
    """Register the site files the records link, as Sphinx does for
    ``:download:`` while reading; see :attr:`RenderContext.downloads`."""
    found: dict[str, str] = {}
    for record in records:
        links = [*record.links, *(link for r in record.related for link in r.links)]
        for link in links:
            for file in link.files:
                if file.url in found or is_external(file.url):
                    continue
                target = site_file(file.url, record, ctx)
                if target is None:
                    # The page depends on the file though it is missing:
                    # Sphinx reads it again at each build until the file is
                    # in one of the places it is looked for.
                    path = file.url.split("#")[0].split("?")[0]
                    for folder in (os.path.dirname(record.source), *ctx.file_dirs):
                        env.note_dependency(os.path.join(folder, path))
                    continue
                relative = os.path.relpath(target, ctx.srcdir)
                env.note_dependency(relative)
                filename = env.dlfiles.add_file(ctx.docname, relative).as_posix()
                found[file.url] = (relative.replace(os.sep, "/"), filename)
    return found


class ExpandPublicationLists(SphinxPostTransform):
    """Render each pending list, before references are resolved (the lists
    hold references to the publications' pages) and interactive lists are
    wrapped."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(pending_publications)):
            rendered = self.render(node)
            node.replace_self(rendered)
            educate(rendered, self.document)

    def render(self, node: pending_publications) -> nodes.Node:
        records = {
            record.key: record
            for record in cache.of(self.env).load(node["path"], "publications").records
        }
        keys = [key for key in node["keys"] if key in records]
        ctx = site_context(
            self.env,
            self.document,
            node["docname"],
            node["highlight"],
            interactive=frozenset(node["interactive"]),
            anchors=dict(zip(node["keys"], node["anchors"], strict=True)),
            downloads=node["downloads"],
        )
        rendered = publication_list(
            [records[key] for key in keys], frozenset(node["parts"]), ctx
        )
        rendered["classes"].extend(node["classes"])
        for name in (LIST_ID, SETTINGS):
            if name in node:
                rendered[name] = node[name]
        for item in rendered.findall(nodes.list_item):
            for anchor in item["ids"]:
                self.document.ids[anchor] = item
        compact([rendered], node.source, node.line)
        return rendered


#: what smart quotes may change: quotes, dashes, ellipses, escapes
_TYPOGRAPHY = re.compile(r"[\"'`\\]|--|\.\s?\.")


def educate(node: nodes.Element, document: nodes.document) -> None:
    """Smart quotes, as Sphinx gives the text of a page when reading it; only
    on the blocks of the list with a character to change (changing every text
    node of a long list costs more than rendering it)."""
    if not _TYPOGRAPHY.search(node.astext()):
        return
    blocks = [
        block
        for block in node.findall(nodes.TextElement)
        if not isinstance(block.parent, nodes.TextElement)
        and not isinstance(block, nodes.FixedTextElement)  # code keeps its quotes
        and _TYPOGRAPHY.search(block.astext())
    ]
    if not blocks:
        return
    holder = new_document(document.get("source", ""), document.settings)
    # The transform walks the holder's children; the blocks stay in their
    # places (and languages) in the page.
    holder.children = blocks
    SphinxSmartQuotes(holder, holder).apply()
    holder.children = []


def _skip(translator, node) -> None:
    raise nodes.SkipNode


def setup(app) -> None:
    skip = (_skip, None)
    app.add_node(
        pending_publications,
        html=skip, latex=skip, text=skip, man=skip, texinfo=skip,
    )  # fmt: skip
    app.add_post_transform(ExpandPublicationLists)
