"""``.. talks:: FILE``: a list of talks from YAML or JSON."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..render.talks import DEFAULT_PARTS, PARTS, render_talks
from .listing import LIST_OPTIONS, ListingDirective


class TalksDirective(ListingDirective):
    kind = "talks"
    default_sort = "-date"
    default_group = "none"
    option_spec = {
        **LIST_OPTIONS,
        "full-stop": lambda value: directives.choice(value, ("yes", "no")),
    }

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
            groups,
            by,
            parts,
            self.context(records),
            self.sections_allowed(),
            full_stop=self.options.get("full-stop", "yes") == "yes",
        )
        return self.with_classes(result)
