"""A page for every publication a site lists, with the metadata Google Scholar reads.

Before reading, a small source file is written for each publication of every
data file a ``publications`` directive names (``pub/<key>.rst`` by default).
The file holds a digest of the record, so it changes, and its page is read
again, only when that publication's data changes. Each page carries
Highwire Press ``citation_*`` tags and schema.org ``ScholarlyArticle`` JSON-LD.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import html
import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.project import Project
from sphinx.util.docutils import SphinxDirective

from . import cache
from .calendar import script_json
from .citation import citation_bibtex
from .diagnostics import Subtype, warn
from .directives.listing import cache_dir, render_context
from .locale import _
from .model import Publication
from .paths import is_readable, outside_message, readable_folders
from .people import Highlight, resolve_highlight
from .registry import note_people_dependency, registry_for
from .render.nodes import link_node, links_nodes, people_nodes
from .render.publications import DEFAULT_PARTS, venue_nodes
from .sources import named_files
from .text import slug

#: The first line of every page source this module writes; others are never touched.
MARKER = ".. This file is written by sphinx-scholar; edits are lost."
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


def digest(record: Publication) -> str:
    """Changes exactly when what the publication's page shows changes."""
    stable = dataclasses.replace(record, line=0)
    return hashlib.sha1(repr(stable).encode("utf-8")).hexdigest()[:16]


def listed_data_files(app, folder: str) -> list[str]:
    """Every publications file the site's pages name (the pages folder aside)."""
    project = Project(app.srcdir, app.config.source_suffix)
    excluded = [*app.config.exclude_patterns, f"{folder}/**"]
    readable = readable_folders(app.srcdir, app.config)
    found: list[str] = []
    for docname in sorted(project.discover(excluded, app.config.include_patterns)):
        document = project.doc2path(docname, absolute=True)
        try:
            text = document.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for path, kind in named_files(text, str(document), str(app.srcdir)):
            if (
                kind == "publications"
                and os.path.isfile(path)
                and is_readable(path, readable)  # else the directive says why
                and path not in found
            ):
                found.append(path)
    return found


def write_page_sources(app) -> None:
    """Write (or remove) the page source of every listed publication."""
    folder = app.config.scholar_publication_pages
    if not folder:
        return
    target = Path(app.srcdir) / folder
    wanted: dict[Path, str] = {}
    for path in listed_data_files(app, folder):
        for record in cache.load(path, "publications", cache_dir(app.env)).records:
            source = target / f"{slug(record.key)}.rst"
            if source in wanted:
                continue  # the same key in two files: the first file's page
            relative = "/" + os.path.relpath(path, app.srcdir).replace(os.sep, "/")
            # The key is named by its slug: a key is data, and data written
            # into reStructuredText could add markup to the page.
            wanted[source] = (
                f"{MARKER}\n\n:orphan:\n\n.. publication-page:: {relative}\n"
                f"   :key: {slug(record.key)}\n   :digest: {digest(record)}\n"
            )
    for source, text in wanted.items():
        if not source.exists() or source.read_text(encoding="utf-8") != text:
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_text(text, encoding="utf-8")
    if target.is_dir():
        for old in target.glob("*.rst"):
            if old not in wanted and old.read_text(encoding="utf-8").startswith(MARKER):
                old.unlink()
                remove_outputs(app, f"{folder}/{old.stem}", old.suffix)


def remove_outputs(app, docname: str, source_suffix: str) -> None:
    """Remove what an earlier build wrote for a page whose publication is
    gone: Sphinx leaves the output of removed documents, and the site would
    keep a page that the data no longer has."""
    builder = app.builder
    if hasattr(builder, "get_outfilename"):  # HTML, and its copy of the source
        outputs = [os.fspath(builder.get_outfilename(docname))]
        suffix = app.config.html_sourcelink_suffix
        name = docname + source_suffix + ("" if suffix == source_suffix else suffix)
        outputs.append(os.path.join(builder.outdir, "_sources", name))
    elif getattr(builder, "out_suffix", ""):  # text, XML
        outputs = [os.path.join(builder.outdir, docname + builder.out_suffix)]
    else:  # one file for the whole site
        return
    for output in outputs:
        with contextlib.suppress(FileNotFoundError):
            os.remove(output)
    if outputs[0].endswith(f"{docname}/index.html"):  # dirhtml: a folder per page
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(outputs[0]))


class PublicationPageDirective(SphinxDirective):
    """The body of a publication's own page (written by :func:`write_page_sources`)."""

    required_arguments = 1
    option_spec = {"key": directives.unchanged_required, "digest": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        _relative, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        key = self.options.get("key", "")
        if not is_readable(path, readable_folders(self.env.srcdir, self.config)):
            warn(
                f"data file {self.arguments[0]} {outside_message(path)}",
                Subtype.data_file,
                self.get_location(),
            )
            return []
        records = (
            cache.load(path, "publications", cache_dir(self.env)).records
            if os.path.isfile(path)
            else []
        )
        record = next((r for r in records if slug(r.key) == key), None)
        if record is None:
            warn(
                f"publication {key!r} is not in {self.arguments[0]}",
                Subtype.reference,
                self.get_location(),
            )
            return []
        note_people_dependency(self.env)
        registry = registry_for(self.env)
        configured = self.config.scholar_highlight
        items = [configured] if isinstance(configured, str) else list(configured)
        ctx = render_context(
            self, resolve_highlight(items, registry) if items else Highlight()
        )
        ctx.report_files = False
        self.env.get_domain("scholar").note_page(
            self.env.docname, record.key, metadata(record)
        )
        return [publication_section(record, ctx)]


def publication_section(record: Publication, ctx) -> nodes.section:
    section = nodes.section(
        "",
        ids=[ctx.unique_id(f"pub-{slug(record.key)}")],
        classes=["scholar-publication-page"],
    )
    ctx.register(section)
    ctx.shown(record, section["ids"][0])
    section += nodes.title(record.title, record.title)
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
            record.abstract, record.abstract, classes=["scholar-abstract"]
        )
    bibtex = citation_bibtex(record)
    label = str(_("BibTeX"))
    section += nodes.rubric(label, label)
    block = nodes.literal_block(
        bibtex, bibtex, language="bibtex", classes=["scholar-bibtex"]
    )
    section += block
    return section


def metadata(record: Publication) -> dict:
    """What the page's ``<head>`` says of the publication (made at reading time)."""
    pdf = next(
        (f.url for link in record.links if link.label == "pdf" for f in link.files), ""
    )
    return {
        "title": record.title,
        "authors": [author.name for author in record.authors],
        "year": record.year,
        "month": record.month,
        "venue": record.venue,
        "type": record.type,
        "volume": record.volume,
        "number": record.number,
        "pages": record.pages,
        "publisher": record.publisher,
        "doi": record.doi,
        "arxiv": record.arxiv,
        "abstract": record.abstract,
        "pdf": pdf,
        "source": record.source,
    }


def _meta(name: str, content) -> str:
    return f'<meta name="{name}" content="{html.escape(str(content), quote=True)}" />'


def head_tags(app, pagename: str, meta: dict) -> str:
    """Highwire Press tags for Google Scholar, and ScholarlyArticle JSON-LD."""
    tags = [_meta("citation_title", meta["title"])]
    tags += [_meta("citation_author", name) for name in meta["authors"]]
    if meta["year"]:
        date = (
            f"{meta['year']}/{meta['month']:02d}"
            if meta["month"]
            else str(meta["year"])
        )
        tags.append(_meta("citation_publication_date", date))
    venue_tag = VENUE_TAGS.get(meta["type"])
    if meta["venue"] and venue_tag:
        tags.append(_meta(venue_tag, meta["venue"]))
    for name in ("volume", "publisher"):
        if meta[name]:
            tags.append(_meta(f"citation_{name}", meta[name]))
    if meta["number"]:
        tags.append(_meta("citation_issue", meta["number"]))
    if meta["pages"]:
        first, _sep, last = meta["pages"].replace("–", "-").partition("-")
        tags.append(_meta("citation_firstpage", first.strip()))
        if last.strip():
            tags.append(_meta("citation_lastpage", last.strip()))
    pdf = pdf_url(app, meta)
    if pdf:
        tags.append(_meta("citation_pdf_url", pdf))
    if meta["doi"]:
        tags.append(_meta("citation_doi", meta["doi"]))
    if meta["arxiv"]:
        tags.append(_meta("citation_arxiv_id", meta["arxiv"]))
    if meta["abstract"]:
        tags.append(_meta("citation_abstract", meta["abstract"]))
    tags.append(jsonld_script(app, pagename, meta, pdf))
    return "\n".join(tags) + "\n"


def pdf_url(app, meta: dict) -> str:
    """The PDF as an absolute URL: as written, or the site's copy under html_baseurl."""
    pdf = meta["pdf"]
    if not pdf or "://" in pdf or pdf.startswith("//"):
        return pdf
    base = app.config.html_baseurl
    if not base:
        return ""
    for folder in (
        os.path.dirname(meta["source"]),
        *(os.path.join(app.srcdir, d) for d in app.config.scholar_file_dirs),
    ):
        candidate = os.path.relpath(
            os.path.normpath(os.path.join(folder, pdf)), app.srcdir
        )
        for key in (Path(candidate), candidate):  # Sphinx 9 keys are paths, 8 strings
            if key in app.env.dlfiles:
                unique = Path(app.env.dlfiles[key][1]).as_posix()
                return base.rstrip("/") + "/_downloads/" + unique
    return ""


def jsonld_script(app, pagename: str, meta: dict, pdf: str) -> str:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": meta["title"],
        "name": meta["title"],
        "author": [{"@type": "Person", "name": name} for name in meta["authors"]],
    }
    if meta["year"]:
        data["datePublished"] = (
            f"{meta['year']}-{meta['month']:02d}"
            if meta["month"]
            else str(meta["year"])
        )
    if meta["venue"]:
        data["isPartOf"] = {
            "@type": "Periodical" if meta["type"] == "journal" else "CreativeWork",
            "name": meta["venue"],
        }
    if meta["abstract"]:
        data["abstract"] = meta["abstract"]
    if meta["doi"]:
        data["sameAs"] = f"https://doi.org/{meta['doi']}"
    if pdf:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": pdf,
            "encodingFormat": "application/pdf",
        }
    base = app.config.html_baseurl
    if base:
        data["url"] = base.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
    text = script_json(data)
    return f'<script type="application/ld+json">\n{text}\n</script>'


def on_html_page_context(app, pagename, templatename, context, doctree) -> None:
    meta = app.env.get_domain("scholar").pages.get(pagename)
    if meta is not None:
        context["metatags"] = context.get("metatags", "") + head_tags(
            app, pagename, meta
        )
