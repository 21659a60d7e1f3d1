"""What each document read: kept so that parallel reads merge and data warnings appear once."""

from __future__ import annotations

from collections.abc import Iterable, Set

from sphinx.domains import Domain


class ScholarDomain(Domain):
    """Per-document state of sphinx-scholar, safe for parallel builds."""

    name = "scholar"
    label = "Scholar"
    initial_data = {"sources": {}}  # noqa: RUF012  (Sphinx copies it per environment)
    data_version = 1

    @property
    def sources(self) -> dict[str, list[tuple[str, str]]]:
        """docname -> the data files the document shows, as ``(path, kind)``."""
        return self.data["sources"]

    def note_source(self, docname: str, path: str, kind: str) -> None:
        files = self.sources.setdefault(docname, [])
        if (path, kind) not in files:
            files.append((path, kind))

    def sources_of(self, docnames: Iterable[str]) -> list[tuple[str, str]]:
        """The data files shown by any of the documents, sorted, each once."""
        return sorted(
            {source for doc in docnames for source in self.sources.get(doc, ())}
        )

    def clear_doc(self, docname: str) -> None:
        self.sources.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict) -> None:
        for docname in docnames:
            if docname in otherdata["sources"]:
                self.sources[docname] = otherdata["sources"][docname]

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []
