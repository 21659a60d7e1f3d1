"""``.. talks:: FILE``: a list of talks from YAML or JSON."""

from __future__ import annotations

from docutils import nodes

from ..render.talks import DEFAULT_PARTS, PARTS, render_talks
from .listing import ListingDirective


class TalksDirective(ListingDirective):
    kind = "talks"
    default_sort = "-date"
    default_group = "none"

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        records = self.select(loaded)
        if records is None:
            return []
        by, groups = self.groups(records)
        parts = self.parts(PARTS, DEFAULT_PARTS)
        result = render_talks(
            groups, by, parts, self.context(records), self.sections_allowed()
        )
        return self.with_classes(result)
