"""``.. awards:: FILE``: an award or fellowship programme's projects and recipients."""

from __future__ import annotations

from docutils import nodes

from ..render.awards import DEFAULT_PARTS, PARTS, render_awards
from .listing import ListingDirective


class AwardsDirective(ListingDirective):
    """``:filter:``, ``:sort:`` and ``:limit:`` apply to the recipients
    (``author`` is the recipient, ``venue`` the affiliation, ``type`` the field)."""

    kind = "awards"

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if not loaded:
            return []
        program = loaded[0]
        recipients = self.select(list(program.recipients))
        if recipients is None:
            return []
        parts = self.parts(PARTS, DEFAULT_PARTS)
        ctx = self.context([program])
        return self.with_classes(render_awards(program, recipients, parts, ctx))
