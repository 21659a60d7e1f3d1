"""``.. news:: PATTERN``: the pages matching a pattern, newest first, by the
``:date:`` (and ``:summary:``) of their metadata.

``:toctree:`` puts the posts in the site's table of contents, newest first
(the sidebar, and Previous and Next, follow the dates); ``:full:`` shows each
post whole, one after another, as a blog's front page does.

The list is made when the page is written, from every matching page; a news
page is written again when a post is added, removed or changed. What makes
the matching pages posts (their date and author under their title) is in
:mod:`..news_posts`, and their feed in :mod:`..news_feed`; :func:`setup`
registers both.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from ..domain import scholar_domain
from ..news_feed import link_feed, write_news_feed
from ..news_posts import (
    date_node,
    depart_post_time,
    fill_post_headers,
    mark_post,
    matching_docs,
    post_date,
    post_header,
    post_time,
    posts_changed,
    remember_posts,
    source_date,
    visit_post_time,
)
from ..translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class news_list(nodes.General, nodes.Element):
    """Where a news list goes; filled in when the page is written."""


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
    """What posts need beyond the list: their header and date
    (:mod:`..news_posts`) and their feed (:mod:`..news_feed`). The directive
    and its node are added with the others, in :mod:`..extension`."""
    app.add_node(post_header)
    app.add_node(post_time, html=(visit_post_time, depart_post_time))
    app.connect("builder-inited", remember_posts)
    app.connect("doctree-read", mark_post)
    app.connect("env-get-updated", posts_changed)
    app.connect("doctree-resolved", fill_post_headers)
    app.connect("html-page-context", link_feed)
    app.connect("build-finished", write_news_feed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


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
