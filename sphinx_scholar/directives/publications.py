"""``.. publications:: FILE``: a publication list from BibTeX, YAML or JSON."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ..config import ENTRY_STYLES
from ..deferred import pending_list
from ..diagnostics import Subtype
from ..interactive import FEATURES, LIST_ID, SETTINGS, SORT_OPTIONS
from ..metrics.site import note_metrics
from ..render.csl import StyleNotFound, style_file, styled_entries
from ..render.publications import DEFAULT_PARTS, PARTS, render_publications
from ..render.venue_format import check_venue_format
from ..render.venues import note_venues
from .listing import LIST_OPTIONS, ListingDirective


class PublicationsDirective(ListingDirective):
    """``:interactive:`` (HTML only) adds sorting, a text filter, type and tag
    filters, and abstract and BibTeX toggles; or only the features it names.
    ``:sort-options:`` names the orders its sort menu offers;
    ``:venue-format:`` writes the venue line (``scholar_venue_format``);
    ``:details-last:`` puts the link to a publication's page after its
    abstract; ``:max-authors:`` shortens long author lists
    (``scholar_max_authors``)."""

    kind = "publications"
    default_sort = "-year, -month"
    default_group = "year"
    option_spec = {
        **LIST_OPTIONS,
        "interactive": directives.unchanged,
        # "buttons" or "brackets" (the entry's look), or a CSL style's name
        "style": directives.unchanged_required,
        "sort-options": directives.unchanged,
        "venue-format": directives.unchanged,
        "details-last": directives.flag,
        "max-authors": directives.nonnegative_int,
    }
    #: render the entries when the page is written (see :mod:`..deferred`);
    #: the output is the same either way, and the tests check that it is
    deferred = True

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        records = self.select(loaded)
        if records is None:
            return []
        by, groups = self.groups(records)
        parts = self.parts(PARTS, DEFAULT_PARTS)
        # the counts of the metrics file: the page is read again when it changes
        if "citations" in parts and not note_metrics(self.env):
            self.warn(
                "option :show: citations needs scholar_metrics_file (the "
                "counts sphinx-scholar metrics writes); none are shown",
                Subtype.option,
            )
        ctx = self.context(records)
        ctx.interactive = self.features()
        style = self.options.get("style", "").strip()
        if style in ENTRY_STYLES:
            ctx.entry_style = style
        elif style:
            try:
                style_file(style)
            except StyleNotFound as error:
                self.warn(
                    f"option :style: {error}; use buttons, brackets or a CSL "
                    "style (apa, ieee, ...); the house style is used",
                    Subtype.option,
                )
            else:
                ctx.citation_style = style
        ctx.details_last = "details-last" in self.options
        ctx.max_authors = self.options.get("max-authors", ctx.max_authors)
        if "venue-format" in self.options:
            template = self.options["venue-format"]
            problem = check_venue_format(template)
            if problem:
                self.warn(
                    f"option :venue-format: cannot be read ({problem}); "
                    "the site's is used",
                    Subtype.option,
                )
            else:
                ctx.venue_format = template
        note_venues(self.env)
        if ctx.citation_style:
            ctx.styled = self.styled(groups, ctx)
        make_list = None
        if self.deferred and not ctx.styled:
            path = self.env.relfn2path(self.arguments[0], self.env.docname)[1]
            make_list = lambda records: pending_list(  # noqa: E731
                records, parts, ctx, path
            )
        result = render_publications(
            groups, by, parts, ctx, self.sections_allowed(), make_list
        )
        if ctx.interactive and result:
            list_id = f"{self.env.docname}-{self.lineno}"
            for node in result:
                node[LIST_ID] = list_id
            result[0][SETTINGS] = {
                "features": sorted(ctx.interactive),
                "sort-options": self.sort_options(),
            }
        return self.with_classes(result)

    def features(self) -> frozenset[str]:
        if "interactive" not in self.options:
            return frozenset()
        chosen = self.list_option("interactive") or list(FEATURES)
        for name in chosen:
            if name not in FEATURES:
                self.warn(
                    f"option :interactive: does not know {name!r}; the features are {', '.join(FEATURES)}",
                    Subtype.option,
                )
        return frozenset(name for name in chosen if name in FEATURES)

    def sort_options(self) -> list[str]:
        """The orders the sort menu offers, in its order (all by default)."""
        chosen = self.list_option("sort-options")
        if not chosen:
            return list(SORT_OPTIONS)
        for name in chosen:
            if name not in SORT_OPTIONS:
                self.warn(
                    f"option :sort-options: does not know {name!r}; the orders are "
                    f"{', '.join(SORT_OPTIONS)}",
                    Subtype.option,
                )
        return [name for name in chosen if name in SORT_OPTIONS] or list(SORT_OPTIONS)

    def styled(self, groups, ctx) -> dict[str, str] | None:
        """The entries in the list's citation style, numbered in the list's
        order; none (the house style) if the style cannot write them."""
        records = [record for group in groups for record in group.records]
        try:
            return styled_entries(
                records, ctx.citation_style, ctx, ctx.citation_styles or {}
            )
        except Exception as error:  # citeproc-py on data it does not expect
            self.warn(
                f"the entries cannot be written in the style "
                f"{ctx.citation_style!r} ({type(error).__name__}: {error}); "
                "the house style is used",
                Subtype.option,
            )
            return None
