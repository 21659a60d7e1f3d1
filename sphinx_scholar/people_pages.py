"""A page for each person of the people registry (``scholar_people_pages =
"people"``): ``people/<id>.html`` with their photo, role, affiliation, links
and research areas, then the publications and talks of theirs that the
site's lists show (after their filters, limits and ``only`` blocks, as the
publication pages), newest first.

Made as the publication pages are (see :mod:`.pages`): by the HTML builder,
in the site's theme, nothing written into the source folder, and a page
written again only when what it shows changed. A person's page is where the
lists link their name when the registry gives no ``url`` of their own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.osutil import relative_uri

from . import cache
from .cache import cache_dir
from .domain import scholar_domain
from .model import Person, Publication, Talk
from .page_content import PAGE_FLAG, PageRenderer
from .page_description import meta_tag, opengraph_tags, summary
from .pages import read_manifest, record_digest, remove_output, site_digest
from .person_links import people_page_names, point_person_links
from .render.page_html import body_html
from .render.people import render_profile
from .render.publications import (
    DEFAULT_PARTS,
    PAGE_KEY,
    TITLE_PAGE_KEY,
    publication_list,
)
from .render.talks import DEFAULT_PARTS as TALK_PARTS
from .render.talks import talk_list
from .shown import condition_holds, html_builder, makes_pages, site_publications
from .site_people import registry_for
from .text import slug
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def by_person(registry, records) -> dict[str, list]:
    """Person id -> the records with them among the authors (or speakers),
    newest first."""
    found: dict[str, list] = {person: [] for person in registry.people}
    for record in records:
        ids = {
            person.id
            for author in record.authors
            if (person := registry.match(author)) is not None
        }
        for person_id in ids:
            found[person_id].append(record)
    for listed in found.values():
        listed.sort(key=lambda r: (-(r.year or 0), -(r.month or 0)))
    return found


def works_of(app: Sphinx) -> dict[str, list[Publication]]:
    """Person id -> the publications the site lists with them as an author."""
    records = site_publications(app).ordered_records()
    return by_person(registry_for(app.env), records)


def talks_of(app: Sphinx) -> dict[str, list[Talk]]:
    """Person id -> the talks the site's lists show with them as a speaker
    (after the lists' filters and ``only`` blocks, as the publications)."""
    shown = scholar_domain(app.env).visible_talks(
        lambda expression: condition_holds(app.builder.tags, expression)
    )
    data = cache.of(app.env)
    records = [
        record
        for path in sorted(shown)
        if os.path.isfile(path)
        for record in data.load(path, "talks").records
        if record.key in shown[path]
    ]
    return by_person(registry_for(app.env), records)


class PersonPageRenderer(PageRenderer):
    """Renders a person's page with the publication pages' document, context
    and translator."""

    def person_section(
        self, pagename: str, person: Person, works: list[Publication], talks: list[Talk]
    ) -> nodes.section:
        self.ctx.docname = pagename
        # the ids of one page, whichever pages this build writes before it
        self.document.ids.clear()
        self.document.nameids.clear()
        section = nodes.section(
            "", ids=[f"person-{slug(person.id)}"], classes=["scholar-person-page"]
        )
        section += nodes.title(person.name, person.name)
        section += render_profile(person, [], self.ctx, show_name=False)
        if works:
            label = str(_("Publications"))
            section += nodes.rubric(label, label)
            section += publication_list(works, DEFAULT_PARTS, self.ctx)
        if talks:
            label = str(_("Talks"))
            section += nodes.rubric(label, label)
            section += talk_list(talks, TALK_PARTS, self.ctx)
        here = self.builder.get_target_uri(pagename)
        pages = self.site.pages
        # the links of the entries: to their publication's page, to files
        for node in list(section.findall(nodes.reference)):
            key = node.attributes.pop(PAGE_KEY, None) or node.attributes.pop(
                TITLE_PAGE_KEY, None
            )
            if key is None:
                continue
            if key in pages:
                node["refuri"] = relative_uri(
                    here, self.builder.get_target_uri(pages[key])
                )
                node["internal"] = True
            elif not node.get("refuri"):
                node.replace_self(node.children)
        for node in list(section.findall(addnodes.download_reference)):
            node.replace_self(self._download_link(node, here))
        point_person_links(section, lambda person: self.person_uri(here, person))
        return section

    def person_context(
        self, pagename: str, person: Person, works: list[Publication], talks: list[Talk]
    ) -> dict[str, Any]:
        return {
            "title": html.escape(person.name),
            "body": body_html(
                self.person_section(pagename, person, works, talks), self.translate
            ),
            "metatags": self.person_tags(pagename, person),
            "display_toc": False,
            PAGE_FLAG: True,
        }

    def person_tags(self, pagename: str, person: Person) -> str:
        """A description (role, affiliation, research areas) and the
        OpenGraph basics of a person's page."""
        if not self.app.config.scholar_page_descriptions:
            return ""
        text = summary(
            ". ".join(
                part
                for part in (
                    ", ".join(p for p in (person.role, person.affiliation) if p),
                    ", ".join(person.areas),
                )
                if part
            )
        )
        base = self.app.config.html_baseurl
        url = (
            base.rstrip("/") + "/" + self.builder.get_target_uri(pagename)
            if base
            else ""
        )
        image = person.photo if person.photo.startswith("https://") else ""
        tags = [meta_tag("name", "description", text)] if text else []
        tags += opengraph_tags(
            person.name, text, "profile", url, self.app.config.project, image
        )
        return "".join(tags)


def _manifest_path(app: Sphinx) -> str:
    outdir = hashlib.sha1(os.fsencode(app.outdir)).hexdigest()[:12]
    return os.path.join(cache_dir(app.env), f"people-{app.builder.name}-{outdir}.json")


def collect_people_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the people pages whose content changed since
    they were last written; the pages of people gone are removed."""
    if not makes_pages(app):
        return
    names = people_page_names(app)
    path = _manifest_path(app)
    site_before, written = read_manifest(path)
    builder = html_builder(app)
    for pagename in written.keys() - set(names.values()):
        remove_output(builder, pagename)
    if not names:
        if written:
            os.remove(path)
        return
    site = site_publications(app)
    registry = registry_for(app.env)
    works = works_of(app)
    talks = talks_of(app)
    digest_of_site = site_digest(app)
    manifest = {}
    renderer: PersonPageRenderer | None = None
    for person_id, pagename in names.items():
        person = registry.people[person_id]
        shown = works[person_id]
        digest = hashlib.sha1(
            "\0".join(
                [
                    digest_of_site,
                    repr(person),
                    *(record_digest(record) for record in shown),
                    *(site.pages.get(record.key, "") for record in shown),
                    *(
                        repr(dataclasses.replace(talk, line=0))
                        for talk in talks[person_id]
                    ),
                ]
            ).encode("utf-8")
        ).hexdigest()
        manifest[pagename] = digest
        if written.get(pagename) == digest and os.path.isfile(
            builder.get_outfilename(pagename)
        ):
            continue
        if renderer is None:
            renderer = PersonPageRenderer(app, site)
        context = renderer.person_context(pagename, person, shown, talks[person_id])
        yield pagename, context, "page.html"
    if manifest != written or digest_of_site != site_before:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            json.dump([digest_of_site, manifest], file)
