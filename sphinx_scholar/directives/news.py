"""``.. news:: PATTERN``: the pages matching a pattern, newest first, by the
``:date:`` (and ``:summary:``) of their metadata.

The list is made when the page is written, from every matching page; a news
page is written again when a post is added, removed or changed.
"""

from __future__ import annotations

import datetime
import fnmatch
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.i18n import format_date
from sphinx.util.nodes import make_refnode

from ..diagnostics import Subtype, warn
from ..loaders.fields import parse_date


class news_list(nodes.General, nodes.Element):
    """Where a news list goes; filled in when the page is written."""


class NewsDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {
        "limit": directives.nonnegative_int,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        pattern = self.arguments[0]
        matching = matching_docs(self.env, pattern, self.env.docname)
        self.env.get_domain("scholar").note_news(self.env.docname, pattern, matching)
        node = news_list(
            pattern=pattern, limit=self.options.get("limit"), docname=self.env.docname
        )
        node["classes"] += self.options.get("class", [])
        self.set_source_info(node)
        return [node]


def matching_docs(env, pattern: str, own: str) -> list[str]:
    return sorted(
        doc for doc in env.found_docs if fnmatch.fnmatch(doc, pattern) and doc != own
    )


def post_date(env, docname: str) -> datetime.date | None:
    written = env.metadata.get(docname, {}).get("date")
    date = parse_date(str(written)) if written else None
    if written and date is None:
        line = metadata_line(env, docname, "date")
        warn(
            f"page metadata ':date: {written}' is not a date (write YYYY-MM-DD); "
            "the page is left out of news lists",
            Subtype.date,
            (docname, line) if line else docname,
        )
    return datetime.date(date[0], date[1] or 1, date[2] or 1) if date else None


def metadata_line(env, docname: str, name: str) -> int:
    """The line of a page's ``:name:`` field (or MyST front matter ``name:``)."""
    try:
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    match = re.search(rf"^:?{re.escape(name)}:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


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
            month = format_date("%B", date=date, language=app.config.language or "en")
            shown_date = f"{month} {date.day}, {date.year}"
            line = nodes.line_block(classes=["scholar-entry"])
            head = nodes.line("", "", classes=["scholar-title"])
            head += nodes.inline("", shown_date, classes=["scholar-date"])
            head += nodes.Text(" — ")
            head += make_refnode(
                app.builder, docname, doc, "", nodes.strong(title, title), title
            )
            line += head
            summary = env.metadata.get(doc, {}).get("summary")
            if summary:
                line += nodes.line("", str(summary), classes=["scholar-summary"])
            items.append(nodes.list_item("", line, classes=["scholar-news-item"]))
        replacement = nodes.bullet_list(
            "", *items, classes=["scholar-news", *placeholder["classes"]], bullet="-"
        )
        placeholder.replace_self(replacement if items else [])
