"""Wiring the extension into Sphinx: directives, config, domain and build events."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from . import __version__, cache, deferred, interactive
from . import config as scholar_config
from .deferred import pending_publications
from .diagnostics import Subtype, report, warn
from .directives.awards import AwardsDirective
from .directives.cv import CV_SHOWN, CvDirective
from .directives.events import (
    CALENDAR_KEY,
    EventDirective,
    EventRolesDirective,
    ProgramDirective,
    SponsorshipDirective,
)
from .directives.news import NewsDirective, fill_news_lists, news_list
from .directives.people import PeopleDirective, ProfileDirective
from .directives.publications import PublicationsDirective
from .directives.talks import TALKS_SHOWN, TalksDirective
from .domain import ScholarDomain, scholar_domain
from .exports import exports_written, write_exports, written_apart
from .news_posts import matching_docs
from .page_content import SCRIPT, without_list_script
from .page_description import add_description
from .page_scan import named_files
from .pages import collect_pages, remove_old_page_sources
from .paths import is_readable, readable_folders
from .people_pages import collect_people_pages
from .person_links import people_page_names, point_person_links
from .render.entry_html import SitePages
from .render.publications import PAGE_KEY, TITLE_PAGE_KEY
from .search import index_pages
from .shown import html_builder, makes_pages, site_publications
from .site_people import people_files, registry_for, report_problems
from .state import state_of
from .translations import MESSAGE_CATALOG

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")

#: Bump when what the extension stores in the environment changes shape.
ENV_VERSION = 2

#: Characters the extension itself writes that pdflatex does not know by default.
PDFLATEX_CHARACTERS = r"""
% sphinx-scholar: characters of group headings and author marks
\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}
\DeclareUnicodeCharacter{2020}{\textdagger}
\DeclareUnicodeCharacter{2021}{\textdaggerdbl}
"""


#: The directives, by name.
DIRECTIVES = {
    "publications": PublicationsDirective,
    "talks": TalksDirective,
    "cv": CvDirective,
    "people": PeopleDirective,
    "sponsorship": SponsorshipDirective,
    "event-roles": EventRolesDirective,
    "event-program": ProgramDirective,
    "event": EventDirective,
    "awards": AwardsDirective,
}


def setup(app: Sphinx) -> dict:
    scholar_config.register(app)
    app.add_domain(ScholarDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_directive("profile", ProfileDirective)
    app.add_directive("news", NewsDirective)
    interactive.setup(app)
    app.setup_extension("sphinx_scholar.latex_targets")
    app.setup_extension("sphinx_scholar.render.fold")
    app.setup_extension("sphinx_scholar.render.author_list")
    deferred.setup(app)
    app.add_node(news_list)
    app.setup_extension("sphinx_scholar.directives.news")
    app.add_message_catalog(MESSAGE_CATALOG, LOCALE_DIR)
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-before-read-docs", on_before_read_docs)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-updated", on_env_updated)
    app.connect("env-get-updated", on_env_get_updated)
    app.connect("missing-reference", on_missing_reference)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("write-started", on_write_started)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-collect-pages", collect_people_pages)
    app.connect("html-page-context", without_list_script, priority=900)
    app.connect("html-page-context", add_description)
    app.connect("build-finished", on_build_finished)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def on_config_inited(app: Sphinx, config) -> None:
    scholar_config.validate(app, config)
    # Here, not when the builder starts: a change then would make Sphinx
    # report a changed configuration on every incremental build.
    config.html_static_path = [*config.html_static_path, STATIC_DIR]
    if config.latex_engine == "pdflatex":
        elements = dict(config.latex_elements)
        elements["preamble"] = elements.get("preamble", "") + PDFLATEX_CHARACTERS
        config.latex_elements = elements


def on_builder_inited(app: Sphinx) -> None:
    # Where publications were shown, before pages that are gone are purged
    # and changed ones read again: pages linking to them follow them.
    state = state_of(app.env)
    state.shown_before = scholar_domain(app.env).snapshot()
    state.site = None
    state.moved = set()
    remove_old_page_sources(app)
    if app.builder.format == "html":
        app.add_css_file("sphinx-scholar.css")
        app.add_js_file(SCRIPT, loading_method="defer")
    report_problems(app.env)


def on_before_read_docs(
    app: Sphinx, env: BuildEnvironment, docnames: list[str]
) -> None:
    """Remember what is read; in a parallel build, parse the data files the
    pages show before the workers fork, so that they share one parse."""
    state_of(env).read = list(docnames)
    registry_for(env)
    if app.parallel > 1:
        for path, kind in data_files_named(env, docnames):
            cache.of(env).load(path, kind)


def data_files_named(
    env: BuildEnvironment, docnames: list[str]
) -> set[tuple[str, str]]:
    """The data files the pages showed in the last build, and those their
    sources name now."""
    domain = scholar_domain(env)
    found = set(domain.sources_of(docnames))
    readable = readable_folders(env.srcdir, env.config)
    for docname in docnames:
        document = env.doc2path(docname)
        try:
            text = document.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found.update(
            (path, kind)
            for path, kind in named_files(text, str(document), str(env.srcdir))
            if os.path.isfile(path) and is_readable(path, readable)
        )
    return found


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Remember which publications a page links to (from talks and prose),
    which of its lists are inside ``only`` blocks, and which talks and CV
    entries it shows."""
    domain = scholar_domain(app.env)
    # one walk of the page for all four: this runs for every page read
    keys: set[str] = set()
    lists, talks, cv = [], [], []
    for node in doctree.findall(nodes.Element):
        if isinstance(node, addnodes.pending_xref):
            if node.get("refdomain") == "scholar":
                keys.add(node["reftarget"])
        elif isinstance(node, pending_publications):
            lists.append((only_conditions(node), node["keys"], node["anchors"]))
        # the talks and cv lists note what they show on their first node
        if TALKS_SHOWN in node.attributes:
            talks.append((only_conditions(node), *node.attributes.pop(TALKS_SHOWN)))
        if CV_SHOWN in node.attributes:
            cv.append((only_conditions(node), node.attributes.pop(CV_SHOWN)))
    domain.note_citations(app.env.docname, keys)
    domain.note_conditions(app.env.docname, lists)
    domain.note_talks(app.env.docname, talks)
    domain.note_cv(app.env.docname, cv)


def only_conditions(node) -> tuple[str, ...]:
    """The conditions of the ``only`` blocks a node is in."""
    conditions = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.only):
            conditions.append(parent["expr"])
        parent = parent.parent
    return tuple(conditions)


def on_write_started(app: Sphinx, builder: Builder) -> None:
    """What the site shows is known once the documents are read: made once,
    before the pages are written (by parallel workers too)."""
    state = state_of(app.env)
    state.site = None
    site = site_publications(app)
    # lists' entries written as HTML: with buttons (not in e-books)
    state.site_pages = (
        SitePages(
            html_builder(app),
            site.pages,
            people_page_names(app) if makes_pages(app) else {},
        )
        if builder.format == "html" and not builder.name.startswith("epub")
        else None
    )


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that show what other pages hold, though they were not read
    again, are written anew: links to publications that moved, and news
    lists whose posts were added, removed or changed."""
    domain = scholar_domain(env)
    state = state_of(env)
    # known once the documents are read, and the same until the build ends
    moved = state.moved = domain.moved_since(state.shown_before)
    updated = domain.citing_any(moved) if moved else set()
    read = set(state.read)
    for docname, lists in domain.news.items():
        for index, (pattern, matched) in enumerate(lists):
            now = matching_docs(env, pattern, docname)
            if now != matched or read.intersection(now):
                updated.add(docname)
                lists[index] = (pattern, now)
    return sorted(updated)


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Report the problems of every data file shown by a page read in this
    build, and those its lists found in the records they show, once each,
    whatever the number of pages, lists and processes."""
    domain = scholar_domain(env)
    # the people registry's files are reported with the registry
    registry_files = {os.path.abspath(path) for path in people_files(env)}
    for path, kind in domain.sources_of(state_of(env).read):
        if kind == "people" and os.path.abspath(path) in registry_files:
            continue
        loaded = cache.of(env).load(path, kind)
        for problem in sorted(loaded.problems, key=lambda p: p.line):
            report(problem)
    for problem in domain.problems_of(state_of(env).read):
        report(problem)
    return []


def on_missing_reference(app: Sphinx, env: BuildEnvironment, node, contnode):
    """A publication no page shows: say so, and keep the text without a link."""
    if node.get("refdomain") != "scholar":
        return None
    warn(
        f"{node['reftarget']!r} is shown by no publications list of the site; "
        "it is not linked",
        Subtype.reference,
        node,
    )
    return contnode


CALENDAR_DIR = "_calendar"


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """News lists are made; calendar links point at the files written beside
    the pages, in HTML; elsewhere there is no file to point at, and the link
    goes. Links to publication pages (a "Details" link, a title) point at the
    page the builder makes, and names to their person's page."""
    fill_news_lists(app, doctree, docname)
    html = app.builder.format == "html"
    # an e-book cannot link to files beside it
    calendars = html and not app.builder.name.startswith("epub")
    pages = site_publications(app).pages
    calendar_files = scholar_domain(app.env).calendar_files() if calendars else {}
    for node in list(doctree.findall(nodes.reference)):
        if node.get(CALENDAR_KEY) is not None:
            name = calendar_files.get((docname, node[CALENDAR_KEY]), node[CALENDAR_KEY])
            target = f"{CALENDAR_DIR}/{name}.ics"
            if calendars:
                node["refuri"] = relative_uri(
                    app.builder.get_target_uri(docname), target
                )
            else:
                node.parent.parent.remove(node.parent)
        elif node.get(PAGE_KEY) is not None:
            page = pages.get(node[PAGE_KEY])
            if page is not None:
                node["refuri"] = app.builder.get_relative_uri(docname, page)
                node["internal"] = True
            else:
                node.parent.parent.remove(node.parent)
        elif node.get(TITLE_PAGE_KEY) is not None:
            # a title links to its publication's page, else to the record's
            # url, else nowhere (the text stays)
            page = pages.get(node[TITLE_PAGE_KEY])
            del node[TITLE_PAGE_KEY]
            if page is not None:
                node["refuri"] = app.builder.get_relative_uri(docname, page)
                node["internal"] = True
            elif not node.get("refuri"):
                node.replace_self(node.children)
    people = people_page_names(app) if makes_pages(app) else {}
    point_person_links(
        doctree,
        lambda person: (
            app.builder.get_relative_uri(docname, people[person])
            if person in people
            else None
        ),
    )


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write the iCalendar file of every event a page shows, and the
    site-wide BibTeX file and feed of publications; each on its own, so that
    one that cannot be written costs none of the others."""
    if (
        exception is not None
        or app.builder.format != "html"
        or app.builder.name.startswith("epub")
    ):
        return
    state = state_of(app.env)
    # Unless a page was read or removed, the exports are those of the last
    # build: a no-op rebuild does not load the data to write them again.
    if state.read or state.moved or not exports_written(app.outdir):
        write_exports(app)
    written_apart("the search index of the publication pages", index_pages, app)
    written_apart("the events' calendar files", write_calendars, app)


def write_calendars(app: Sphinx) -> None:
    folder = os.path.join(app.outdir, CALENDAR_DIR)
    domain = scholar_domain(app.env)
    names = domain.calendar_files()
    for docname, events in domain.calendars.items():
        for key, ics in events.items():
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"{names[docname, key]}.ics")
            with open(path, "w", encoding="utf-8", newline="") as file:
                file.write(ics)
