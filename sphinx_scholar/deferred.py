"""Publication lists rendered when their page is written, not when it is read.

A long list made of docutils nodes at reading time is walked by every reading
transform, pickled with its page, and unpickled to be written (and Sphinx
unpickles the root page on every build for its navigation): for a list of a
few thousand entries that is most of a build. So the ``publications``
directive puts a small :class:`pending_publications` node in the page, with
the keys of its entries, their anchors and the site files they link, and a
post-transform renders the entries from the (cached) data when the page is
written. What must be known while reading is done while reading: anchors are
reserved and announced to the domain, linked files are found and registered
with Sphinx (by the directive), group headings are real sections. On an
HTML page the entries' usual lines are then written as HTML from the records
(:mod:`.render.entry_html`). Rendered either way, the page is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import cache
from .interactive import LIST_ID, SETTINGS
from .model import Publication
from .render.context import RenderContext, site_context
from .render.entry_html import EntryLines, entry_lines
from .render.files import Found, SiteFiles
from .render.nodes import compact
from .render.publications import publication_list
from .render.smart_quotes import educate
from .state import state_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class pending_publications(nodes.General, nodes.Element):
    """The entries of one publication list, rendered when the page is written."""


def pending_list(
    records: Sequence[Publication], parts: frozenset[str], ctx: RenderContext, path: str
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
    node["style"] = ctx.entry_style
    node["venue_format"] = ctx.venue_format
    node["details_last"] = ctx.details_last
    node["max_authors"] = ctx.max_authors
    # what was found of the files they link (see :mod:`.render.files`)
    node["files"] = {
        key: (found.relative, found.download)
        for key, found in ctx.files.of(records).items()
    }
    return node


class ExpandPublicationLists(SphinxPostTransform):
    """Render each pending list, before references are resolved (the lists
    hold references to the publications' pages) and interactive lists are
    wrapped."""

    default_priority = 5

    def run(self, **kwargs) -> None:
        pages = state_of(self.env).site_pages
        writers: dict[str, EntryLines] = {}
        for node in list(self.document.findall(pending_publications)):
            docname = node["docname"]
            if pages is not None and docname not in writers:
                writers[docname] = entry_lines(pages, self.document, docname)
            rendered = self.render(node, writers.get(docname))
            node.replace_self(rendered)
            educate(rendered, self.document)

    def render(
        self, node: pending_publications, html: EntryLines | None = None
    ) -> nodes.Element:
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
            entry_style=node.get("style", self.config.scholar_entry_style),
            venue_format=node.get("venue_format", self.config.scholar_venue_format),
            details_last=node.get("details_last", False),
            max_authors=node.get("max_authors", 0),
            anchors=dict(zip(node["keys"], node["anchors"], strict=True)),
            files=SiteFiles(
                str(self.env.srcdir),
                found={key: Found(*found) for key, found in node["files"].items()},
            ),
            entry_html=html,
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


def _skip(translator, node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        pending_publications,
        html=skip, latex=skip, text=skip, man=skip, texinfo=skip,
    )  # fmt: skip
    app.add_post_transform(ExpandPublicationLists)
    app.setup_extension("sphinx_scholar.render.publications")
