"""What each document read and showed, merged across parallel reads.

Besides the data files each page shows (so that their problems are reported
once per build), the domain knows where each publication is shown, so that a
talk can link to the paper it presents and prose can cite one with
``:scholar:pub:`key```.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode


class PublicationRole(XRefRole):
    """``:scholar:pub:`key``` links to where the publication is shown, by its title."""


class ScholarDomain(Domain):
    """Per-document state of sphinx-scholar, safe for parallel builds."""

    name = "scholar"
    label = "Scholar"
    roles = {"pub": PublicationRole()}  # noqa: RUF012
    initial_data = {  # noqa: RUF012
        "sources": {},
        "publications": {},
        "citing": {},
        "calendars": {},
        "news": {},
        "pages": {},
    }
    data_version = 7

    @property
    def sources(self) -> dict[str, list[tuple[str, str]]]:
        """docname -> the data files the document shows, as ``(path, kind)``."""
        return self.data["sources"]

    @property
    def publications(self) -> dict[str, dict[str, tuple[str, str]]]:
        """key -> {docname: (anchor, title)} of every page showing it."""
        return self.data["publications"]

    @property
    def citing(self) -> dict[str, set[str]]:
        """docname -> the publication keys the document links to."""
        return self.data["citing"]

    def note_citations(self, docname: str, keys: set[str]) -> None:
        if keys:
            self.citing[docname] = keys
        else:
            self.citing.pop(docname, None)

    def citing_any(self, keys: set[str]) -> set[str]:
        """The documents that link to any of the publications."""
        return {doc for doc, cited in self.citing.items() if cited & keys}

    @property
    def calendars(self) -> dict[str, dict[str, str]]:
        """docname -> {event key: iCalendar text} of the events it shows."""
        return self.data["calendars"]

    def note_calendar(self, docname: str, key: str, ics: str) -> None:
        self.calendars.setdefault(docname, {})[key] = ics

    @property
    def news(self) -> dict[str, list[tuple[str, list[str]]]]:
        """docname -> its news lists: (pattern, the pages it matched when read)."""
        return self.data["news"]

    def note_news(self, docname: str, pattern: str, matching: list[str]) -> None:
        self.news.setdefault(docname, []).append((pattern, matching))

    @property
    def pages(self) -> dict[str, dict]:
        """docname -> the metadata of the publication that page is about."""
        return self.data["pages"]

    def note_page(self, docname: str, key: str, metadata: dict) -> None:
        self.pages[docname] = {"key": key, **metadata}

    def page_of(self, key: str) -> str | None:
        """The docname of a publication's own page."""
        return next(
            (doc for doc, meta in self.pages.items() if meta["key"] == key), None
        )

    def note_source(self, docname: str, path: str, kind: str) -> None:
        files = self.sources.setdefault(docname, [])
        if (path, kind) not in files:
            files.append((path, kind))

    def note_publication(self, key: str, docname: str, anchor: str, title: str) -> None:
        # The first list of a page that shows it is where links go.
        self.publications.setdefault(key, {}).setdefault(docname, (anchor, title))

    def where_shown(self, key: str, fromdocname: str) -> tuple[str, str, str] | None:
        """``(docname, anchor, title)``: on the page itself if it shows the
        publication, else on the first page by name (the same in serial and
        parallel builds)."""
        pages = self.publications.get(key)
        if not pages:
            return None
        docname = fromdocname if fromdocname in pages else min(pages)
        return (docname, *pages[docname])

    def sources_of(self, docnames: Iterable[str]) -> list[tuple[str, str]]:
        """The data files shown by any of the documents, sorted, each once."""
        return sorted(
            {source for doc in docnames for source in self.sources.get(doc, ())}
        )

    def clear_doc(self, docname: str) -> None:
        self.sources.pop(docname, None)
        self.citing.pop(docname, None)
        self.calendars.pop(docname, None)
        self.news.pop(docname, None)
        self.pages.pop(docname, None)
        for key in [
            key for key, pages in self.publications.items() if docname in pages
        ]:
            del self.publications[key][docname]
            if not self.publications[key]:
                del self.publications[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["sources"]:
                self.sources[docname] = otherdata["sources"][docname]
            for name in ("citing", "calendars", "news", "pages"):
                if docname in otherdata[name]:
                    self.data[name][docname] = otherdata[name][docname]
        for key, pages in otherdata["publications"].items():
            for docname, (anchor, title) in pages.items():
                if docname in docnames:
                    self.note_publication(key, docname, anchor, title)

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self.where_shown(target, fromdocname) if typ == "pub" else None
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["scholar-pub-ref"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        found = self.resolve_xref(
            env, fromdocname, builder, "pub", target, node, contnode
        )
        return [("scholar:pub", found)] if found else []

    def get_objects(self):
        for key, pages in self.publications.items():
            docname = min(pages)
            anchor, title = pages[docname]
            yield key, title, "pub", docname, anchor, 1
