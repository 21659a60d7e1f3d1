"""Directives over an event file: ``sponsorship``, ``event-roles``,
``event-program``, and ``event`` for a whole roundup.

The first of them on a page also gives the event's schema.org JSON-LD and a
link to its iCalendar file.
"""

from __future__ import annotations

from typing import cast

from docutils import nodes
from docutils.parsers.rst import directives

from .. import cache
from ..diagnostics import Subtype
from ..event_calendar import event_ics, event_jsonld
from ..event_model import PEOPLE_JOINS, Event
from ..filters import QueryError, compile_filter
from ..query import group_records
from ..render.context import RenderContext
from ..render.events import (
    DEFAULT_CONTRIBUTION_FORMAT,
    DEFAULT_PARTS,
    DEFAULT_ROLE_FORMAT,
    PARTS,
    Wording,
    render_program,
    roles_list,
    sponsorship_nodes,
)
from ..render.nodes import grouped
from ..render.publications import DEFAULT_PARTS as PUBLICATION_PARTS
from ..render.publications import render_publications
from ..translations import _
from .listing import LIST_OPTIONS, ListingDirective

EVENT_OPTIONS = {
    **LIST_OPTIONS,
    "role-format": directives.unchanged,
    "people-join": lambda value: directives.choice(value, PEOPLE_JOINS),
    "contribution-format": directives.unchanged,
}

#: the attribute of a reference whose target is an event's calendar file
CALENDAR_KEY = "scholar_calendar"


class EventFileDirective(ListingDirective):
    kind = "event"
    option_spec = EVENT_OPTIONS

    def event(self) -> Event | None:
        loaded = self.load()
        return loaded[0] if loaded else None

    def role_format(self) -> str:
        template = self.options.get("role-format", DEFAULT_ROLE_FORMAT)
        if "{people}" not in template:
            self.warn(
                f"option :role-format: {template!r} does not say where the people go "
                "(write {people}, and {role} for the role)",
                Subtype.option,
            )
            return DEFAULT_ROLE_FORMAT
        return template

    def contribution_format(self) -> str:
        template = self.options.get("contribution-format", DEFAULT_CONTRIBUTION_FORMAT)
        if not any(field in template for field in ("{title}", "{authors}")):
            self.warn(
                f"option :contribution-format: {template!r} says neither where the "
                "title goes nor where the authors go (write {title}, and {label} "
                "and {authors})",
                Subtype.option,
            )
            return DEFAULT_CONTRIBUTION_FORMAT
        return template

    def wording(self) -> Wording:
        return Wording(
            self.role_format(),
            self.options.get("people-join", Wording.people_join),
            self.contribution_format(),
        )

    def event_metadata(self, event: Event) -> list[nodes.Node]:
        """JSON-LD and the calendar link, once per event and page, from the
        first directive of the page that shows the event; ``:hide:
        calendar`` on it leaves the link out."""
        seen = cast("set[str]", self.env.temp_data.setdefault("scholar_events", set()))
        if event.key in seen:
            return []
        seen.add(event.key)
        result: list[nodes.Node] = []
        jsonld = event_jsonld(event)
        if jsonld:
            script = f'<script type="application/ld+json">\n{jsonld}\n</script>'
            result.append(nodes.raw("", script, format="html"))
        ics = (
            event_ics(event) if "calendar" in self.parts(PARTS, DEFAULT_PARTS) else None
        )
        if ics:
            self.domain.note_calendar(self.env.docname, event.key, ics.decode("utf-8"))
            text = str(_("Add {event} to your calendar")).format(event=event.name)
            link = nodes.reference("", text, refuri="#", classes=["scholar-calendar"])
            link[CALENDAR_KEY] = event.key
            result.append(nodes.paragraph("", "", link, classes=["scholar-calendar"]))
        return result


class SponsorshipDirective(EventFileDirective):
    """``Google is a Platinum Sponsor of ICML 2015.``"""

    def run(self) -> list[nodes.Node]:
        event = self.event()
        if event is None:
            return []
        result = sponsorship_nodes(event, self.context([event]))
        return self.with_classes(result + self.event_metadata(event))


class EventRolesDirective(EventFileDirective):
    """The roles of people at the event: committees, boards."""

    def run(self) -> list[nodes.Node]:
        event = self.event()
        if event is None or not event.roles:
            return []
        block = roles_list(event.roles, self.wording(), self.context([event]))
        return self.with_classes([block, *self.event_metadata(event)])


class ProgramDirective(EventFileDirective):
    """Programme items: tutorials, workshops, challenges, with roles and posters."""

    def run(self) -> list[nodes.Node]:
        event = self.event()
        if event is None:
            return []
        items = self.select(list(event.program))
        if items is None:
            return []
        by, groups = self.groups(items)
        parts = self.parts(PARTS, DEFAULT_PARTS)
        ctx = self.context(items)
        result = render_program(
            groups, by, event, parts, self.wording(), ctx, self.sections_allowed()
        )
        return self.with_classes(result + self.event_metadata(event))


class EventDirective(EventFileDirective):
    """A whole roundup: sponsorship, roles, the papers, and the programme by kind."""

    option_spec = {
        **EVENT_OPTIONS,
        "papers": directives.unchanged,
        "papers-filter": directives.unchanged,
    }
    default_group = "type"

    def run(self) -> list[nodes.Node]:
        event = self.event()
        if event is None:
            return []
        ctx = self.context([event])
        as_sections = self.sections_allowed()
        result = self.event_metadata(event) + sponsorship_nodes(event, ctx)
        wording = self.wording()
        if event.roles:
            result.append(roles_list(event.roles, wording, ctx))
        result += self.papers(event, ctx, as_sections)
        items = self.select(list(event.program))
        if items:
            by, groups = self.groups(items)
            parts = self.parts(PARTS, DEFAULT_PARTS)
            result += render_program(
                groups, by, event, parts, wording, ctx, as_sections
            )
        return self.with_classes(result)

    def papers(
        self, event: Event, ctx: RenderContext, as_sections: bool
    ) -> list[nodes.Node]:
        """The event's papers from a publications file, under their own heading."""
        if "papers" not in self.options:
            return []
        path = self.data_path(self.options["papers"])
        if path is None:
            return []
        self.domain.note_source(self.env.docname, path, "publications")
        records = cache.of(self.env).load(path, "publications").records
        quoted = event.name.replace("\\", "\\\\").replace('"', '\\"')
        written = self.options.get("papers-filter") or f'venue == "{quoted}"'
        try:
            keep = compile_filter(written)
        except QueryError as error:
            self.warn(f"bad papers filter {written!r}: {error}", Subtype.filter)
            return []
        papers = [record for record in records if keep(record, ctx.registry)]
        if not papers:
            return []
        self.resolve_files(ctx, papers)
        body = render_publications(
            group_records(papers, "none"), "none", PUBLICATION_PARTS, ctx, False
        )
        return grouped(str(_("Papers")), "papers", body, ctx, as_sections)
