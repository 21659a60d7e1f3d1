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
        "titles": {},
        "citing": {},
        "calendars": {},
        "news": {},
        "pages": {},
    }
    data_version = 8

    @property
    def sources(self) -> dict[str, list[tuple[str, str]]]:
        """docname -> the data files the document shows, as ``(path, kind)``."""
        return self.data["sources"]

    # Where publications are shown is kept per document, in dicts of strings:
    # the cycle collector does not track those, and a page read again
    # replaces its own two dicts whatever the number of its publications.
    @property
    def publications(self) -> dict[str, dict[str, str]]:
        """docname -> {key: anchor} of the publications the document shows."""
        return self.data["publications"]

    @property
    def titles(self) -> dict[str, dict[str, str]]:
        """docname -> {key: title} of the publications the document shows."""
        return self.data["titles"]

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
        anchors = self.publications.setdefault(docname, {})
        if key not in anchors:
            anchors[key] = anchor
            self.titles.setdefault(docname, {})[key] = title

    def shown_keys(self) -> set[str]:
        """The keys of the publications some document shows."""
        return {key for anchors in self.publications.values() for key in anchors}

    def where_shown(self, key: str, fromdocname: str) -> tuple[str, str, str] | None:
        """``(docname, anchor, title)``: on the page itself if it shows the
        publication, else on the first page by name (the same in serial and
        parallel builds)."""
        if key in self.publications.get(fromdocname, ()):
            docname = fromdocname
        else:
            docname = min(
                (doc for doc, anchors in self.publications.items() if key in anchors),
                default=None,
            )
            if docname is None:
                return None
        return docname, self.publications[docname][key], self.titles[docname][key]

    def snapshot(self) -> tuple[dict, dict]:
        """A copy of where publications are shown, to compare with later."""
        return (
            {doc: dict(anchors) for doc, anchors in self.publications.items()},
            {doc: dict(titles) for doc, titles in self.titles.items()},
        )

    def moved_since(self, snapshot: tuple[dict, dict]) -> set[str]:
        """The keys of the publications whose pages, anchors or titles
        changed since the snapshot was taken."""
        moved: set[str] = set()
        for now, before in zip((self.publications, self.titles), snapshot, strict=True):
            for docname in now.keys() | before.keys():
                new, old = now.get(docname, {}), before.get(docname, {})
                if new != old:
                    moved.update(
                        key
                        for key in new.keys() | old.keys()
                        if new.get(key) != old.get(key)
                    )
        return moved

    def sources_of(self, docnames: Iterable[str]) -> list[tuple[str, str]]:
        """The data files shown by any of the documents, sorted, each once."""
        return sorted(
            {source for doc in docnames for source in self.sources.get(doc, ())}
        )

    # Everything the domain holds is kept per document.
    def clear_doc(self, docname: str) -> None:
        for name in self.initial_data:
            self.data[name].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict) -> None:
        for docname in docnames:
            for name in self.initial_data:
                if docname in otherdata[name]:
                    self.data[name][docname] = otherdata[name][docname]

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
        first: dict[str, str] = {}
        for docname in sorted(self.publications, reverse=True):
            first.update(dict.fromkeys(self.publications[docname], docname))
        for key, docname in first.items():
            yield (
                key,
                self.titles[docname][key],
                "pub",
                docname,
                self.publications[docname][key],
                1,
            )
