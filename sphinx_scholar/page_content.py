"""A publication page's context: its body (the publication as its lists show
it, its abstract, how to cite it, and where it is listed; see
:mod:`.page_body`), its head tags and its place in the site."""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from docutils.utils import new_document
from sphinx.util.osutil import relative_uri

from .model import Publication
from .page_body import PageBodyWriter, PagePlace
from .page_metadata import head_tags
from .people_matching import Highlight, resolve_highlight
from .person_links import people_page_names
from .render.context import site_context
from .render.html_blocks import translated
from .render.publications import shown_title
from .shown import html_builder
from .site_people import registry_for
from .state import state_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.writers.html5 import HTML5Translator

    from .shown import SitePublications

#: the extension's script, which publication pages do without
SCRIPT = "sphinx-scholar.js"
#: the publication pages' own script: the citations' copy buttons
PAGE_SCRIPT = "sphinx-scholar-page.js"
#: in the context of a publication page
PAGE_FLAG = "scholar_publication_page"


class PageRenderer:
    """Renders the body and head of publication pages. One document, render
    context and body writer serve every page of the build: made for each
    page, they would cost more than the page."""

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
        self.writer = PageBodyWriter(self.ctx, self.document, self.translate)
        self.people_pages = people_page_names(app)

    def body(
        self, pagename: str, record: Publication, listed: list[tuple[str, str, str]]
    ) -> str:
        """The page's content (see :mod:`.page_body`); ``listed``: the lists
        that show the publication (see :meth:`.SitePublications.listed_in`)."""
        builder = self.builder
        here = builder.get_target_uri(pagename)
        self.ctx.docname = pagename
        lists = [
            (f"{relative_uri(here, builder.get_target_uri(docname))}#{anchor}", title)
            for docname, anchor, title in listed
        ]
        place = PagePlace(
            person_uri=lambda person: self.person_uri(here, person),
            download_uri=lambda filename: relative_uri(here, "_downloads/" + filename),
            lists=lists,
        )
        return self.writer.body(record, place)

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
        return translated(self.translator, node)

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
            "body": self.body(pagename, record, listed),
            "metatags": head_tags(self.app, pagename, record, self.site, self.ctx),
            "parents": parents,
            "display_toc": False,
            PAGE_FLAG: True,
            # written apart from the documents, so Sphinx cannot tell: MathJax
            "has_maths_elements": bool(record.title_math or record.abstract_math),
        }


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
    if not context.get(PAGE_FLAG):
        return
    # Pages are given the same few lists of scripts (with MathJax or not):
    # each is changed once a build, not for each of thousands of pages.
    scripts = state_of(app.env).page_scripts
    known = tuple(context.get("script_files", ()))
    if known not in scripts:
        # for this page only: Sphinx restores its scripts after each page
        app.add_js_file(PAGE_SCRIPT, loading_method="defer")
        # an inline script (the theme's) has the filename None before Sphinx 9
        scripts[known] = [
            script
            for script in context.get("script_files", ())
            if os.path.basename(getattr(script, "filename", None) or "") != SCRIPT
        ]
    context["script_files"] = list(scripts[known])
