"""Which publications the built site shows, and where.

A publication is part of the site if and only if a list of a document that is
built shows it: after the list's ``:filter:`` and ``:limit:``, outside any
``only`` block whose condition is false for the builder. Its page, its entry
in the search index, the ``.bib`` export and the feed, and the links to it
all follow this one answer, made once per build when the documents are read.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import cache
from .diagnostics import Subtype, file_location, warn_in_file
from .domain import scholar_domain
from .model import Publication
from .render.context import site_files
from .render.files import Found, SiteFiles, resolve
from .state import state_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

#: characters a page name keeps as written; others are replaced
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def makes_pages(app: Sphinx) -> bool:
    """Whether this build writes publication pages: HTML with a page per file
    (not ``singlehtml``, nor an e-book), when the site asks for them."""
    builder = app.builder
    return (
        bool(app.config.scholar_publication_pages)
        and builder.format == "html"
        and builder.name != "singlehtml"
        and not builder.name.startswith("epub")
    )


def html_builder(app: Sphinx) -> StandaloneHTMLBuilder:
    """The builder of a build that writes publication pages: Sphinx's HTML
    builder or one made from it, the only builders that emit
    ``html-collect-pages`` and write a search index."""
    return cast("StandaloneHTMLBuilder", app.builder)


def page_names(keys, folder: str, taken) -> dict[str, str]:
    """Each key's page name: the key as written where it is a safe path
    segment, its other characters replaced by ``-``; a short hash is added
    only where two names would be one file on a case-insensitive file
    system, or where a document of the site has the name already."""
    used = {name.casefold() for name in taken}
    names: dict[str, str] = {}
    for key in sorted(keys):
        plain = _UNSAFE.sub("-", key).strip(".-")
        name = f"{folder}/{plain}"
        if not plain or name.casefold() in used:
            suffix = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
            name = f"{folder}/{plain}-{suffix}" if plain else f"{folder}/{suffix}"
        used.add(name.casefold())
        names[key] = name
    return names


def condition_holds(tags: Tags, expression: str) -> bool:
    """An ``only`` condition, as Sphinx evaluates it when it writes a page
    (one that does not parse keeps its content, as Sphinx does)."""
    try:
        return bool(tags.eval_condition(expression))
    except Exception:
        return True


class SitePublications:
    """The publications the built site shows, their lists, pages and records."""

    def __init__(self, env: BuildEnvironment, tags: Tags, folder: str) -> None:
        self.env = env
        domain = scholar_domain(env)
        #: docname -> {key: anchor} of the publications the built site shows
        self.shown: dict[str, dict[str, str]] = domain.visible(
            lambda expression: condition_holds(tags, expression)
        )
        #: key -> [(docname, anchor)], documents by name
        self.lists: dict[str, list[tuple[str, str]]] = {}
        for docname in sorted(self.shown):
            for key, anchor in self.shown[docname].items():
                self.lists.setdefault(key, []).append((docname, anchor))
        #: key -> the name of the publication's own page
        self.pages: dict[str, str] = (
            page_names(self.lists, folder, env.all_docs) if folder else {}
        )
        self._records: dict[str, Publication] | None = None
        self._files: SiteFiles | None = None
        self._titles: dict[str, str] = {}

    def keys(self) -> set[str]:
        return set(self.lists)

    def where(self, key: str, fromdocname: str) -> tuple[str, str] | None:
        """``(docname, anchor)``: on the page itself if it shows the
        publication, else on the first page by name."""
        anchor = self.shown.get(fromdocname, {}).get(key)
        if anchor is not None:
            return fromdocname, anchor
        lists = self.lists.get(key)
        return lists[0] if lists else None

    def listed_in(self, key: str) -> list[tuple[str, str, str]]:
        """``(docname, anchor, the document's title)`` of each list showing it."""
        return [
            (docname, anchor, self.title(docname))
            for docname, anchor in self.lists.get(key, ())
        ]

    def title(self, docname: str) -> str:
        if docname not in self._titles:
            title = self.env.titles.get(docname)
            self._titles[docname] = title.astext() if title else docname
        return self._titles[docname]

    def records(self) -> dict[str, Publication]:
        """key -> the record each shown publication is rendered from: from the
        data files of the first document (by name) that shows it."""
        if self._records is None:
            found: dict[str, Publication] = {}
            warned: set[tuple[str, str]] = set()
            sources = scholar_domain(self.env).sources
            data = cache.of(self.env)
            for docname in sorted(self.shown):
                wanted = self.shown[docname]
                for path, kind in sources.get(docname, ()):
                    if kind != "publications" or not os.path.isfile(path):
                        continue
                    for record in data.load(path, kind).records:
                        if record.key not in wanted:
                            continue
                        first = found.setdefault(record.key, record)
                        twice = (record.key, record.source)
                        if first.source != record.source and twice not in warned:
                            warned.add(twice)
                            _warn_twice_shown(first, record)
            self._records = found
        return self._records

    def record(self, key: str) -> Publication | None:
        return self.records().get(key)

    def ordered_records(self) -> list[Publication]:
        """The records shown, each once, in the order of their data files."""
        records = self.records()
        return sorted(records.values(), key=lambda r: (r.source, r.line, r.key))

    def files(self) -> SiteFiles:
        """The files of the site the publications link, with their names in
        ``_downloads`` where the lists that show them put them. Their
        problems were reported by those lists."""
        if self._files is None:
            files = self._files = site_files(self.env)
            resolve(self.ordered_records(), files)
            for key, found in files.found.items():
                entry = self.env.dlfiles.get(Path(found.relative))
                if entry:
                    files.found[key] = Found(found.relative, Path(entry[1]).as_posix())
        return self._files


def _warn_twice_shown(first: Publication, other: Publication) -> None:
    warn_in_file(
        f"publication key {other.key!r} is also in {file_location(first.source, first.line)}; "
        "the site's lists show both, but its page, the BibTeX export and the "
        "feed have only that one: give one of them another key",
        Subtype.duplicate_key,
        other.source,
        other.line,
    )


def site_publications(app: Sphinx) -> SitePublications:
    """What the site shows in this build, made when first asked once the
    documents are read."""
    state = state_of(app.env)
    if state.site is None:
        folder = app.config.scholar_publication_pages if makes_pages(app) else ""
        state.site = SitePublications(app.env, app.builder.tags, folder)
    return state.site
