"""``.. talks:: FILE``: a list of talks from YAML or JSON."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..render.talks import DEFAULT_PARTS, PARTS, render_talks
from .listing import LIST_OPTIONS, ListingDirective

#: on a talks list's first node: its data file and the keys of its talks
TALKS_SHOWN = "scholar_talks_shown"


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
        if result:
            # which talks the list shows, for the people pages (see
            # :func:`..extension.on_doctree_read`)
            path = self.env.relfn2path(self.arguments[0], self.env.docname)[1]
            result[0][TALKS_SHOWN] = (path, [record.key for record in records])
        return self.with_classes(result)
