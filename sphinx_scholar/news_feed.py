"""The feed of the posts, ``news.atom`` beside the pages (written by
:func:`.exports.write_posts_feed`), and the links to it that the pages of the
news lists and the posts give feed readers.
"""

from __future__ import annotations

import datetime
import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .domain import scholar_domain
from .news_posts import all_posts, post_date
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: the feed of the posts, beside the pages (see :mod:`.exports`)
NEWS_FEED_FILE = "news.atom"


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
    from .exports import write_posts_feed, written_apart

    written_apart(NEWS_FEED_FILE, write_posts_feed, app, feed_posts(app))
