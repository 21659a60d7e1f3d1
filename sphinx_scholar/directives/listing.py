"""What every list directive shares: its data file, and the options that select,
sort, group, limit and highlight. Each option means the same in every directive.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .. import cache
from ..diagnostics import Subtype, warn
from ..domain import scholar_domain
from ..filters import QueryError, compile_filter
from ..loaders.quoting import did_you_mean
from ..model import AuthoredRecord, Problem, SourcedRecord
from ..paths import is_readable, outside_message, readable_folders
from ..people_matching import Highlight, resolve_highlight
from ..query import GROUPINGS, group_records, parse_sort, sort_records
from ..render.context import RenderContext, render_context
from ..render.files import resolve
from ..render.nodes import compact
from ..site_people import note_people_dependency, registry_for
from ..text import name_key

LIST_OPTIONS: dict[str, Callable[[str], Any]] = {
    "filter": directives.unchanged,
    "sort": directives.unchanged,
    "group": directives.unchanged,
    "collapse-before": directives.unchanged,
    "fold": lambda value: directives.choice(value, ("closed", "open", "none")),
    "limit": directives.unchanged,
    "highlight": directives.unchanged,
    "show": directives.unchanged,
    "hide": directives.unchanged,
    "class": directives.class_option,
}


class ListingDirective(SphinxDirective):
    """A directive that shows the records of one data file, selected and grouped."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = LIST_OPTIONS
    #: the kind of data file, a key of :data:`~sphinx_scholar.loaders.LOADERS`
    kind = ""
    default_sort = ""
    default_group = "none"

    def warn(self, message: str, subtype: Subtype) -> None:
        warn(message, subtype, self.get_location())

    def data_path(self, written: str) -> str | None:
        """The path of a data file the directive names, if it may be read."""
        relative, path = self.env.relfn2path(written, self.env.docname)
        self.env.note_dependency(relative)
        if not os.path.isfile(path):
            self.warn(
                f"data file not found: {written} (looked for {path})",
                Subtype.data_file,
            )
            return None
        if not is_readable(path, readable_folders(self.env.srcdir, self.config)):
            self.warn(f"data file {written} {outside_message(path)}", Subtype.data_file)
            return None
        return path

    def load(self) -> list | None:
        """The records of the directive's file, noting that this page shows them."""
        path = self.data_path(self.arguments[0])
        if path is None:
            return None
        self.domain.note_source(self.env.docname, path, self.kind)
        note_people_dependency(self.env)
        return cache.of(self.env).load(path, self.kind).records

    def select(self, records: list) -> list | None:
        """Filter, sort and limit; ``None`` when the filter cannot be read."""
        registry = registry_for(self.env)
        if "filter" in self.options and self.options["filter"].strip():
            try:
                keep = compile_filter(self.options["filter"])
            except QueryError as error:
                self.warn(
                    f"bad filter {self.options['filter']!r}: {error}; nothing is shown",
                    Subtype.filter,
                )
                return None
            records = [record for record in records if keep(record, registry)]
        sort = self.options.get("sort", self.default_sort)
        try:
            records = sort_records(records, parse_sort(sort))
        except QueryError as error:
            self.warn(
                f"bad sort {sort!r}: {error}; the file's order is kept", Subtype.option
            )
        limit = self.int_option("limit")
        if limit is not None:
            records = records[:limit]
        return records

    def groups(self, records: list):
        by = (
            self.options.get("group", self.default_group).strip().lower()
            or self.default_group
        )
        if by not in GROUPINGS:
            self.warn(
                f"cannot group by {by!r}; use one of {', '.join(GROUPINGS)}",
                Subtype.option,
            )
            by = self.default_group
        return by, group_records(records, by, self.int_option("collapse-before"))

    def int_option(self, name: str) -> int | None:
        value = self.options.get(name)
        if value is None:
            return None
        try:
            number = int(value)
            if number < 0:
                raise ValueError
        except ValueError:
            self.warn(
                f"option :{name}: needs a whole number, not {value!r}; it is ignored",
                Subtype.option,
            )
            return None
        return number

    def list_option(self, name: str) -> list[str] | None:
        value = self.options.get(name)
        if value is None:
            return None
        return [item.strip() for item in value.split(",") if item.strip()]

    def parts(self, known: tuple[str, ...], default: frozenset[str]) -> frozenset[str]:
        """Which parts of an entry to show, from ``:show:`` and ``:hide:``."""
        chosen = set(default)
        show, hide = self.list_option("show"), self.list_option("hide")
        for name, items in (("show", show), ("hide", hide)):
            for item in items or ():
                if item not in known:
                    self.warn(
                        f"option :{name}: does not know {item!r}; the parts are {', '.join(known)}",
                        Subtype.option,
                    )
        if show is not None:
            chosen = {item for item in show if item in known}
        if hide is not None:
            chosen -= set(hide)
        return frozenset(chosen)

    def context(self, records: list) -> RenderContext:
        """How to render ``records``: the registry, whom to highlight, and the
        files of the site they name, found (and their problems noted) first."""
        registry = registry_for(self.env)
        items = self.list_option("highlight")
        if items is None:
            configured = self.config.scholar_highlight
            items = [configured] if isinstance(configured, str) else list(configured)
        highlight = resolve_highlight(items, registry) if items else Highlight()
        self.check_person_ids(records)
        if "highlight" in self.options:
            authors = {
                name_key(author.name)
                for record in records
                for author in getattr(record, "authors", ())
            }
            for item in items:
                if name_key(item) in highlight.names - authors:
                    self.warn(
                        f"highlight {item!r} is no person id, group or author "
                        f"of {self.arguments[0]}",
                        Subtype.person,
                    )
        ctx = render_context(self, highlight)
        ctx.fold_open = self.options.get("fold") == "open"
        ctx.fold_older = self.options.get("fold") != "none"
        self.resolve_files(ctx, records)
        return ctx

    def resolve_files(
        self, ctx: RenderContext, records: Iterable[SourcedRecord]
    ) -> None:
        """Find the files of the site the records name, before rendering them."""
        problems = resolve(records, ctx.files, self.env, self.env.docname)
        self.domain.note_problems(self.env.docname, problems)

    def check_person_ids(self, records: Iterable[AuthoredRecord]) -> None:
        """Authors given by person id must be in the registry."""
        registry = registry_for(self.env)
        problems = [
            Problem(
                Subtype.person,
                f"unknown person id {author.person!r} in {record.key!r}"
                f"{did_you_mean(author.person, registry.people)}",
                record.source,
                record.line,
            )
            for record in records
            for author in getattr(record, "authors", ())
            if author.person and author.person not in registry.people
        ]
        self.domain.note_problems(self.env.docname, problems)

    @property
    def domain(self):
        return scholar_domain(self.env)

    def with_classes(self, result: list[nodes.Node]) -> list[nodes.Node]:
        """The nodes, with the classes of the ``:class:`` option, each placed
        at the directive (so messages about them point here)."""
        for node in result:
            if isinstance(node, nodes.Element):
                node["classes"].extend(self.options.get("class", ()))
        compact(result, *self.get_source_info())
        return result

    def sections_allowed(self) -> bool:
        """Group headings can be sections only directly in a section or the
        document. MyST's state has no parent: its headings are rubrics."""
        try:
            parent = self.state.parent
        except Exception:  # MyST's mock state raises its own error
            return False
        return isinstance(parent, (nodes.section, nodes.document))
