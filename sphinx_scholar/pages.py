"""A page for every publication the built site shows, made by the HTML builder.

Nothing is written into the source folder: once an HTML build has written its
documents, the pages of the publications that the site's lists show (after
their filters, limits and ``only`` blocks, see :mod:`.shown`) are handed to
Sphinx through ``html-collect-pages``, the way ``sphinx.ext.viewcode`` makes
its pages, and Sphinx writes them in the site's theme. A page is written again
only when something it shows changed, and the page of a publication that no
list shows any more is removed. Each page carries Highwire Press
``citation_*`` tags and schema.org ``ScholarlyArticle`` JSON-LD, links back to
the lists that show the publication, and is in the site's search index.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import html
import json
import os
from pathlib import Path

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from . import __version__, cache
from .cache import cache_dir
from .citation import citation_bibtex
from .config import CONFIG_VALUES
from .deferred import educate
from .locale import _
from .model import Publication
from .people import Highlight, resolve_highlight
from .registry import people_files, registry_for
from .render.context import site_context
from .render.files import is_external
from .render.nodes import link_node, links_nodes, people_nodes
from .render.page_html import body_html
from .render.publications import DEFAULT_PARTS, math_nodes, venue_nodes
from .shown import makes_pages, site_publications
from .state import state_of

logger = logging.getLogger(__name__)

#: the extension's script, which publication pages do without
SCRIPT = "sphinx-scholar.js"
#: in the context of a publication page
PAGE_FLAG = "scholar_publication_page"

#: The first line of every page source the extension's earlier versions wrote
#: into the source folder; such files are removed, and no other.
OLD_MARKER = ".. This file is written by sphinx-scholar; edits are lost."
#: The Highwire tag of a venue, by publication type (preprints have none).
VENUE_TAGS = {
    "journal": "citation_journal_title",
    "conference": "citation_conference_title",
    "workshop": "citation_conference_title",
    "chapter": "citation_inbook_title",
    "book": "citation_inbook_title",
    "thesis": "citation_dissertation_institution",
    "report": "citation_technical_report_institution",
}


def record_digest(record: Publication) -> str:
    """Changes exactly when what the publication's page shows of it changes."""
    stable = dataclasses.replace(record, line=0)
    return hashlib.sha1(repr(stable).encode("utf-8")).hexdigest()


def _site_digest(app) -> str:
    """What every page shows besides its publication: the extension, the
    theme and its templates, the HTML settings and the people."""
    builder = app.builder
    parts = [
        __version__,
        builder.name,
        builder.build_info.config_hash,
        builder.build_info.tags_hash,
        str(builder.templates.newest_template_mtime()),
        *(repr(getattr(app.config, value.name)) for value in CONFIG_VALUES),
        *(repr(cache.stamp(path)) for path in people_files(app.env)),
    ]
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


def _manifest_path(app) -> str:
    """Where the digests of the pages written into this output folder are kept."""
    outdir = hashlib.sha1(os.fsencode(app.outdir)).hexdigest()[:12]
    return os.path.join(cache_dir(app.env), f"pages-{app.builder.name}-{outdir}.json")


def _read_manifest(path: str) -> tuple[str, dict[str, str]]:
    """The site digest and the page digests of the pages last written."""
    try:
        with open(path, encoding="utf-8") as file:
            site, pages = json.load(file)
    except (OSError, ValueError, TypeError):
        return "", {}
    return (site, pages) if isinstance(pages, dict) else ("", {})


def collect_pages(app):
    """``html-collect-pages``: the pages whose content changed since they
    were last written; the pages of publications no list shows go."""
    if not makes_pages(app):
        return
    site = site_publications(app)
    state = state_of(app.env)
    manifest_path = _manifest_path(app)
    site_before, written = _read_manifest(manifest_path)
    builder = app.builder
    for pagename in written.keys() - set(site.pages.values()):
        _remove_output(builder, pagename)
    site_digest = _site_digest(app)
    if (
        site_digest == site_before
        and not state.read
        and written.keys() == set(site.pages.values())
        and not state.moved
    ):
        # No document was read, and none of the lists moved: the pages are
        # those last written (a data file edited is a document read).
        state.page_digests = written
        there = _written_files(builder, site.pages.values())
        changed = [
            (pagename, site.record(key))
            for key, pagename in site.pages.items()
            if pagename not in there
        ]
        manifest = written
    else:
        manifest, changed = _changed_pages(site, site_digest, written, builder)
        state.page_digests = manifest
    renderer = PageRenderer(app, site) if changed else None
    for pagename, record in changed:
        if record is not None:
            yield pagename, renderer.context(pagename, record), "page.html"
    if manifest is not written or site_digest != site_before:
        os.makedirs(os.path.dirname(manifest_path), exist_ok=True)
        with open(manifest_path, "w", encoding="utf-8") as file:
            json.dump([site_digest, manifest], file)


def _changed_pages(site, site_digest: str, written: dict[str, str], builder):
    """The digest of every page, and the pages whose digest changed since
    they were written (or whose file is gone)."""
    manifest: dict[str, str] = {}
    changed: list[tuple[str, Publication]] = []
    for key, pagename in site.pages.items():
        record = site.record(key)
        if record is None:
            continue
        digest = hashlib.sha1(
            "\0".join(
                [site_digest, record_digest(record), repr(site.listed_in(key))]
            ).encode("utf-8")
        ).hexdigest()
        manifest[pagename] = digest
        if written.get(pagename) != digest or not os.path.isfile(
            builder.get_outfilename(pagename)
        ):
            changed.append((pagename, record))
    return manifest, changed


def _written_files(builder, pagenames) -> set[str]:
    """The pages whose output file is there, from one look at each folder
    (a look per page took longer than the rest of a no-op build)."""
    pagenames = list(pagenames)
    if not pagenames:
        return set()
    outdir = os.fspath(builder.outdir)
    sample = pagenames[0]
    output = os.path.relpath(os.fspath(builder.get_outfilename(sample)), outdir)
    suffix = builder.out_suffix
    if output == os.path.normpath(sample + suffix):

        def relative(name: str) -> str:
            return name + suffix
    elif output == os.path.normpath(f"{sample}/index{suffix}"):

        def relative(name: str) -> str:
            return f"{name}/index{suffix}"
    else:  # a builder of its own: ask it for each page
        return {
            name for name in pagenames
            if os.path.isfile(builder.get_outfilename(name))
        }  # fmt: skip
    found: set[str] = set()
    # the folders of the pages (their sub-folders too, walked below)
    folders = {os.path.dirname(name) for name in pagenames}
    for folder in folders:
        for root, _dirs, files in os.walk(os.path.join(outdir, folder)):
            within = os.path.relpath(root, outdir).replace(os.sep, "/")
            found.update(f"{within}/{file}" for file in files)
    return {name for name in pagenames if relative(name) in found}


def _remove_output(builder, pagename: str) -> None:
    output = os.fspath(builder.get_outfilename(pagename))
    with contextlib.suppress(FileNotFoundError):
        os.remove(output)
    if output.endswith(f"{pagename}/index.html"):  # dirhtml: a folder per page
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(output))


class PageRenderer:
    """Renders the body and head of publication pages. The body's nodes are
    those of the lists, written as Sphinx's HTML translator writes them (see
    :mod:`.render.page_html`), so that the pages look like the site's other
    pages in every theme. One document and render context serve every page
    of the build: made for each page, they would cost more than the page."""

    def __init__(self, app, site) -> None:
        self.app = app
        self.site = site
        builder = app.builder
        configured = app.config.scholar_highlight
        items = [configured] if isinstance(configured, str) else list(configured)
        highlight = (
            resolve_highlight(items, registry_for(app.env)) if items else Highlight()
        )
        self.document = new_document("<publication pages>", builder.docsettings)
        self.ctx = site_context(
            app.env, self.document, "", highlight, files=site.files()
        )
        self.translator = None  # made when a node needs it

    def section(self, pagename: str, record: Publication) -> nodes.section:
        """The page's content: the publication, and where it is listed."""
        builder = self.app.builder
        self.ctx.docname = pagename
        section = publication_section(record, self.ctx)
        here = builder.get_target_uri(pagename)
        for node in list(section.findall(addnodes.download_reference)):
            node.replace_self(self._download_link(node, here))
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
        return section

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
        builder = self.app.builder
        if self.translator is None:
            self.translator = builder.create_translator(self.document, builder)
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
            "title": html.escape(record.title),
            "body": body_html(self.section(pagename, record), self.translate),
            "metatags": head_tags(self.app, pagename, record, self.site, self.ctx),
            "parents": parents,
            "display_toc": False,
            PAGE_FLAG: True,
            # written apart from the documents, so Sphinx cannot tell: MathJax
            "has_maths_elements": bool(record.title_math or record.abstract_math),
        }


def without_list_script(app, pagename, templatename, context, doctree) -> None:
    """The script of interactive lists has nothing to do on a publication
    page. Taken out once the other handlers have added theirs (MathJax)."""
    if context.get(PAGE_FLAG):
        context["script_files"] = [
            script
            for script in context.get("script_files", ())
            if os.path.basename(getattr(script, "filename", "")) != SCRIPT
        ]


def publication_section(record: Publication, ctx) -> nodes.section:
    section = nodes.section(
        "", ids=["publication"], classes=["scholar-publication-page"]
    )
    section += nodes.title(
        record.title, "", *math_nodes(record.title, record.title_math)
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
    bibtex = citation_bibtex(record)
    label = str(_("BibTeX"))
    section += nodes.rubric(label, label)
    # as a plain block, styled like the theme's code: colouring thousands
    # of pages' BibTeX would cost more than writing the pages
    section += nodes.raw(
        "",
        '<div class="scholar-bibtex highlight-bibtex notranslate">'
        f'<div class="highlight"><pre>{html.escape(bibtex)}</pre></div></div>\n',
        format="html",
    )
    return section


def remove_old_page_sources(app) -> None:
    """Remove the page sources the extension's earlier versions wrote into
    the source folder (those that start with their marker), once."""
    folder = Path(app.srcdir, app.config.scholar_publication_pages or "pub")
    if not folder.is_dir():
        return
    removed = 0
    for source in folder.glob("*.rst"):
        try:
            with open(source, encoding="utf-8") as file:
                first = file.readline().rstrip("\n")
        except (OSError, UnicodeDecodeError):
            continue
        if first == OLD_MARKER:
            source.unlink()
            removed += 1
    if removed:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if nothing else is in it
        logger.info(
            "sphinx-scholar: removed %d publication page source(s) from %s that "
            "an earlier version wrote; the pages are now made without them",
            removed,
            folder,
        )


def _meta(name: str, content) -> str:
    return f'<meta name="{name}" content="{html.escape(str(content), quote=True)}" />'


def pdf_link(record: Publication) -> str:
    return next(
        (f.url for link in record.links if link.label == "pdf" for f in link.files), ""
    )


def head_tags(app, pagename: str, record: Publication, site, ctx) -> str:
    """Highwire Press tags for Google Scholar, and ScholarlyArticle JSON-LD."""
    tags = [_meta("citation_title", record.title)]
    tags += [_meta("citation_author", author.name) for author in record.authors]
    if record.year:
        date = f"{record.year}/{record.month:02d}" if record.month else str(record.year)
        tags.append(_meta("citation_publication_date", date))
    venue_tag = VENUE_TAGS.get(record.type)
    if record.venue and venue_tag:
        tags.append(_meta(venue_tag, record.venue))
    for name in ("volume", "publisher"):
        if getattr(record, name):
            tags.append(_meta(f"citation_{name}", getattr(record, name)))
    if record.number:
        tags.append(_meta("citation_issue", record.number))
    if record.pages:
        first, _sep, last = record.pages.replace("–", "-").partition("-")
        tags.append(_meta("citation_firstpage", first.strip()))
        if last.strip():
            tags.append(_meta("citation_lastpage", last.strip()))
    pdf = pdf_url(app, record, site, ctx)
    if pdf:
        tags.append(_meta("citation_pdf_url", pdf))
    if record.doi:
        tags.append(_meta("citation_doi", record.doi))
    if record.arxiv:
        tags.append(_meta("citation_arxiv_id", record.arxiv))
    if record.abstract:
        tags.append(_meta("citation_abstract", record.abstract))
    tags.append(jsonld_script(app, pagename, record, pdf))
    return "\n".join(tags) + "\n"


def pdf_url(app, record: Publication, site, ctx) -> str:
    """The PDF as an absolute URL: as written, or the site's copy under html_baseurl."""
    pdf = pdf_link(record)
    if not pdf or is_external(pdf):
        return pdf
    base = app.config.html_baseurl
    if not base:
        return ""
    found = site.files().get(pdf, record)
    return f"{base.rstrip('/')}/_downloads/{found.download}" if found else ""


def jsonld_script(app, pagename: str, record: Publication, pdf: str) -> str:
    from .calendar import script_json

    data: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": record.title,
        "name": record.title,
        "author": [{"@type": "Person", "name": a.name} for a in record.authors],
    }
    if record.year:
        data["datePublished"] = (
            f"{record.year}-{record.month:02d}" if record.month else str(record.year)
        )
    if record.venue:
        data["isPartOf"] = {
            "@type": "Periodical" if record.type == "journal" else "CreativeWork",
            "name": record.venue,
        }
    if record.abstract:
        data["abstract"] = record.abstract
    if record.doi:
        data["sameAs"] = f"https://doi.org/{record.doi}"
    if pdf:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": pdf,
            "encodingFormat": "application/pdf",
        }
    base = app.config.html_baseurl
    if base:
        data["url"] = base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
    return f'<script type="application/ld+json">\n{script_json(data)}\n</script>'
