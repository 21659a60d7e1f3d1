"""What makes the pages a news list matches posts: a page of them that has a
``:date:`` shows under its title its date and, when its metadata names one,
its ``:author:`` (or ``:authors:``), in every builder; and a page that
becomes a post, or stops being one, is written again.

The list itself is :mod:`.directives.news`; the feed of the posts,
:mod:`.news_feed`.
"""

from __future__ import annotations

import datetime
import fnmatch
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.i18n import format_date

from .diagnostics import Subtype, warn
from .domain import scholar_domain
from .loaders.values import parse_date, safe_url
from .model import Author
from .site_people import note_people_dependency, registry_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: on the build environment: the posts when the build started
_POSTS_BEFORE = "_sphinx_scholar_posts_before"


class post_header(nodes.General, nodes.Element):
    """Where a dated page's date and author go, under its title; filled in
    (or removed, when no news list matches the page) when it is written."""


def matching_docs(env: BuildEnvironment, pattern: str, own: str) -> list[str]:
    return sorted(
        doc for doc in env.found_docs if fnmatch.fnmatch(doc, pattern) and doc != own
    )


def post_date(
    env: BuildEnvironment, docname: str, report: bool = True
) -> datetime.date | None:
    written = env.metadata.get(docname, {}).get("date")
    date = parse_date(str(written)) if written else None
    if written and date is None and report:
        line = metadata_line(env, docname, "date")
        warn(
            f"page metadata ':date: {written}' is not a date (write YYYY-MM-DD); "
            "the page is left out of news lists",
            Subtype.date,
            (docname, line) if line else docname,
        )
    return as_day(date)


def as_day(date) -> datetime.date | None:
    """A parsed date (year, month or None, day or None) as a day: its first."""
    return datetime.date(date[0], date[1] or 1, date[2] or 1) if date else None


def post_authors(env: BuildEnvironment, docname: str) -> list[str]:
    """The names of ``:author:`` (one) or ``:authors:`` (``;`` or ``,`` between)."""
    metadata = env.metadata.get(docname, {})
    authors = metadata.get("authors")
    if isinstance(authors, list):
        names = authors
    elif authors:
        names = re.split(r"[;,]", str(authors))
    else:
        names = [str(metadata.get("author") or "")]
    return [name.strip() for name in names if name.strip()]


def source_date(env: BuildEnvironment, docname: str) -> datetime.date | None:
    """A page's ``:date:`` as its source writes it (a field of the docinfo, or
    of MyST front matter), for when its metadata is not read yet."""
    try:
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(r"^:?date:[ \t]*(\S[^\n]*)$", text, re.MULTILINE)
    return as_day(parse_date(match.group(1).strip().strip("'\"")) if match else None)


def metadata_line(env: BuildEnvironment, docname: str, name: str) -> int:
    """The line of a page's ``:name:`` field (or MyST front matter ``name:``)."""
    try:
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    match = re.search(rf"^:?{re.escape(name)}:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def shown_date(app: Sphinx, date: datetime.date) -> str:
    # Sphinx's annotation asks for a datetime; Babel formats a date as well
    month = format_date("%B", date=date, language=app.config.language or "en")  # type: ignore[arg-type]
    return f"{month} {date.day}, {date.year}"


class post_time(nodes.inline):
    """A date, written in HTML as ``<time datetime=...>``; made for HTML
    builders only (elsewhere the date is an ``inline``)."""


def visit_post_time(translator, node: post_time) -> None:
    classes = " ".join(node["classes"])
    translator.body.append(
        f'<time class="{html.escape(classes)}" '
        f'datetime="{html.escape(node["datetime"])}">'
    )


def depart_post_time(translator, node: post_time) -> None:
    translator.body.append("</time>")


def date_node(app: Sphinx, date: datetime.date, classes: list[str]) -> nodes.Node:
    """The date as the reader reads it; in HTML a ``<time>`` that machines read."""
    text = shown_date(app, date)
    if app.builder.format == "html":
        return post_time(text, text, datetime=date.isoformat(), classes=classes)
    return nodes.inline(text, text, classes=classes)


def all_posts(env: BuildEnvironment) -> set[str]:
    """The pages some news list of the site matches (dated or not)."""
    found = set()
    for docname, lists in scholar_domain(env).news.items():
        for pattern, _matched in lists:
            found.update(matching_docs(env, pattern, docname))
    return found


def remember_posts(app: Sphinx) -> None:
    # before the pages that are gone are purged and the changed ones read
    setattr(app.env, _POSTS_BEFORE, all_posts(app.env))


def posts_changed(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that became posts, or stopped being posts, are written again."""
    before = getattr(env, _POSTS_BEFORE, None)
    if before is None:
        return []
    return sorted((before ^ all_posts(env)) & env.found_docs)


def mark_post(app: Sphinx, doctree: nodes.document) -> None:
    """A dated page gets a place for its date and author, under its title."""
    env = app.env
    metadata = env.metadata.get(env.docname, {})
    if not metadata.get("date"):
        return
    if post_authors(env, env.docname):
        note_people_dependency(env)  # an author may link to their page
    header = post_header(docname=env.docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, header)
    else:
        doctree.insert(0, header)


def fill_post_headers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Each post's date and author, in every builder: the page of the post,
    and in builders that write the site as one document, each post in it."""
    headers = list(doctree.findall(post_header))
    if not headers:
        return
    posts = {
        doc
        for lists in scholar_domain(app.env).news.values()
        for _pattern, matched in lists
        for doc in matched
    }
    for header in headers:
        doc = header["docname"]
        date = post_date(app.env, doc, report=False) if doc in posts else None
        if date is None:
            header.replace_self([])
            continue
        # a line, not a paragraph: not the page's first paragraph of prose
        # (its description for search engines)
        line = nodes.line("", "")
        line += date_node(app, date, ["scholar-date"])
        authors = post_authors(app.env, doc)
        if authors:
            line += nodes.Text(" · ")
            line += author_nodes(app, authors)
        header.replace_self(nodes.line_block("", line, classes=["scholar-post-meta"]))


def author_nodes(app: Sphinx, names: list[str]) -> nodes.inline:
    """The authors, each linked to their page when the people registry has it."""
    registry = registry_for(app.env)
    inline = nodes.inline("", "", classes=["scholar-post-author"])
    for index, name in enumerate(names):
        if index:
            inline += nodes.Text(", ")
        person = registry.people.get(name) or registry.match(Author(name=name))
        shown = person.name if person is not None else name
        url = safe_url(person.url) if person is not None and person.url else None
        if url:
            inline += nodes.reference("", shown, refuri=url)
        else:
            inline += nodes.Text(shown)
    return inline
