"""``.. news:: PATTERN``: the pages matching a pattern, newest first, by the
``:date:`` (and ``:summary:``) of their metadata; and what makes those pages
posts: their date and author under their title, and a feed.

``:toctree:`` puts the posts in the site's table of contents, newest first
(the sidebar, and Previous and Next, follow the dates); ``:full:`` shows each
post whole, one after another, as a blog's front page does.

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
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective
from sphinx.util.i18n import format_date
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ..diagnostics import Subtype, warn
from ..domain import scholar_domain
from ..loaders.values import parse_date, safe_url
from ..model import Author
from ..site_people import note_people_dependency, registry_for
from ..translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

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
        "full": directives.flag,
        "toctree": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        pattern = self.arguments[0]
        matching = matching_docs(self.env, pattern, self.env.docname)
        scholar_domain(self.env).note_news(self.env.docname, pattern, matching)
        node = news_list(
            pattern=pattern,
            limit=self.options.get("limit"),
            excerpt="excerpt" in self.options,
            full="full" in self.options,
            docname=self.env.docname,
        )
        node["classes"] += self.options.get("class", [])
        self.set_source_info(node)
        if "toctree" not in self.options:
            return [node]
        return [node, self.toctree(matching)]

    def toctree(self, matching: list[str]) -> nodes.Node:
        """A hidden toctree of the posts, newest first, then the undated pages
        by name. The dates are read from the posts' sources, which may not be
        read yet; a post whose source changes has its list's page read again,
        and a page added or removed has it read again as a glob would."""
        dated, undated = [], []
        for doc in matching:
            self.env.note_dependency(str(self.env.doc2path(doc)))
            date = source_date(self.env, doc)
            if date is None:
                undated.append(doc)
            else:
                dated.append((date, doc))
        dated.sort(reverse=True)
        ordered = [doc for _date, doc in dated] + undated
        toctree = addnodes.toctree()
        toctree["parent"] = self.env.docname
        toctree["entries"] = [(None, doc) for doc in ordered]
        toctree["includefiles"] = ordered
        toctree["maxdepth"] = -1
        toctree["caption"] = None
        # pages added or removed make Sphinx read the page again
        toctree["glob"] = True
        toctree["hidden"] = True
        toctree["includehidden"] = False
        toctree["numbered"] = 0
        toctree["titlesonly"] = False
        self.set_source_info(toctree)
        return nodes.compound("", toctree, classes=["toctree-wrapper"])


def setup(app: Sphinx) -> dict:
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


# The posts -----------------------------------------------------------------


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


def excerpt_of(env: BuildEnvironment, docname: str) -> str:
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


def fill_news_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    env = app.env
    # builders that write the site as one document (singlehtml, latex) hold
    # the posts already: a full list links to them instead
    inlined = {node["docname"] for node in doctree.findall(addnodes.start_of_file)}
    taken: set[str] | None = None
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
        if placeholder.get("full") and not inlined.intersection(
            doc for _d, doc in posts
        ):
            if taken is None:
                taken = {
                    id for node in doctree.findall(nodes.Element) for id in node["ids"]
                }
            chain = [*placeholder.get("including", []), placeholder["docname"]]
            whole = [
                whole_post(app, doc, docname, chain, taken)
                for _date, doc in posts
                if doc not in chain
            ]
            replacement = nodes.container(
                "",
                *whole,
                classes=["scholar-news", "scholar-news-full", *placeholder["classes"]],
            )
            placeholder.replace_self(replacement if whole else [])
            continue
        items = [news_item(app, placeholder, docname, date, doc) for date, doc in posts]
        news = nodes.bullet_list(
            "", *items, classes=["scholar-news", *placeholder["classes"]], bullet="-"
        )
        placeholder.replace_self(news if items else [])


def news_item(
    app: Sphinx,
    placeholder: nodes.Element,
    docname: str,
    date: datetime.date,
    doc: str,
) -> nodes.list_item:
    """A post in a list: its date and title, and its summary or excerpt."""
    env = app.env
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
        paragraph = nodes.paragraph("", excerpt + " ", classes=["scholar-excerpt"])
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
    return item


def whole_post(
    app: Sphinx, doc: str, page: str, chain: list[str], taken: set[str]
) -> nodes.Element:
    """The post ``doc`` whole, for the page ``page``: its doctree, resolved as
    Sphinx resolves the pages a single-page build puts together (links and
    images from where ``page`` is), its title linking to the post's page,
    and its anchors renamed where ``page`` has them already. A news list in
    it leaves out the pages it is shown in, so that no post holds itself."""
    env = app.env
    tree = env.get_doctree(doc)
    for placeholder in tree.findall(news_list):
        placeholder["including"] = chain
    for xref in tree.findall(addnodes.pending_xref):
        # links go from the news page; a page named relative to the post is
        # named from the top
        if xref.get("reftype") == "doc" and xref.get("refdoc"):
            target = docname_join(xref["refdoc"], xref["reftarget"])
            xref["reftarget"] = "/" + target.lstrip("/")
        xref["refdoc"] = page
    for toctree in list(tree.findall(addnodes.toctree)):
        parent = toctree.parent
        parent.remove(toctree)
        if isinstance(parent, nodes.compound) and not parent.children:
            parent.parent.remove(parent)
    env.resolve_references(tree, page, app.builder)
    post = nodes.container("", classes=["scholar-post"])
    post.extend(tree.children)
    title = next(iter(post.findall(nodes.title)), None)
    if title is not None:
        uri = app.builder.get_relative_uri(page, doc)
        link = nodes.reference("", "", *title.children, internal=True, refuri=uri)
        title.children = []
        title += link
    rename_ids(post, taken)
    return post


def rename_ids(tree: nodes.Element, taken: set[str]) -> None:
    """Anchors of ``tree`` that ``taken`` has get a number (``workshops-1``),
    and the links inside ``tree`` to them follow; ``taken`` gets them all."""
    renamed: dict[str, str] = {}
    for node in tree.findall(nodes.Element):
        ids = []
        for id in node["ids"]:
            new = id
            number = 0
            while new in taken:
                number += 1
                new = f"{id}-{number}"
            if new != id:
                renamed[id] = new
            taken.add(new)
            ids.append(new)
        node["ids"] = ids
    if not renamed:
        return
    for node in tree.findall(nodes.Element):
        if node.get("refid") in renamed:
            node["refid"] = renamed[node["refid"]]
        refuri = node.get("refuri") or ""
        if refuri.startswith("#") and refuri[1:] in renamed:
            node["refuri"] = "#" + renamed[refuri[1:]]
        if node.get("backrefs"):
            node["backrefs"] = [renamed.get(ref, ref) for ref in node["backrefs"]]


# The feed ---------------------------------------------------------------------


def feed_posts(app: Sphinx) -> list[tuple[datetime.date, str]]:
    """Every dated post of the site's news lists, newest first."""
    env = app.env
    posts = []
    for doc in all_posts(env):
        date = post_date(env, doc, report=False)
        if date is not None:
            posts.append((date, doc))
    posts.sort(reverse=True)
    return posts


def news_pages(env: BuildEnvironment) -> list[str]:
    return sorted(
        docname for docname, lists in scholar_domain(env).news.items() if lists
    )


def link_feed(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The pages of the news lists and the posts tell feed readers where the
    feed is."""
    if app.builder.name.startswith("epub") or doctree is None:
        return
    env = app.env
    domain = scholar_domain(env)
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


def feed_title(app: Sphinx) -> str:
    pages = news_pages(app.env)
    titles = app.env.titles
    if len(pages) == 1 and pages[0] in titles:
        return f"{app.config.project}: {titles[pages[0]].astext()}"
    news = str(_("News"))
    return f"{app.config.project}: {news}"


def write_news_feed(app: Sphinx, exception: Exception | None) -> None:
    if (
        exception is not None
        or app.builder.format != "html"
        or app.builder.name.startswith("epub")
    ):
        return
    from ..exports import write_posts_feed, written_apart

    written_apart(NEWS_FEED_FILE, write_posts_feed, app, feed_posts(app))
