"""The body of a publication page, written as HTML from its record.

A build writes a page for each of thousands of publications; making docutils
nodes for each page only to write them as HTML cost more than Sphinx takes
to write the page. So the body is written here, from the pieces the lists
are made of (the venue line's words, each author as shown, the links'
texts and targets), with the markup and classes Sphinx's HTML translator
gives the lists' nodes, so that themes style both alike. Math is written by
the builder's translator, and smart quotes are given to each block of text
by Sphinx, as the lists' are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import escape
from typing import NamedTuple

from docutils import nodes

from .deferred import TYPOGRAPHY, educate
from .model import Author, Publication
from .page_citation import CitationHeads, citation_html
from .render.context import RenderContext
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


class Block:
    """A title, paragraph or line of the page: its markup and its texts,
    which get smart quotes together, as Sphinx gives them to a block."""

    __slots__ = ("end", "pieces", "start")

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end
        #: ("tag", markup), ("text", words) or ("math", LaTeX)
        self.pieces: list[tuple[str, str]] = []

    def tag(self, markup: str) -> None:
        self.pieces.append(("tag", markup))

    def text(self, words: str, joined: bool = False) -> None:
        """``words``; ``joined`` to the text before them, as one text node
        (an author list's plain names and commas, see :func:`.people_nodes`)."""
        if joined and self.pieces and self.pieces[-1][0] == "text":
            self.pieces[-1] = ("text", self.pieces[-1][1] + words)
        elif words:
            self.pieces.append(("text", words))

    def math(self, latex: str) -> None:
        self.pieces.append(("math", latex))

    def words(self) -> str:
        return "".join(value for kind, value in self.pieces if kind == "text")


class PageBodyWriter:
    """Writes publication pages' bodies; one serves every page of a build."""

    def __init__(
        self,
        ctx: RenderContext,
        document: nodes.document,
        translate: Callable[[nodes.Node], str],
    ) -> None:
        self.ctx = ctx
        self.document = document  # the settings smart quotes follow
        self.translate = translate  # math, as the builder writes it
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
        self.words(title, shown_title(record), record.title_math)
        authors = Block('<div class="scholar-authors line">', "</div>\n")
        for index, author in enumerate(record.authors):
            if index:
                authors.text(", ", joined=True)
            self.person(authors, author, place)
        venue = Block(
            '<div class="scholar-venue line"><span class="scholar-details">',
            "</span></div>\n",
        )
        venue.text(venue_text(record, DEFAULT_PARTS - {"links"}, ctx))
        # written first: the citation takes the venue line as the page shows
        # it, smart quotes and all
        entry = [self.write(block) for block in (authors, venue) if block.pieces]
        out = [
            '<section class="scholar-publication-page" id="publication">\n',
            self.write(title),
            self.listed_in(place.lists) if place.lists else "",
            '<div class="scholar-entry line-block">\n',
            *entry,
            "</div>\n",
            *(self.write(block) for block in self.more(record, place)),
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
            self.words(abstract, record.abstract, record.abstract_math)
            yield abstract

    def words(self, block: Block, text: str, math: tuple[str, ...] | None) -> None:
        """A title or abstract, with its math (see :func:`.math_nodes`)."""
        if not math:
            block.text(text)
            return
        for index, piece in enumerate(math):
            if index % 2:
                block.math(piece)
            else:
                block.text(piece)

    def person(self, block: Block, author: Author, place: PagePlace) -> None:
        shown = shown_person(author, self.ctx)
        url = shown.url or (place.person_uri(shown.page) if shown.page else None)
        if shown.highlighted:
            block.tag('<strong class="scholar-highlight">')
        if url:
            kind = "external" if shown.url else "internal"
            block.tag(f'<a class="reference {kind}" href="{escape(url)}">')
        # a name linked to a page (its own, here) is a text of its own
        plain = not (shown.url or shown.page or shown.highlighted)
        block.text(shown.text, joined=plain)
        if url:
            block.tag("</a>")
        if shown.highlighted:
            block.tag("</strong>")

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

    def write(self, block: Block) -> str:
        """The block as HTML, its texts given smart quotes (in ``block`` too)."""
        if TYPOGRAPHY.search(
            "".join(value for kind, value in block.pieces if kind != "tag")
        ):
            block.pieces = self.educated(block.pieces)
        out = [block.start]
        for kind, value in block.pieces:
            if kind == "tag":
                out.append(value)
            elif kind == "text":
                out.append(escape(value, quote=False))
            else:
                out.append(self.translate(nodes.math(f"${value}$", value)))
        out.append(block.end)
        return "".join(out)

    def educated(self, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The pieces with smart quotes, given by Sphinx to their texts as one
        block (its math untouched)."""
        shown = [
            nodes.Text(value) if kind == "text" else nodes.math(value, value)
            for kind, value in pieces
            if kind != "tag"
        ]
        paragraph = nodes.paragraph("", "", *shown)
        educate(paragraph, self.document)
        texts = iter(paragraph.children)
        result = []
        for kind, value in pieces:
            if kind == "tag":
                result.append((kind, value))
                continue
            node = next(texts)
            result.append((kind, str(node) if kind == "text" else value))
        return result

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
