"""What a publication page tells search engines and reference managers:
Highwire Press ``citation_*`` tags (read by Google Scholar, Zotero, Mendeley)
and schema.org ``ScholarlyArticle`` JSON-LD."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .event_calendar import script_json
from .model import Author, Publication
from .page_description import meta_tag, opengraph_tags, summary
from .render.files import is_external

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .render.context import RenderContext
    from .shown import SitePublications

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


def _meta(name: str, content) -> str:
    return f'<meta name="{name}" content="{html.escape(str(content), quote=True)}" />'


def pdf_link(record: Publication) -> str:
    return next(
        (f.url for link in record.links if link.label == "pdf" for f in link.files), ""
    )


def head_tags(
    app: Sphinx,
    pagename: str,
    record: Publication,
    site: SitePublications,
    ctx: RenderContext,
) -> str:
    """Highwire Press tags for Google Scholar, and ScholarlyArticle JSON-LD."""
    tags = [_meta("citation_title", record.title)] if record.title else []
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
    tags.append(jsonld_script(app, pagename, record, pdf, ctx))
    if app.config.scholar_page_descriptions:
        tags += description_tags(app, pagename, record)
    return "\n".join(tags) + "\n"


def description_tags(app: Sphinx, pagename: str, record: Publication) -> list[str]:
    """The abstract, or who wrote it where, as the page's description."""
    text = record.abstract or ", ".join(
        part
        for part in (
            ", ".join(author.name for author in record.authors[:3])
            + (" et al." if len(record.authors) > 3 else ""),
            record.venue,
            str(record.year or ""),
        )
        if part
    )
    text = summary(text)
    base = app.config.html_baseurl
    url = base.rstrip("/") + "/" + app.builder.get_target_uri(pagename) if base else ""
    tags = [meta_tag("name", "description", text)] if text else []
    # a picture of the work, where it is on the web (a file of the site is
    # not copied for the page)
    image = record.preview if record.preview.startswith("https://") else ""
    tags += opengraph_tags(
        record.title, text, "article", url, app.config.project, image
    )
    return [tag.rstrip("\n") for tag in tags]


def pdf_url(
    app: Sphinx, record: Publication, site: SitePublications, ctx: RenderContext
) -> str:
    """The PDF as an absolute URL: as written, or the site's copy under html_baseurl."""
    pdf = pdf_link(record)
    if not pdf or is_external(pdf):
        return pdf
    base = app.config.html_baseurl
    if not base:
        return ""
    found = site.files().get(pdf, record)
    return f"{base.rstrip('/')}/_downloads/{found.download}" if found else ""


#: profile links that are the person elsewhere, not a document of theirs
_NOT_IDENTITY = frozenset({"cv", "email"})


def person_data(author: Author, ctx: RenderContext) -> dict:
    """An author as a schema.org ``Person``: with the registry's homepage and
    profiles (ORCID, Google Scholar, GitHub...) as ``sameAs``, so that search
    engines know which Ada Lovelace wrote it."""
    person = ctx.registry.match(author)
    name = author.name or (person.name if person else author.person)
    data: dict = {"@type": "Person", "name": name}
    if person is None:
        return data
    if person.url and is_external(person.url):
        data["url"] = person.url
    same = [
        file.url
        for link in person.links
        if link.label not in _NOT_IDENTITY
        for file in link.files
        if file.url.startswith(("https://", "http://"))
    ]
    if same:
        data["sameAs"] = same
    return data


def jsonld_script(
    app: Sphinx, pagename: str, record: Publication, pdf: str, ctx: RenderContext
) -> str:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": record.title,
        "name": record.title,
        "author": [person_data(author, ctx) for author in record.authors],
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
