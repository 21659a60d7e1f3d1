"""What rendering needs to know of the site and of the page: made by the
directives while reading, and by the outputs (deferred lists, publication
pages) when writing."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..domain import scholar_domain
from ..metrics.site import site_metrics
from ..paths import readable_folders
from ..people_matching import Highlight, Registry
from ..site_people import registry_for
from ..state import state_of
from ..text import slug
from .files import SiteFiles
from .venues import site_venues

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..model import Publication
    from .entry_html import EntryLines


@dataclass
class RenderContext:
    """What rendering needs to know about the page and the site."""

    document: nodes.document
    docname: str
    srcdir: str
    registry: Registry
    highlight: Highlight
    #: the files of the site the rendered records name, found beforehand
    files: SiteFiles
    #: told of each publication shown, with its anchor
    note_publication: Callable[[str, str, str], None] | None = None
    #: where publications have pages of their own ("" for none)
    page_folder: str = ""
    #: the features of an interactive list (HTML only): sort, search, ...
    interactive: frozenset[str] = frozenset()
    #: whether the older years of ``:collapse-before:`` start unfolded
    fold_open: bool = False
    #: whether they are folded at all (``:fold: none`` shows them under their
    #: heading, like the other years)
    fold_older: bool = True
    #: the site's language, for month names
    language: str = "en"
    #: publication key -> anchor, when the anchors were fixed while reading
    #: (lists rendered when the page is written, see :mod:`..deferred`)
    anchors: dict[str, str] | None = None
    #: how publication entries look: "buttons" or "brackets" (see
    #: ``scholar_entry_style``); buttons only where :attr:`buttons` allows
    entry_style: str = "brackets"
    #: whether the builder shows buttons (HTML, not e-books)
    buttons: bool = False
    #: whether the builder shows pictures and badges (every HTML builder)
    pictures: bool = False
    #: whether a highlighted author of a publication links to their page
    highlight_links: bool = True
    #: venue badges from ``scholar_venues_file``, by folded name
    venues: dict | None = None
    #: how the venue line is written (``scholar_venue_format``,
    #: ``:venue-format:``); "" for the built-in line
    venue_format: str = ""
    #: whether the link to a publication's page comes after its abstract
    #: (``:details-last:``)
    details_last: bool = False
    #: how a link of several files is written, by label (``scholar_link_format``)
    link_format: dict[str, str] | None = None
    #: authors shown before "et al." (``scholar_max_authors``, ``:max-authors:``);
    #: 0 for all
    max_authors: int = 0
    #: the people whose names link to their page (``scholar_people_pages``)
    people_pages: frozenset[str] = frozenset()
    #: the marks of equal contribution and of the corresponding author
    #: (``scholar_author_marks``)
    author_marks: dict[str, str] | None = None
    #: the CSL style of the entries (``scholar_citation_style``, ``:style:``),
    #: "" for the house style; the parsed styles of the build
    citation_style: str = ""
    citation_styles: dict | None = None
    #: publication key -> its entry in ``citation_style`` (see :mod:`.csl`)
    styled: dict[str, str] | None = None
    #: how CV entries are laid out in HTML: "list" or "timeline" (the dates
    #: in a column of their own; ``:layout:`` of ``cv``)
    cv_layout: str = "list"
    #: the citation counts of ``scholar_metrics_file`` by publication key
    #: (:mod:`..metrics.site`), ``None`` without one
    metrics: dict | None = None
    #: writes an entry's usual lines as HTML (HTML pages with buttons, see
    #: :mod:`.entry_html`); ``None``: nodes
    entry_html: EntryLines | None = None

    def shown(self, record: Publication, anchor: str) -> None:
        if self.note_publication is not None:
            self.note_publication(record.key, anchor, record.title)

    def unique_id(self, base: str) -> str:
        """An HTML id not yet used in this document, made from ``base``."""
        candidate, number = base, 1
        while candidate in self.document.ids:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def register(self, node: nodes.Element) -> None:
        self.document.set_id(node)

    def anchor(self, record: Publication) -> str:
        """The anchor of a publication's entry, made once and told to the domain."""
        if self.anchors is not None:
            return self.anchors[record.key]
        anchor = self.unique_id(f"pub-{slug(record.key)}")
        self.shown(record, anchor)
        return anchor


def site_context(
    env: BuildEnvironment, document, docname: str, highlight: Highlight, **page
) -> RenderContext:
    """What the renderers need to know of the site, and of the page (``page``:
    more :class:`RenderContext` fields)."""
    name, format_ = builder_of(env)
    page.setdefault("entry_style", env.config.scholar_entry_style)
    page.setdefault("venue_format", env.config.scholar_venue_format)
    page.setdefault("max_authors", env.config.scholar_max_authors)
    page.setdefault("author_marks", env.config.scholar_author_marks)
    page.setdefault("citation_style", env.config.scholar_citation_style)
    page.setdefault("citation_styles", state_of(env).citation_styles)
    page.setdefault("metrics", site_metrics(env))
    registry = registry_for(env)
    if env.config.scholar_people_pages:
        page.setdefault("people_pages", frozenset(registry.people))
    return RenderContext(
        document=document,
        docname=docname,
        srcdir=str(env.srcdir),
        registry=registry,
        highlight=highlight,
        files=page.pop("files", None) or site_files(env),
        page_folder=env.config.scholar_publication_pages,
        language=env.config.language or "en",
        buttons=format_ == "html" and not name.startswith("epub"),
        pictures=format_ == "html",
        highlight_links=env.config.scholar_highlight_links,
        venues=site_venues(env),
        link_format=env.config.scholar_link_format,
        **page,
    )


def builder_of(env: BuildEnvironment) -> tuple[str, str]:
    """The name and format of the builder the site is built with (known
    while reading too: the entries of a list may be rendered then)."""
    builder = getattr(env, "_builder_cls", None)  # Sphinx 9
    if builder is None:  # Sphinx 8: the application's builder
        builder = getattr(getattr(env, "app", None), "builder", None)
    return getattr(builder, "name", ""), getattr(builder, "format", "")


def site_files(env: BuildEnvironment) -> SiteFiles:
    """Where the files records name are looked for, with nothing found yet."""
    return SiteFiles(
        srcdir=str(env.srcdir),
        file_dirs=tuple(
            os.path.join(env.srcdir, folder) for folder in env.config.scholar_file_dirs
        ),
        readable=readable_folders(env.srcdir, env.config),
    )


def render_context(directive, highlight: Highlight) -> RenderContext:
    """What the renderers need to know of the page the directive is on."""
    env = directive.env
    domain = scholar_domain(env)
    return site_context(
        env,
        directive.state.document,
        env.docname,
        highlight,
        note_publication=lambda key, anchor, title: domain.note_publication(
            key, env.docname, anchor, title
        ),
    )
