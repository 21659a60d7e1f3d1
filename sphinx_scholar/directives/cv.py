"""``.. cv:: FILE``: CV sections (education, positions, teaching, service, honors)."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..diagnostics import Subtype
from ..model import CV_SECTIONS
from ..render.cv import DEFAULT_PARTS, PARTS, render_cv
from .listing import LIST_OPTIONS, ListingDirective

#: The attribute of the first node of a ``cv`` list: what it shows, as
#: ``[source, line, key, [part, ...]]`` of each entry, for the site's
#: ``resume.json`` (noted by the domain when the document is read, see
#: :func:`..extension.on_doctree_read`).
CV_SHOWN = "scholar_cv_shown"


class CvDirective(ListingDirective):
    """One data file holds a whole CV; ``:sections:`` picks which to show.

    Shown alone, a section has no heading of its own (the page has one);
    several sections each get a heading.
    """

    kind = "cv"
    option_spec = {
        **LIST_OPTIONS,
        "sections": directives.unchanged,
        "layout": lambda value: directives.choice(value, ("list", "timeline")),
    }

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        wanted = self.list_option("sections")
        for name in wanted or ():
            if name not in CV_SECTIONS:
                self.warn(
                    f"option :sections: does not know {name!r}; the sections are {', '.join(CV_SECTIONS)}",
                    Subtype.option,
                )
        order = [name for name in (wanted or CV_SECTIONS) if name in CV_SECTIONS]
        sections = {}
        for name in order:
            records = self.select([entry for entry in loaded if entry.section == name])
            if records is None:
                return []
            if records:
                sections[name] = records
        ctx = self.context([r for shown in sections.values() for r in shown])
        ctx.cv_layout = self.options.get("layout", "list")
        headings = len(order) > 1
        parts = self.parts(PARTS, DEFAULT_PARTS)
        result = render_cv(sections, ctx, headings, self.sections_allowed(), parts)
        first = next((node for node in result if isinstance(node, nodes.Element)), None)
        if first is not None:
            first[CV_SHOWN] = [
                [entry.source, entry.line, entry.key, sorted(parts)]
                for entries in sections.values()
                for entry in entries
            ]
        return self.with_classes(result)
