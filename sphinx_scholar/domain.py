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
    initial_data = {"sources": {}, "publications": {}, "citing": {}}  # noqa: RUF012
    data_version = 3

    @property
    def sources(self) -> dict[str, list[tuple[str, str]]]:
        """docname -> the data files the document shows, as ``(path, kind)``."""
        return self.data["sources"]

    @property
    def publications(self) -> dict[str, tuple[str, str, str]]:
        """key -> ``(docname, anchor, title)`` of the first page showing it."""
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

    def note_source(self, docname: str, path: str, kind: str) -> None:
        files = self.sources.setdefault(docname, [])
        if (path, kind) not in files:
            files.append((path, kind))

    def note_publication(self, key: str, docname: str, anchor: str, title: str) -> None:
        # The smallest docname wins, so that serial and parallel builds agree.
        known = self.publications.get(key)
        if known is None or (docname, anchor) < known[:2]:
            self.publications[key] = (docname, anchor, title)

    def sources_of(self, docnames: Iterable[str]) -> list[tuple[str, str]]:
        """The data files shown by any of the documents, sorted, each once."""
        return sorted(
            {source for doc in docnames for source in self.sources.get(doc, ())}
        )

    def clear_doc(self, docname: str) -> None:
        self.sources.pop(docname, None)
        self.citing.pop(docname, None)
        for key in [k for k, v in self.publications.items() if v[0] == docname]:
            del self.publications[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["sources"]:
                self.sources[docname] = otherdata["sources"][docname]
            if docname in otherdata["citing"]:
                self.citing[docname] = otherdata["citing"][docname]
        for key, (docname, anchor, title) in otherdata["publications"].items():
            if docname in docnames:
                self.note_publication(key, docname, anchor, title)

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        if typ != "pub" or target not in self.publications:
            return None
        docname, anchor, title = self.publications[target]
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["scholar-pub-ref"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        found = self.resolve_xref(
            env, fromdocname, builder, "pub", target, node, contnode
        )
        return [("scholar:pub", found)] if found else []

    def get_objects(self):
        for key, (docname, anchor, title) in self.publications.items():
            yield key, title, "pub", docname, anchor, 1
