"""What a page of the site says of itself to search engines and link
previews: a ``description`` meta tag, and the OpenGraph basics (title,
description, type, address).

A search engine shows the description under the page's title, and a link
shared in a chat shows the OpenGraph tags; without them both make up a
summary from the page's first words, which on a homepage are often the
name and a list of links. The description is, in order: the page's own
(``.. meta:: :description:``, left as it is), a publication's abstract on its
page, the profile's text on a page with one, or the page's first paragraph.
Where the site uses sphinxext-opengraph (the starter does), it writes the
tags of the documents, and the extension those of the pages it makes
(publication and people pages), which sphinxext-opengraph does not see.
``scholar_page_descriptions = False`` turns this off, for sites with
templates of their own.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: about what search engines show of a description
MAX_LENGTH = 160

_TAG = re.compile(r"<[^<>]*>")


def summary(text: str, limit: int = MAX_LENGTH) -> str:
    """The text on one line, cut at a word before ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def first_paragraph(doctree: nodes.document) -> str:
    """The text of the page's profile, or else of its first paragraph."""
    for container in doctree.findall(nodes.container):
        if "scholar-profile" in container["classes"]:
            text = " ".join(
                paragraph.astext() for paragraph in container.findall(nodes.paragraph)
            )
            if text.strip():
                return text
    for paragraph in doctree.findall(nodes.paragraph):
        # the first words a reader meets, not those of a sidebar or a table
        if not isinstance(paragraph.parent, (nodes.list_item, nodes.entry)):
            text = paragraph.astext()
            if len(text.split()) >= 4:
                return text
    return ""


def meta_tag(attribute: str, name: str, content: str) -> str:
    return (
        f'<meta {attribute}="{name}" content="{html.escape(content, quote=True)}" />\n'
    )


def opengraph_tags(
    title: str, text: str, kind: str, url: str, site: str, image: str = ""
) -> list[str]:
    """OpenGraph's basics, and the card that X/Twitter, Mastodon and
    Bluesky read with them (a large one when there is a picture)."""
    tags = [meta_tag("property", "og:type", kind)]
    for name, value in (
        ("og:title", title),
        ("og:description", text),
        ("og:url", url),
        ("og:site_name", site),
        ("og:image", image),
    ):
        if value:
            tags.append(meta_tag("property", name, value))
    card = "summary_large_image" if image else "summary"
    tags.append(meta_tag("name", "twitter:card", card))
    return tags


def add_description(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    # pages not made from a document (publication pages) write their own;
    # sphinxext-opengraph, where the site uses it, writes the documents'
    if (
        not app.config.scholar_page_descriptions
        or doctree is None
        or "sphinxext.opengraph" in app.extensions
    ):
        return
    metatags = context.get("metatags", "")
    tags = []
    text = ""
    if 'name="description"' not in metatags:
        text = summary(first_paragraph(doctree))
        if text:
            tags.append(meta_tag("name", "description", text))
    if 'property="og:' not in metatags:
        tags += opengraph_tags(
            html.unescape(_TAG.sub("", context.get("title") or "")),
            text,
            "website",
            context.get("pageurl") or "",
            app.config.project,
        )
    context["metatags"] = metatags + "".join(tags)
