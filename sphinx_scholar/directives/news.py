"""``.. news:: PATTERN``: the pages matching a pattern, newest first, by the
``:date:`` (and ``:summary:``) of their metadata; and what makes those pages
posts: their date and author under their title, and a feed.

The list is made when the page is written, from every matching page; a news
page is written again when a post is added, removed or changed. A page that a
news list matches and that has a ``:date:`` is a post: under its title it
shows its date and, when its metadata names one, its ``:author:`` (or
``:authors:``), in every builder.
"""

from __future__ import annotations

import datetime
import fnmatch
import html
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.i18n import format_date
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ..diagnostics import Subtype, warn
from ..loaders.fields import parse_date, safe_url
from ..locale import _
from ..model import Author
from ..registry import note_people_dependency, registry_for

#: the feed of the posts, beside the pages (see :mod:`..exports`)
NEWS_FEED_FILE = "news.atom"
#: on the build environment: the posts when the build started
_POSTS_BEFORE = "_sphinx_scholar_posts_before"


class news_list(nodes.General, nodes.Element):
    """Where a news list goes; filled in when the page is written."""


class post_header(nodes.General, nodes.Element):
    """Where a dated page's date and author go, under its title; filled in
    (or removed, when no news list matches the page) when it is written."""


class NewsDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {
        "limit": directives.nonnegative_int,
        "excerpt": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        pattern = self.arguments[0]
        matching = matching_docs(self.env, pattern, self.env.docname)
        self.env.get_domain("scholar").note_news(self.env.docname, pattern, matching)
        node = news_list(
            pattern=pattern,
            limit=self.options.get("limit"),
            excerpt="excerpt" in self.options,
            docname=self.env.docname,
        )
        node["classes"] += self.options.get("class", [])
        self.set_source_info(node)
        return [node]


def setup(app) -> dict:
    """What posts need beyond the list (the directive and its node are added
    with the others, in :mod:`..extension`)."""
    app.add_node(post_header)
    app.add_node(post_time, html=(visit_post_time, depart_post_time))
    app.connect("builder-inited", remember_posts)
    app.connect("doctree-read", mark_post)
    app.connect("env-get-updated", posts_changed)
    app.connect("doctree-resolved", fill_post_headers)
    app.connect("html-page-context", link_feed)
    app.connect("build-finished", write_news_feed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def matching_docs(env, pattern: str, own: str) -> list[str]:
    return sorted(
        doc for doc in env.found_docs if fnmatch.fnmatch(doc, pattern) and doc != own
    )


def post_date(env, docname: str, report: bool = True) -> datetime.date | None:
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
    return datetime.date(date[0], date[1] or 1, date[2] or 1) if date else None


def post_authors(env, docname: str) -> list[str]:
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


def metadata_line(env, docname: str, name: str) -> int:
    """The line of a page's ``:name:`` field (or MyST front matter ``name:``)."""
    try:
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    match = re.search(rf"^:?{re.escape(name)}:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def shown_date(app, date: datetime.date) -> str:
    month = format_date("%B", date=date, language=app.config.language or "en")
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


def date_node(app, date: datetime.date, classes: list[str]) -> nodes.Node:
    """The date as the reader reads it; in HTML a ``<time>`` that machines read."""
    text = shown_date(app, date)
    if app.builder.format == "html":
        return post_time(text, text, datetime=date.isoformat(), classes=classes)
    return nodes.inline(text, text, classes=classes)


# The posts -----------------------------------------------------------------


def all_posts(env) -> set[str]:
    """The pages some news list of the site matches (dated or not)."""
    found = set()
    for docname, lists in env.get_domain("scholar").news.items():
        for pattern, _matched in lists:
            found.update(matching_docs(env, pattern, docname))
    return found


def remember_posts(app) -> None:
    # before the pages that are gone are purged and the changed ones read
    setattr(app.env, _POSTS_BEFORE, all_posts(app.env))


def posts_changed(app, env) -> list[str]:
    """Pages that became posts, or stopped being posts, are written again."""
    before = getattr(env, _POSTS_BEFORE, None)
    if before is None:
        return []
    return sorted((before ^ all_posts(env)) & env.found_docs)


def mark_post(app, doctree: nodes.document) -> None:
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


def fill_post_headers(app, doctree: nodes.document, docname: str) -> None:
    """Each post's date and author, in every builder: the page of the post,
    and in builders that write the site as one document, each post in it."""
    headers = list(doctree.findall(post_header))
    if not headers:
        return
    posts = {
        doc
        for lists in app.env.get_domain("scholar").news.values()
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


def author_nodes(app, names: list[str]) -> nodes.inline:
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


def excerpt_of(env, docname: str) -> str:
    """The post's first paragraph of prose, as text."""
    try:
        doctree = env.get_doctree(docname)
    except Exception:  # a page whose doctree is gone: no excerpt
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, (nodes.section, nodes.document)):
            text = " ".join(paragraph.astext().split())
            if text:
                return text
    return ""


# The news lists --------------------------------------------------------------


def fill_news_lists(app, doctree, docname: str) -> None:
    env = app.env
    for placeholder in list(doctree.findall(news_list)):
        posts = []
        # singlehtml and latex resolve the master document: the list's own
        # page is the one it was written on
        for doc in matching_docs(env, placeholder["pattern"], placeholder["docname"]):
            date = post_date(env, doc)
            if date is not None:
                posts.append((date, doc))
        posts.sort(key=lambda post: (post[0], post[1]), reverse=True)
        if placeholder.get("limit") is not None:
            posts = posts[: placeholder["limit"]]
        items = []
        for date, doc in posts:
            title = env.titles[doc].astext() if doc in env.titles else doc
            line = nodes.line_block(classes=["scholar-entry"])
            head = nodes.line("", "", classes=["scholar-title"])
            head += date_node(app, date, ["scholar-date"])
            head += nodes.Text(" — ")
            head += make_refnode(
                app.builder, docname, doc, "", nodes.strong(title, title), title
            )
            line += head
            item = nodes.list_item("", line, classes=["scholar-news-item"])
            excerpt = excerpt_of(env, doc) if placeholder.get("excerpt") else ""
            summary = env.metadata.get(doc, {}).get("summary")
            if excerpt:
                more = str(_("Read more"))
                paragraph = nodes.paragraph(
                    "", excerpt + " ", classes=["scholar-excerpt"]
                )
                paragraph += make_refnode(
                    app.builder,
                    docname,
                    doc,
                    "",
                    nodes.inline(more, more, classes=["scholar-read-more"]),
                    title,
                )
                item += paragraph
            elif summary:
                line += nodes.line("", str(summary), classes=["scholar-summary"])
            items.append(item)
        replacement = nodes.bullet_list(
            "", *items, classes=["scholar-news", *placeholder["classes"]], bullet="-"
        )
        placeholder.replace_self(replacement if items else [])


# The feed ---------------------------------------------------------------------


def feed_posts(app) -> list[tuple[datetime.date, str]]:
    """Every dated post of the site's news lists, newest first."""
    env = app.env
    posts = []
    for doc in all_posts(env):
        date = post_date(env, doc, report=False)
        if date is not None:
            posts.append((date, doc))
    posts.sort(reverse=True)
    return posts


def news_pages(env) -> list[str]:
    return sorted(
        docname for docname, lists in env.get_domain("scholar").news.items() if lists
    )


def link_feed(app, pagename: str, templatename, context, doctree) -> None:
    """The pages of the news lists and the posts tell feed readers where the
    feed is."""
    if app.builder.name.startswith("epub") or doctree is None:
        return
    env = app.env
    domain = env.get_domain("scholar")
    is_post = any(
        pagename in matched for lists in domain.news.values() for _p, matched in lists
    )
    if not (domain.news.get(pagename) or is_post) or not feed_posts(app):
        return
    base = (app.config.html_baseurl or "").rstrip("/")
    href = (
        f"{base}/{NEWS_FEED_FILE}"
        if base
        else relative_uri(app.builder.get_target_uri(pagename), NEWS_FEED_FILE)
    )
    title = feed_title(app)
    context["metatags"] = context.get("metatags", "") + (
        '\n    <link rel="alternate" type="application/atom+xml" '
        f'title="{html.escape(title)}" href="{html.escape(href)}" />'
    )


def feed_title(app) -> str:
    pages = news_pages(app.env)
    titles = app.env.titles
    if len(pages) == 1 and pages[0] in titles:
        return f"{app.config.project}: {titles[pages[0]].astext()}"
    news = str(_("News"))
    return f"{app.config.project}: {news}"


def write_news_feed(app, exception) -> None:
    if (
        exception is not None
        or app.builder.format != "html"
        or app.builder.name.startswith("epub")
    ):
        return
    from ..exports import write_posts_feed, written_apart

    written_apart(NEWS_FEED_FILE, write_posts_feed, app, feed_posts(app))
