"""``.. publications:: FILE``: a publication list from BibTeX, YAML or JSON."""

from __future__ import annotations

from docutils import nodes

from ..render.publications import DEFAULT_PARTS, PARTS, render_publications
from .listing import ListingDirective


class PublicationsDirective(ListingDirective):
    kind = "publications"
    default_sort = "-year, -month"
    default_group = "year"

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        records = self.select(loaded)
        if records is None:
            return []
        by, groups = self.groups(records)
        parts = self.parts(PARTS, DEFAULT_PARTS)
        ctx = self.context(loaded)
        result = render_publications(groups, by, parts, ctx, self.sections_allowed())
        return self.with_classes(result)
