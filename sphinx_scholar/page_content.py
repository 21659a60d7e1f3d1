"""What a publication page shows: the publication as its lists show it, its
abstract, how to cite it, and where it is listed; written by the builder's
translator so that the page looks like the site's other pages."""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.util.osutil import relative_uri

from .deferred import educate
from .model import Publication
from .page_citation import citation_section
from .page_metadata import head_tags
from .people_matching import Highlight, resolve_highlight
from .person_links import people_page_names, point_person_links
from .render.context import site_context
from .render.nodes import link_node, links_nodes, people_nodes
from .render.page_html import body_html
from .render.publications import DEFAULT_PARTS, math_nodes, shown_title
from .render.venue_line import venue_nodes
from .shown import html_builder
from .site_people import registry_for
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.writers.html5 import HTML5Translator

    from .render.context import RenderContext
    from .shown import SitePublications

#: the extension's script, which publication pages do without
SCRIPT = "sphinx-scholar.js"
#: the publication pages' own script: the citations' copy buttons
PAGE_SCRIPT = "sphinx-scholar-page.js"
#: in the context of a publication page
PAGE_FLAG = "scholar_publication_page"


class PageRenderer:
    """Renders the body and head of publication pages. The body's nodes are
    those of the lists, written as Sphinx's HTML translator writes them (see
    :mod:`.render.page_html`), so that the pages look like the site's other
    pages in every theme. One document and render context serve every page
    of the build: made for each page, they would cost more than the page."""

    def __init__(self, app: Sphinx, site: SitePublications) -> None:
        self.app = app
        self.site = site
        self.builder: StandaloneHTMLBuilder = html_builder(app)
        builder = self.builder
        configured = app.config.scholar_highlight
        items = [configured] if isinstance(configured, str) else list(configured)
        highlight = (
            resolve_highlight(items, registry_for(app.env)) if items else Highlight()
        )
        self.document = new_document("<publication pages>", builder.docsettings)
        self.ctx = site_context(
            app.env, self.document, "", highlight, files=site.files()
        )
        self.translator: HTML5Translator | None = None  # made when a node needs it
        self.people_pages = people_page_names(app)

    def section(self, pagename: str, record: Publication) -> nodes.section:
        """The page's content: the publication, and where it is listed."""
        builder = self.app.builder
        self.ctx.docname = pagename
        section = publication_section(record, self.ctx)
        here = builder.get_target_uri(pagename)
        for node in list(section.findall(addnodes.download_reference)):
            node.replace_self(self._download_link(node, here))
        point_person_links(section, lambda person: self.person_uri(here, person))
        listed = self.site.listed_in(record.key)
        if listed:
            paragraph = nodes.paragraph(
                "", str(_("Listed in: ")), classes=["scholar-listed-in"]
            )
            for index, (docname, anchor, title) in enumerate(listed):
                if index:
                    paragraph += nodes.Text(", ")
                uri = relative_uri(here, builder.get_target_uri(docname))
                paragraph += nodes.reference(
                    "", title, refuri=f"{uri}#{anchor}", internal=True
                )
            section.insert(1, paragraph)
            section += back_links(listed, here, builder)
        return section

    def person_uri(self, here: str, person: str) -> str | None:
        """The address of a person's page, from the page ``here`` (none
        from the page itself)."""
        page = self.people_pages.get(person)
        if page is None or self.builder.get_target_uri(page) == here:
            return None
        return relative_uri(here, self.builder.get_target_uri(page))

    def _download_link(self, node, here: str) -> nodes.Node:
        """A link to a file of the site, in ``_downloads`` where the list that
        shows the publication put it."""
        text = nodes.inline("", node.astext())
        filename = node.get("filename")
        if not filename:
            return text
        uri = relative_uri(here, "_downloads/" + filename)
        return nodes.reference("", "", text, refuri=uri, classes=["download"])

    def translate(self, node: nodes.Node) -> str:
        """A node as the builder's translator writes it."""
        builder = self.builder
        if self.translator is None:
            self.translator = cast(
                "HTML5Translator", builder.create_translator(self.document, builder)
            )
        self.translator.body = []
        node.walkabout(self.translator)
        return "".join(self.translator.body)

    def context(self, pagename: str, record: Publication) -> dict:
        builder = self.app.builder
        listed = self.site.listed_in(record.key)
        parents = (
            [
                {
                    "link": builder.get_relative_uri(pagename, listed[0][0]),
                    "title": html.escape(listed[0][2]),
                }
            ]
            if listed
            else []
        )
        return {
            "title": html.escape(shown_title(record)),
            "body": body_html(self.section(pagename, record), self.translate),
            "metatags": head_tags(self.app, pagename, record, self.site, self.ctx),
            "parents": parents,
            "display_toc": False,
            PAGE_FLAG: True,
            # written apart from the documents, so Sphinx cannot tell: MathJax
            "has_maths_elements": bool(record.title_math or record.abstract_math),
        }


def back_links(
    listed: list[tuple[str, str, str]], here: str, builder: Builder
) -> nodes.paragraph:
    """At the end of the page, a way back to each list that shows the
    publication, at its entry."""
    paragraph = nodes.paragraph("", "", classes=["scholar-back"])
    for index, (docname, anchor, title) in enumerate(listed):
        if index:
            paragraph += nodes.Text(" · ")
        uri = relative_uri(here, builder.get_target_uri(docname))
        text = "← " + str(_("Back to {list}")).format(list=title)
        paragraph += nodes.reference("", text, refuri=f"{uri}#{anchor}", internal=True)
    return paragraph


def without_list_script(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The script of interactive lists has nothing to do on a publication
    page, which has a script of its own (the copy button). Taken out once the
    other handlers have added theirs (MathJax)."""
    if context.get(PAGE_FLAG):
        # for this page only: Sphinx restores its scripts after each page
        app.add_js_file(PAGE_SCRIPT, loading_method="defer")
        # an inline script (the theme's) has the filename None before Sphinx 9
        context["script_files"] = [
            script
            for script in context.get("script_files", ())
            if os.path.basename(getattr(script, "filename", None) or "") != SCRIPT
        ]


def publication_section(record: Publication, ctx: RenderContext) -> nodes.section:
    section = nodes.section(
        "", ids=["publication"], classes=["scholar-publication-page"]
    )
    section += nodes.title(
        record.title,
        "",
        *math_nodes(shown_title(record), record.title_math),
    )
    lines = nodes.line_block(classes=["scholar-entry"])
    if record.authors:
        lines += nodes.line(
            "", "", *people_nodes(record.authors, ctx), classes=["scholar-authors"]
        )
    details = venue_nodes(record, DEFAULT_PARTS - {"links"}, ctx)
    if details:
        lines += nodes.line("", "", *details, classes=["scholar-venue"])
    section += lines
    links = links_nodes(record.links, record, ctx)
    if record.url:
        site = link_node(record.url, str(_("Publication page")), record, ctx)
        if site is not None:
            links = [nodes.Text(" ["), site, nodes.Text("]"), *links]
    if links:
        links[0] = nodes.Text("[")
        section += nodes.paragraph("", "", *links, classes=["scholar-links"])
    for related in record.related:
        section += nodes.paragraph(
            "",
            related.text,
            *links_nodes(related.links, record, ctx),
            classes=["scholar-related"],
        )
    if record.abstract:
        label = str(_("Abstract"))
        section += nodes.rubric(label, label)
        section += nodes.paragraph(
            record.abstract,
            "",
            *math_nodes(record.abstract, record.abstract_math),
            classes=["scholar-abstract"],
        )
    educate(section, ctx.document)  # as the lists are; the BibTeX stays as written
    section.extend(citation_section(record, details))
    return section
