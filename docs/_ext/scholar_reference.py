"""Reference tables of sphinx-scholar, made from its code when the docs are built.

The options of each directive come from its ``option_spec``, the configuration
values from :data:`sphinx_scholar.config.CONFIG_VALUES`, the fields of each
data format from its loader's declarations (which the JSON Schemas are also
written from: :mod:`sphinx_scholar.loaders.schema`), the warning types from
:class:`sphinx_scholar.diagnostics.Subtype` and their ``#:`` comments. What
only words can say (what an option means) is kept here, beside the code it
describes; whenever the two disagree (an option without a description, a
description of an option that is gone) the build warns, and ``-W`` fails it.

::

    .. scholar-directive-options:: publications
    .. scholar-config-values::
    .. scholar-fields:: event
       :record: sponsor
    .. scholar-warning-types::
"""

from __future__ import annotations

import sys

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_scholar.config import CONFIG_VALUES
from sphinx_scholar.diagnostics import WARNING_TYPE, Subtype
from sphinx_scholar.directives.listing import LIST_OPTIONS
from sphinx_scholar.interactive import FEATURES
from sphinx_scholar.loaders.declarations import Record
from sphinx_scholar.loaders.field_reference import (
    aliases_text,
    description,
    type_name,
)
from sphinx_scholar.loaders.schema import FORMATS, records
from sphinx_scholar.model import CV_SECTIONS
from sphinx_scholar.query import GROUPINGS

logger = logging.getLogger(__name__)

#: Directives of sphinx-scholar that pages do not write themselves.
INTERNAL_DIRECTIVES = {
    "publication-page": "the body of each generated publication page",
}

#: What the argument of each directive is (reStructuredText).
ARGUMENT_DOCS = {
    "publications": "*file*: a ``.bib``, ``.yaml``, ``.yml`` or ``.json`` file "
    "of publications, relative to the page, or to the source directory when it "
    "starts with ``/``.",
    "talks": "*file*: a YAML or JSON file of talks.",
    "cv": "*file*: a YAML or JSON file holding a whole CV.",
    "people": "*file*: a people file; without it, the people registry "
    "(:confval:`scholar_people_file`, :confval:`scholar_people`).",
    "profile": "*id*: the id of a person of the people registry.",
    "sponsorship": "*file*: an event file.",
    "event-roles": "*file*: an event file.",
    "event-program": "*file*: an event file.",
    "event": "*file*: an event file.",
    "awards": "*file*: an awards file.",
    "news": "*pattern*: the names of the pages to list, such as ``news/*``.",
}

#: What the content of each directive that has one is.
CONTENT_DOCS = {
    "profile": "The person's bio, in reStructuredText.",
}

#: The options every list directive takes (:data:`LIST_OPTIONS`): the value
#: they take, and what they do. ``{name}`` is filled in from the code.
LIST_OPTION_DOCS = {
    "filter": (
        "*expression*",
        "Which records to show: comparisons of fields combined with ``and``, "
        "``or``, ``not`` and parentheses (``year >= 2016 and not type == "
        "preprint``). An expression that cannot be read is a warning, and "
        "nothing is shown.",
    ),
    "sort": (
        "*keys*",
        "Comma-separated sort keys, each ascending unless written ``-key`` or "
        "``key desc``. Default: {default_sort}.",
    ),
    "group": (
        "{groupings}",
        "Group headings, which are sections of the page where sections are "
        "allowed. Default: {default_group}.",
    ),
    "collapse-before": (
        "*year*",
        "With ``:group: year``, years before this one share one group headed "
        "``≤ year-1``; in HTML its entries are folded, one click away.",
    ),
    "fold": (
        "``closed``, ``open`` or ``none``",
        "Whether the entries of ``:collapse-before:`` start folded in HTML, "
        "or (``none``) are not folded at all, shown under their heading like "
        "the other years. Default: ``closed``.",
    ),
    "limit": ("*n*", "Show at most *n* records, after filtering and sorting."),
    "highlight": (
        "*people*",
        "Comma-separated person ids, group names or plain names to highlight. "
        "Default: :confval:`scholar_highlight`.",
    ),
    "show": ("*parts*", "The parts of an entry to show: {parts}."),
    "hide": ("*parts*", "Parts to hide from those shown by default. {hidden}"),
    "class": ("*names*", "Extra CSS classes on the list."),
}

_IGNORED = ("", "Accepted, but has no effect on this directive.")

#: The options of the event directives that say how roles and contributions
#: are written.
_ROLE_FORMAT_DOC = (
    "*template*",
    "How each role is written, from ``{{role}}`` and ``{{people}}``. "
    "Default: ``{default_role_format}``.",
)
_PEOPLE_JOIN_DOC = (
    "``comma`` | ``and`` | ``oxford`` | ``ampersand``",
    "How the last two names of a role are joined: A, B, C; A, B and C; A, B, "
    "and C; A, B & C. A role's own ``join`` comes first. Default: ``comma``.",
)
_CONTRIBUTION_FORMAT_DOC = (
    "*template*",
    "How each contribution (poster, talk) is written, from ``{{label}}``, "
    "``{{title}}`` and ``{{authors}}``; without ``{{authors}}``, the authors "
    "follow on a line of their own. Default: ``{default_contribution_format}``.",
)
_EVENT_CALENDAR_DOCS = {
    "show": ("*parts*", "Only ``calendar`` means something here."),
    "hide": (
        "*parts*",
        "``calendar`` leaves out the link to the event's calendar file, which "
        "the page's first directive of the event shows.",
    ),
}

#: The options particular to one directive, and those that mean something
#: else there than in :data:`LIST_OPTION_DOCS`. Every directive is here.
OPTION_DOCS = {
    "publications": {
        "interactive": (
            "*features*",
            "In HTML, sorting, a text filter, type and tag filters, and "
            "abstract and BibTeX buttons; or only the features named: "
            "{features}. Empty means all of them.",
        ),
        "style": (
            "``buttons`` | ``brackets`` | *CSL style*",
            "How the entries look in HTML: a badge, a thumbnail and one row "
            "of buttons, or the links as text after the venue (default: "
            ":confval:`scholar_entry_style`); or the citation style the "
            "entries are written in: ``apa``, ``ieee``, "
            "``chicago-author-date``, ... (default: "
            ":confval:`scholar_citation_style`, the house style).",
        ),
        "sort-options": (
            "*orders*",
            "The orders the sort menu of an interactive list offers, in the "
            "order written: ``default``, ``title-asc``, ``title-desc``, "
            "``year-asc``, ``year-desc``. Without ``default`` the list still "
            "starts in its own order. Default: all of them.",
        ),
        "venue-format": (
            "*template*",
            "How the venue line is written, from ``{{venue}}``, ``{{volume}}``, "
            "``{{year}}``, ...; a part in square brackets only when its fields "
            "have values: ``{{venue}}[, {{volume}}][ ({{year}})]``. Default: "
            ":confval:`scholar_venue_format`.",
        ),
        "max-authors": (
            "*number*",
            "How many authors an entry shows before \"et al.\", which in "
            "HTML shows the whole list when pressed; the highlighted people "
            "are always shown. ``0`` shows every author. Default: "
            ":confval:`scholar_max_authors`.",
        ),
        "details-last": (
            "",
            "The link to the publication's page (``View details``, "
            "``Details``) comes after the abstract and its ``Preview "
            "abstract`` button, instead of before them.",
        ),
    },
    "talks": {
        "full-stop": (
            "``yes`` | ``no``",
            "Whether each talk's line ends with a full stop, before its links "
            "(``at ICML 2017.``). Default: ``yes``.",
        ),
    },
    "cv": {
        "sections": (
            "*sections*",
            "Comma-separated sections to show, in the order written. Default: "
            "every section, in the order {sections}.",
        ),
        "layout": (
            "``list`` | ``timeline``",
            "``timeline``: in HTML, the dates of each entry in a column of "
            "their own, left of it (above it on a phone), as printed CVs set "
            "them; other builders write the dates in the line. Default: "
            "``list``.",
        ),
        "group": _IGNORED,
        "collapse-before": _IGNORED,
    },
    "people": {},
    "profile": {
        "name": (
            "``auto`` | ``show`` | ``hide``",
            "Whether the profile writes the person's name. ``auto``, the "
            "default, leaves it out where the section the profile is in is "
            "titled with the name (or a variant), as a homepage's title is.",
        ),
        "photo": (
            "``round`` | ``square``",
            "The photo in a circle (the default) or with rounded corners.",
        ),
        "areas": (
            "``before`` | ``after``",
            "Where the research areas go: before the bio (the default), on "
            "one line, or after it, under a heading of their own.",
        ),
    },
    "sponsorship": {
        **dict.fromkeys(
            ("filter", "sort", "group", "collapse-before", "limit"), _IGNORED
        ),
        **dict.fromkeys(
            ("role-format", "people-join", "contribution-format"), _IGNORED
        ),
        **_EVENT_CALENDAR_DOCS,
    },
    "event-roles": {
        **dict.fromkeys(
            ("filter", "sort", "group", "collapse-before", "limit"), _IGNORED
        ),
        **_EVENT_CALENDAR_DOCS,
        "role-format": _ROLE_FORMAT_DOC,
        "people-join": _PEOPLE_JOIN_DOC,
        "contribution-format": _IGNORED,
    },
    "event-program": {
        "role-format": _ROLE_FORMAT_DOC,
        "people-join": _PEOPLE_JOIN_DOC,
        "contribution-format": _CONTRIBUTION_FORMAT_DOC,
    },
    "event": {
        "role-format": _ROLE_FORMAT_DOC,
        "people-join": _PEOPLE_JOIN_DOC,
        "contribution-format": _CONTRIBUTION_FORMAT_DOC,
        "papers": (
            "*file*",
            "A publications file whose papers at the event are shown under the "
            "heading Papers.",
        ),
        "papers-filter": (
            "*expression*",
            "Which papers of ``:papers:`` are the event's. Default: those whose "
            "``venue`` is the event's ``name``.",
        ),
    },
    "awards": {
        "group": _IGNORED,
        "collapse-before": _IGNORED,
    },
    "news": {
        "limit": ("*n*", "Show at most *n* pages, newest first."),
        "excerpt": (
            "",
            "Show each post's first paragraph of prose, with a link to read "
            "more, in place of its ``:summary:``.",
        ),
        "full": (
            "",
            "Show each post whole, one after another, its title linking to "
            "its page, as a blog's front page does. Where the site is one "
            "document (``singlehtml``, LaTeX), the posts are in it already: "
            "the list links to them.",
        ),
        "toctree": (
            "",
            "Put the matching pages in the site's table of contents, hidden, "
            "newest first (then the undated ones by name), so that the "
            "sidebar and Previous and Next follow the dates.",
        ),
        "class": ("*names*", "Extra CSS classes on the list."),
    },
}

#: Warning types whose meaning the code does not give in a ``#:`` comment.
SUBTYPE_DOCS = {
    "unknown_field": "a field that the record does not have, or a CV section "
    "that does not exist (the message suggests the closest name)",
    "missing_field": "a required field that is missing or empty (the record "
    "is left out)",
}


def drift(message: str, location) -> None:
    """The docs and the code disagree."""
    logger.warning(
        message, location=location, type="scholar_reference", subtype="drift"
    )


# ---------------------------------------------------------------- nodes


def code_text(text: str) -> list[nodes.Node]:
    """Text of a schema, with its `code` spans as literals."""
    result: list[nodes.Node] = []
    for index, piece in enumerate(text.split("`")):
        if not piece:
            continue
        result.append(nodes.literal(piece, piece) if index % 2 else nodes.Text(piece))
    return result


def table(
    headers: list[str], rows: list[list[list[nodes.Node]]], widths: list[int]
) -> nodes.table:
    result = nodes.table(classes=["scholar-reference", "longtable"])
    group = nodes.tgroup(cols=len(headers))
    result += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row([[nodes.Text(header)] for header in headers])
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += _row(cells)
    return result


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", nodes.paragraph("", "", *cell))
    return row


class ReferenceDirective(SphinxDirective):
    def inline(self, text: str) -> list[nodes.Node]:
        """reStructuredText inline markup, parsed where the directive is."""
        found, messages = self.state.inline_text(text, self.lineno)
        return [*found, *messages]

    def note(self, kind: str, name: str) -> None:
        """Remember what the reference shows, to find what it leaves out."""
        documented = _shown_by_page(self.env)
        documented.setdefault(self.env.docname, {}).setdefault(kind, set()).add(name)


# ---------------------------------------------------------------- directives


def scholar_directives() -> dict[str, type]:
    """Every directive sphinx-scholar registered, by name."""
    registered = getattr(directives, "_directives", {})
    return {
        name: directive
        for name, directive in registered.items()
        if isinstance(directive, type)
        and directive.__module__.startswith("sphinx_scholar.")
    }


def _or_list(words) -> str:
    return ", ".join(f"``{word}``" for word in words)


def _facts(name: str, directive: type) -> dict[str, str]:
    """What the option descriptions may name, from the directive's code."""
    module = sys.modules[directive.__module__]
    facts = {
        "groupings": " | ".join(f"``{word}``" for word in GROUPINGS),
        "features": _or_list(FEATURES),
        "sections": _or_list(CV_SECTIONS),
    }
    sort = getattr(directive, "default_sort", None)
    if sort is not None:
        facts["default_sort"] = f"``{sort}``" if sort else "the file's order"
    group = getattr(directive, "default_group", None)
    if group is not None:
        facts["default_group"] = f"``{group}``"
    parts = getattr(module, "PARTS", None)
    default = getattr(module, "DEFAULT_PARTS", None)
    if parts is not None and default is not None:
        hidden = [part for part in parts if part not in default]
        facts["parts"] = _or_list(parts)
        facts["hidden"] = (
            f"Hidden by default: {_or_list(hidden)}."
            if hidden
            else "None is hidden by default."
        )
    role_format = getattr(module, "DEFAULT_ROLE_FORMAT", None)
    if role_format is not None:
        facts["default_role_format"] = role_format
    contribution_format = getattr(module, "DEFAULT_CONTRIBUTION_FORMAT", None)
    if contribution_format is not None:
        facts["default_contribution_format"] = contribution_format
    return facts


class DirectiveOptions(ReferenceDirective):
    """``.. scholar-directive-options:: NAME``: a directive's argument and options."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        location = self.get_location()
        directive = scholar_directives().get(name)
        if directive is None:
            drift(f"sphinx-scholar has no directive {name!r}", location)
            return []
        if name not in OPTION_DOCS:
            drift(f"directive {name!r} has no entry in OPTION_DOCS", location)
        self.note("directive", name)
        result: list[nodes.Node] = []
        fields = nodes.field_list()
        takes_argument = directive.required_arguments + directive.optional_arguments
        if takes_argument and name not in ARGUMENT_DOCS:
            drift(
                f"the argument of {name!r} has no description in ARGUMENT_DOCS",
                location,
            )
        elif name in ARGUMENT_DOCS and not takes_argument:
            drift(
                f"ARGUMENT_DOCS describes an argument {name!r} does not take", location
            )
        elif takes_argument:
            label = (
                "Argument" if directive.required_arguments else "Argument (optional)"
            )
            fields += self.field(label, ARGUMENT_DOCS[name])
        if directive.has_content and name not in CONTENT_DOCS:
            drift(
                f"the content of {name!r} has no description in CONTENT_DOCS", location
            )
        elif name in CONTENT_DOCS and not directive.has_content:
            drift(f"CONTENT_DOCS describes content {name!r} does not take", location)
        elif directive.has_content:
            fields += self.field("Content", CONTENT_DOCS[name])
        if len(fields):
            result.append(fields)

        spec = directive.option_spec or {}
        own = OPTION_DOCS.get(name, {})
        for option in own:
            if option not in spec:
                drift(
                    f"OPTION_DOCS describes :{option}: but {name!r} has no such option",
                    location,
                )
        for option in LIST_OPTION_DOCS:
            if option not in LIST_OPTIONS:
                drift(
                    f"LIST_OPTION_DOCS describes :{option}: but LIST_OPTIONS has no such option",
                    location,
                )
        facts = _facts(name, directive)
        rows = []
        for option in spec:
            doc = own.get(option)
            if (
                doc is None
                and option in LIST_OPTIONS
                and spec[option] is LIST_OPTIONS[option]
            ):
                doc = LIST_OPTION_DOCS.get(option)
            if doc is None:
                drift(f"option :{option}: of {name!r} has no description", location)
                continue
            try:
                value, text = (part.format(**facts) for part in doc)
            except KeyError as missing:
                drift(
                    f"the description of :{option}: of {name!r} names {missing}, which its code does not give",
                    location,
                )
                continue
            rows.append(
                [
                    [nodes.literal(f":{option}:", f":{option}:")],
                    self.inline(value),
                    self.inline(text),
                ]
            )
        if rows:
            result.append(table(["Option", "Value", "Description"], rows, [18, 14, 68]))
        else:
            result.append(nodes.paragraph("", "No options."))
        return result

    def field(self, name: str, text: str) -> nodes.field:
        return nodes.field(
            "",
            nodes.field_name(name, name),
            nodes.field_body("", nodes.paragraph("", "", *self.inline(text))),
        )


# ---------------------------------------------------------------- config


def _type_names(types: tuple[type, ...]) -> str:
    return " | ".join(kind.__name__ for kind in types)


class ConfigValues(ReferenceDirective):
    """``.. scholar-config-values::``: every ``scholar_*`` configuration value."""

    def run(self) -> list[nodes.Node]:
        self.note("config", "all")
        rows = []
        for value in CONFIG_VALUES:
            name = addnodes.pending_xref(
                "",
                nodes.literal(value.name, value.name),
                refdomain="std",
                reftype="confval",
                reftarget=value.name,
                refexplicit=False,
                refwarn=True,
            )
            self.set_source_info(name)
            default = repr(value.default)
            rows.append(
                [
                    [name],
                    [nodes.literal(_type_names(value.types), _type_names(value.types))],
                    [nodes.literal(default, default)],
                    self.inline(value.doc),
                ]
            )
        return [
            table(["Name", "Type", "Default", "Description"], rows, [22, 14, 10, 54])
        ]


# ---------------------------------------------------------------- data formats


def example_text(value) -> str:
    """An example as it is written in YAML, on one line."""
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1000
    ).strip()
    return text.removesuffix("...").strip()


def format_records(name: str) -> dict[str, Record]:
    """The records of a data format, by name: the file's own first."""
    return {record.name: record for record in records(FORMATS[name].record)}


class Fields(ReferenceDirective):
    """``.. scholar-fields:: FORMAT``: the fields of a data format's records.

    Without ``:record:``, the records of a list format, or the top level of a
    format that is one mapping; ``:record: NAME`` picks a record nested in it.
    """

    required_arguments = 1
    option_spec = {"record": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        location = self.get_location()
        if name not in FORMATS:
            drift(f"there is no data format {name!r}", location)
            return []
        found = format_records(name)
        record_name = self.options.get("record", FORMATS[name].record.name)
        record = found.get(record_name)
        if record is None:
            drift(f"the format {name!r} has no record {record_name!r}", location)
            return []
        self.note("record", record.name)
        rows = []
        for item in record.fields:
            cell = code_text(description(item))
            if item.examples:
                shown = example_text(item.examples[0])
                cell += [nodes.Text(" Example: "), nodes.literal(shown, shown)]
            label: list[nodes.Node] = [nodes.literal(item.name, item.name)]
            if item.required:
                label.append(nodes.Text(" (required)"))
            if item.aliases and item.kind != "link":
                label.append(nodes.Text(", also "))
                for index, alias in enumerate(item.aliases):
                    if index:
                        label.append(nodes.Text(", "))
                    label.append(nodes.literal(alias, alias))
            rows.append([label, [nodes.Text(type_name(item))], cell])
        result: list[nodes.Node] = [
            nodes.paragraph("", "", *code_text(record.doc + aliases_text(record))),
            table(["Field", "Type", "Description"], rows, [20, 18, 62]),
        ]
        return result


def every_record() -> set[str]:
    """The name of every record of every format."""
    return {record for name in FORMATS for record in format_records(name)}


# ---------------------------------------------------------------- warnings


class WarningTypes(ReferenceDirective):
    """``.. scholar-warning-types::``: every :class:`Subtype`, with its meaning."""

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        self.note("warnings", "all")
        comments = ModuleAnalyzer.for_module(Subtype.__module__).find_attr_docs()
        members = {member.value for member in Subtype}
        for name in SUBTYPE_DOCS:
            if name not in members:
                drift(f"SUBTYPE_DOCS describes {name!r}, which is no Subtype", location)
        rows = []
        for member in Subtype:
            comment = " ".join(
                line.strip()
                for line in comments.get(("Subtype", member.name), ())
                if line.strip()
            )
            if comment and member.value in SUBTYPE_DOCS:
                drift(
                    f"Subtype.{member.name} has a #: comment now: remove it from SUBTYPE_DOCS",
                    location,
                )
            text = comment or SUBTYPE_DOCS.get(member.value)
            if not text:
                drift(
                    f"Subtype.{member.name} has no #: comment and no SUBTYPE_DOCS entry",
                    location,
                )
                continue
            shown = f"{WARNING_TYPE}.{member.value}"
            rows.append(
                [
                    [nodes.literal(member.value, member.value)],
                    [nodes.literal(shown, shown)],
                    [nodes.Text(text[:1].upper() + text[1:] + ".")],
                ]
            )
        return [
            table(["Subtype", "In suppress_warnings", "Meaning"], rows, [18, 30, 52])
        ]


# ---------------------------------------------------------------- completeness


def _shown_by_page(env) -> dict[str, dict[str, set[str]]]:
    """What the reference shows, page by page, kept in the environment."""
    if not hasattr(env, "scholar_reference_shown"):
        env.scholar_reference_shown = {}
    return env.scholar_reference_shown


def _documented(env) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {}
    for kinds in _shown_by_page(env).values():
        for kind, names in kinds.items():
            merged.setdefault(kind, set()).update(names)
    return merged


def check_consistency(app, env) -> None:
    """What the reference leaves out, once it is anywhere in the docs."""
    documented = _documented(env)
    if not documented:
        return
    for name in sorted(scholar_directives()):
        if name not in INTERNAL_DIRECTIVES and name not in documented.get(
            "directive", set()
        ):
            drift(
                f"the reference does not show the options of directive {name!r}", None
            )
    for name in OPTION_DOCS:
        if name not in scholar_directives():
            drift(
                f"OPTION_DOCS describes {name!r}, which is no directive of sphinx-scholar",
                None,
            )
    # a record shared by several formats (author) is shown once
    for record in sorted(every_record() - documented.get("record", set())):
        drift(f"the reference does not show the fields of record {record!r}", None)
    std = env.get_domain("std")
    confvals = {name for kind, name in std.objects if kind == "confval"}
    names = {value.name for value in CONFIG_VALUES}
    for name in sorted(names - confvals):
        drift(f"configuration value {name} has no .. confval:: in the docs", None)
    for name in sorted(confvals - names):
        if name.startswith("scholar_"):
            drift(
                f".. confval:: {name} is no configuration value of sphinx-scholar", None
            )


def purge_doc(app, env, docname: str) -> None:
    _shown_by_page(env).pop(docname, None)


def merge_info(app, env, docnames, other) -> None:
    theirs = _shown_by_page(other)
    mine = _shown_by_page(env)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def setup(app) -> dict:
    app.add_directive("scholar-directive-options", DirectiveOptions)
    app.add_directive("scholar-config-values", ConfigValues)
    app.add_directive("scholar-fields", Fields)
    app.add_directive("scholar-warning-types", WarningTypes)
    app.connect("env-check-consistency", check_consistency)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
