"""The body of a publication page, written as HTML from its record.

A build writes a page for each of thousands of publications; making docutils
nodes for each page only to write them as HTML cost more than Sphinx takes
to write the page. So the body is written here, from the pieces the lists
are made of (the venue line's words, each author as shown, the links'
texts and targets) and in blocks as the lists' lines are written
(:mod:`.render.html_blocks`), with the markup and classes Sphinx's HTML
translator gives the lists' nodes, so that themes style both alike. Math is
written by the builder's translator, and smart quotes are given to each
block of text by Sphinx, as the lists' are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from typing import NamedTuple

from docutils import nodes

from .model import Publication
from .page_citation import CitationHeads, citation_html
from .render.context import RenderContext
from .render.html_blocks import Block, BlockWriter
from .render.nodes import LinkTarget, link_pieces, link_target, shown_person
from .render.publications import DEFAULT_PARTS, shown_title
from .render.venue_line import venue_text
from .translations import _


class PagePlace(NamedTuple):
    """Where a page is, for its links: the address of a person's page and of
    a download (in ``_downloads``) from it, and of the lists that show the
    publication (at its entry), with their titles."""

    person_uri: Callable[[str], str | None]
    download_uri: Callable[[str], str]
    lists: list[tuple[str, str]]


class PageBodyWriter:
    """Writes publication pages' bodies; one serves every page of a build."""

    def __init__(
        self,
        ctx: RenderContext,
        document: nodes.document,
        translate: Callable[[nodes.Node], str],
    ) -> None:
        self.ctx = ctx
        # math as the builder writes it; texts escaped by the standard library
        self.blocks = BlockWriter(
            document, translate, lambda text: escape(text, quote=False), escape
        )
        # the page's own words, in the site's language
        self.heads = CitationHeads()
        self.publication_page = str(_("Publication page"))
        self.abstract = str(_("Abstract"))
        self.listed = escape(str(_("Listed in: ")), quote=False)
        self.back = str(_("Back to {list}"))

    def body(self, record: Publication, place: PagePlace) -> str:
        """The publication, where it is listed, its links, its abstract, how
        to cite it, and the way back to the lists."""
        ctx = self.ctx
        title = Block("<h1>", "</h1>\n")
        self.blocks.words(title, shown_title(record), record.title_math)
        authors = Block('<div class="scholar-authors line">', "</div>\n")
        for index, author in enumerate(record.authors):
            if index:
                authors.text(", ", joined=True)
            self.blocks.person(authors, shown_person(author, ctx), place.person_uri)
        venue = Block(
            '<div class="scholar-venue line"><span class="scholar-details">',
            "</span></div>\n",
        )
        venue.text(venue_text(record, DEFAULT_PARTS - {"links"}, ctx))
        # written first: the citation takes the venue line as the page shows
        # it, smart quotes and all
        entry = [self.blocks.write(block) for block in (authors, venue) if block.pieces]
        out = [
            '<section class="scholar-publication-page" id="publication">\n',
            self.blocks.write(title),
            self.listed_in(place.lists) if place.lists else "",
            '<div class="scholar-entry line-block">\n',
            *entry,
            "</div>\n",
            *(self.blocks.write(block) for block in self.more(record, place)),
            citation_html(record, venue.words(), self.heads),
            self.back_links(place.lists) if place.lists else "",
            "</section>\n",
        ]
        return "".join(out)

    def more(self, record: Publication, place: PagePlace) -> Iterator[Block]:
        """The links, the related works, the abstract."""
        pieces = link_pieces(record.links, record, self.ctx)
        if record.url:
            site = link_target(record.url, self.publication_page, record, self.ctx)
            if site is not None:
                pieces = [" [", site, "]", *pieces]
        if pieces:
            links = Block('<p class="scholar-links">', "</p>\n")
            self.links(links, ["[", *pieces[1:]], place)
            yield links
        for related in record.related:
            block = Block('<p class="scholar-related">', "</p>\n")
            block.text(related.text)
            self.links(block, link_pieces(related.links, record, self.ctx), place)
            yield block
        if record.abstract:
            label = Block('<p class="rubric">', "</p>\n")
            label.text(self.abstract)
            yield label
            abstract = Block('<p class="scholar-abstract">', "</p>\n")
            self.blocks.words(abstract, record.abstract, record.abstract_math)
            yield abstract

    def links(
        self, block: Block, pieces: list[str | LinkTarget], place: PagePlace
    ) -> None:
        """``[pdf] [code]``: another site's address is linked; a file of the
        site is linked where the list that shows it put it in ``_downloads``."""
        for piece in pieces:
            if isinstance(piece, str):
                block.text(piece)
            elif piece.found is None:
                block.tag(f'<a class="reference external" href="{escape(piece.url)}">')
                block.text(piece.text)
                block.tag("</a>")
            elif piece.found.download:
                uri = place.download_uri(piece.found.download)
                block.tag(
                    f'<a class="reference external download" href="{escape(uri)}">'
                    "<span>"
                )
                block.text(piece.text)
                block.tag("</span></a>")
            else:  # a file not copied into ``_downloads``: its name alone
                block.tag("<span>")
                block.text(piece.text)
                block.tag("</span>")

    def listed_in(self, lists: list[tuple[str, str]]) -> str:
        links = ", ".join(
            f'<a class="reference internal" href="{escape(uri)}">'
            f"{escape(title, quote=False)}</a>"
            for uri, title in lists
        )
        return f'<p class="scholar-listed-in">{self.listed}{links}</p>\n'

    def back_links(self, lists: list[tuple[str, str]]) -> str:
        """At the end of the page, a way back to each list that shows the
        publication, at its entry."""
        links = " · ".join(
            f'<a class="reference internal" href="{escape(uri)}">'
            f"{escape('← ' + self.back.format(list=title), quote=False)}</a>"
            for uri, title in lists
        )
        return f'<p class="scholar-back">{links}</p>\n'
