"""The usual lines of a publication entry written as HTML, for the lists of
an HTML page.

A list of thousands of entries made of docutils nodes (some forty an entry)
costs Sphinx more to walk, resolve and write than the rest of the page. On
an HTML page with buttons (the default look), the lines of an entry that
hold only text and links (its title, authors, venue and row of buttons) are
written here from the record, with the markup and classes Sphinx's HTML
translator gives the same lines made of nodes, and with smart quotes given
by Sphinx; links to publication and people pages point where those pages are
written. Other builders, the entry's other lines, and a line that needs
Sphinx for more than its text (a file of the site to copy, math, a
shortened author list, a mail address to cloak) are made of nodes, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, cast

from docutils import nodes
from docutils.utils import new_document

from ..model import Publication
from ..text import slug
from ..translations import _
from .context import RenderContext
from .files import is_external
from .html_blocks import Block, BlockWriter, translated
from .nodes import shown_person
from .publications import BUTTON_LABELS, button_links
from .venue_line import venue_text
from .venues import Badge

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.writers.html5 import HTML5Translator

#: the addresses Sphinx writes in its own way (see ``cloak_email_addresses``)
_CLOAKED = "mailto:"


class written_line(nodes.General, nodes.Element):
    """A line of an entry written as HTML (its ``html``), holding its words:
    the HTML builders write the one, Sphinx's search index takes the other
    (it would glue the words of raw HTML's neighbouring tags together)."""


def visit_written_line(translator, node: written_line) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


class EntryLines:
    """Writes the title, authors, venue and buttons of the entries of one
    page's lists; a method gives ``None`` for a line it leaves to nodes."""

    def __init__(
        self,
        blocks: BlockWriter,
        page_uri: Callable[[str], str | None],
        person_uri: Callable[[str], str | None],
    ) -> None:
        self.blocks = blocks
        #: the address of a publication's page (by key), of a person's (by id)
        self.page_uri = page_uri
        self.person_uri = person_uri
        self.button_labels = {key: str(label) for key, label in BUTTON_LABELS.items()}
        self.details = str(_("Details"))

    def written(self, block: Block) -> written_line:
        html = self.blocks.write(block)
        # the line's texts (with smart quotes) and math, for the search index
        words = " ".join(value for kind, value in block.pieces if kind != "tag")
        return written_line("", nodes.Text(words), html=html)

    def title(
        self,
        record: Publication,
        ctx: RenderContext,
        badge: Badge | None,
        to_page: bool,
    ) -> written_line | None:
        """``[badge] **title**``, linking to the publication's page (with
        ``to_page``), else to its url (see :func:`.title_nodes`)."""
        if record.title_math:
            return None  # Sphinx loads MathJax for the math nodes it writes
        to_page = to_page and bool(ctx.page_folder)
        if not to_page and record.url and not is_external(record.url):
            return None  # a file of the site: copied by Sphinx
        page = self.page_uri(record.key) if to_page else None
        target = page or record.url  # the page, else the url as written
        if target.startswith(_CLOAKED):
            return None
        block = Block('<div class="scholar-title line">', "</div>\n")
        if badge is not None:
            self.badge(block, badge)
        block.tag("<strong>")
        if target:
            block.tag(self.blocks.link_start(target, internal=bool(page)))
        block.text(record.title)
        if target:
            block.tag("</a>")
        block.tag("</strong>")
        return self.written(block)

    def badge(self, block: Block, badge: Badge) -> None:
        """As :func:`.badges.visit_badge_html` writes it."""
        attribute = self.blocks.attribute
        classes = (
            "scholar-badge scholar-badge-colored" if badge.color else "scholar-badge"
        )
        tag = "a" if badge.url else "span"
        href = f' href="{attribute(badge.url)}"' if badge.url else ""
        style = (
            f' style="{attribute(f"--scholar-badge-color: {badge.color}")}"'
            if badge.color
            else ""
        )
        block.tag(f'<{tag} class="{classes}"{href}{style}>')
        block.text(badge.text)
        block.tag(f"</{tag}> ")

    def authors(self, record: Publication, ctx: RenderContext) -> written_line | None:
        """The authors, each linked as :func:`.person_node` links them; a
        list shortened to ``ctx.max_authors`` is left to nodes."""
        authors = record.authors
        if ctx.max_authors and len(authors) > ctx.max_authors:
            return None
        block = Block('<div class="scholar-authors line">', "</div>\n")
        for index, author in enumerate(authors):
            if index:
                block.text(", ", joined=True)
            shown = shown_person(author, ctx, ctx.highlight_links)
            if shown.url.startswith(_CLOAKED):
                return None
            self.blocks.person(block, shown, self.person_uri)
        return self.written(block)

    def venue(
        self, record: Publication, parts: frozenset[str], ctx: RenderContext
    ) -> written_line | None:
        """The venue line's words (the links are buttons); none without."""
        text = venue_text(record, parts, ctx)
        if not text:
            return None
        block = Block(
            '<div class="scholar-venue line"><span class="scholar-details">',
            "</span></div>\n",
        )
        block.text(text)
        return self.written(block)

    def buttons(
        self, record: Publication, parts: frozenset[str], ctx: RenderContext
    ) -> list[written_line] | None:
        """The row of :func:`.button_row` (an empty list for none), or
        ``None`` to leave it to nodes (a file of the site, a mail address)."""
        links = button_links(record, parts, ctx)
        if any(
            not is_external(file.url) or file.url.startswith(_CLOAKED)
            for link in links
            for file in link.files
        ):
            return None
        details = "details" in parts and bool(ctx.page_folder)
        if not links and not details:
            return []
        block = Block('<div class="scholar-buttons line">', "</div>\n")
        for link in links:
            label = self.button_labels.get(link.label.lower(), link.label)
            kind = slug(link.label) or "link"
            if len(link.files) == 1 and not link.files[0].name:
                self.button(block, link.files[0].url, label, f"scholar-button-{kind} ")
                continue
            block.tag(
                f'<span class="scholar-button-group scholar-button-{kind}">'
                '<span class="scholar-button-label">'
            )
            block.text(label)
            block.tag("</span>")
            for file in link.files:
                self.button(block, file.url, file.name or label, "")
            block.tag("</span>")
        page = self.page_uri(record.key) if details else None
        if page is not None:
            block.tag(
                '<span class="scholar-button-holder">'
                + self.blocks.link_start(
                    page, internal=True, classes="scholar-button scholar-details-link "
                )
            )
            block.text(self.details)
            block.tag("</a></span>")
        if not block.pieces:  # only a "Details" of a page not written
            block.tag("<br />")
        return [self.written(block)]

    def button(self, block: Block, url: str, text: str, kind: str) -> None:
        block.tag(
            self.blocks.link_start(
                url, internal=False, classes=f"scholar-button {kind}"
            )
        )
        block.text(text)
        block.tag("</a>")


class SitePages(NamedTuple):
    """The pages an HTML build writes, for the entries' links: publication
    pages by key and people pages by person id, with the builder that knows
    their addresses. Known once the documents are read (``write-started``)."""

    builder: StandaloneHTMLBuilder
    publications: dict[str, str]
    people: dict[str, str]


def entry_lines(pages: SitePages, document: nodes.document, docname: str) -> EntryLines:
    """The writer of the entries of ``docname``'s lists (``document``: the
    page, whose settings smart quotes follow), with the builder's translator."""
    builder = pages.builder
    translator = cast(
        "HTML5Translator",
        builder.create_translator(
            new_document("<publication list>", builder.docsettings), builder
        ),
    )

    def uri(pagename: str | None) -> str | None:
        return None if pagename is None else builder.get_relative_uri(docname, pagename)

    blocks = BlockWriter(
        document, partial(translated, translator), translator.encode, translator.attval
    )
    return EntryLines(
        blocks,
        page_uri=lambda key: uri(pages.publications.get(key)),
        person_uri=lambda person: uri(pages.people.get(person)),
    )


def _skip(translator, node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    skip = (_skip, None)
    app.add_node(
        written_line,
        html=(visit_written_line, None),
        latex=skip, text=skip, man=skip, texinfo=skip,
    )  # fmt: skip
    return {"parallel_read_safe": True, "parallel_write_safe": True}
