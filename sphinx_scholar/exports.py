"""Site-wide exports, written beside the HTML pages: ``publications.bib`` and
``publications.ris`` with every publication the site lists (for BibTeX and
for reference managers), ``publications.atom``, a feed of the newest,
and ``news.atom``, a feed of the newest posts of the site's news lists."""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import os
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from .cache import cache_dir
from .citation import citation_bibtex
from .diagnostics import Subtype, warn
from .json_resume import RESUME_FILE, write_resume
from .model import Publication
from .render.publications import shown_title
from .ris import ris_entry
from .shown import site_publications

if TYPE_CHECKING:
    from sphinx.application import Sphinx

BIBTEX_FILE = "publications.bib"
RIS_FILE = "publications.ris"
FEED_FILE = "publications.atom"
FEED_SIZE = 20


def published(record: Publication) -> datetime.datetime:
    return datetime.datetime(
        record.year or 1970, record.month or 1, 1, tzinfo=datetime.UTC
    )


def exports_written(outdir) -> bool:
    return all(
        os.path.isfile(os.path.join(outdir, name))
        for name in (BIBTEX_FILE, RIS_FILE, FEED_FILE)
    )


def write_exports(app: Sphinx) -> None:
    written_apart(RESUME_FILE, write_resume, app)
    site = site_publications(app)
    records = site.ordered_records()
    if not records:
        # the files of a build that still listed publications go too
        for name in (BIBTEX_FILE, RIS_FILE, FEED_FILE):
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(app.outdir, name))
        return
    written_apart(BIBTEX_FILE, write_bibtex, app, records)
    written_apart(RIS_FILE, write_ris, app, records)
    written_apart(FEED_FILE, write_feed, app, records, site.pages)


def written_apart(name: str, write, app: Sphinx, *args) -> None:
    """``write(app, *args)``; if it fails, a warning, what it wrote is
    removed, and the other outputs are written all the same."""
    try:
        write(app, *args)
    except Exception as error:
        warn(
            f"{name} could not be written ({type(error).__name__}: {error}); "
            "the rest of the site is",
            Subtype.export,
        )
        path = os.path.join(app.outdir, name)
        if os.path.isfile(path):
            os.remove(path)


def write_bibtex(app: Sphinx, records: list[Publication]) -> None:
    with open(os.path.join(app.outdir, BIBTEX_FILE), "w", encoding="utf-8") as file:
        file.write("\n\n".join(exported_entries(records)) + "\n")


def write_ris(app: Sphinx, records: list[Publication]) -> None:
    with open(os.path.join(app.outdir, RIS_FILE), "w", encoding="utf-8") as file:
        file.write("\n".join(ris_entry(record) for record in records))


#: what a BibTeX key cannot hold: blanks and the characters that end one
_NOT_IN_KEY = re.compile(r"[\s,{}()\"'#%=\\~]+")


def exported_entries(records: list[Publication]) -> list[str]:
    """Each record's BibTeX, under a key that any BibTeX reader takes, and
    that no other entry of the file has (reference managers refuse a file
    with one key twice: the second is numbered, ``key-2``)."""
    entries = []
    used: set[str] = set()
    next_number: dict[str, int] = {}
    for record in records:
        text = citation_bibtex(record)
        head, _newline, rest = text.partition("\n")
        kind, _brace, key = head.partition("{")
        key = _NOT_IN_KEY.sub("-", key.removesuffix(",")).strip("-") or "entry"
        unique, number = key, next_number.get(key.casefold(), 2)
        while unique.casefold() in used:
            unique = f"{key}-{number}"
            number += 1
        next_number[key.casefold()] = number
        used.add(unique.casefold())
        entries.append(f"{kind}{{{unique},\n{rest}")
    return entries


def write_feed(app: Sphinx, records: list[Publication], pages: dict[str, str]) -> None:
    # imported here: a build that writes no feed does not load feedgen and lxml
    from feedgen.feed import FeedGenerator

    base = (app.config.html_baseurl or "").rstrip("/")
    newest = sorted(records, key=lambda r: (r.year or 0, r.month or 0), reverse=True)[
        :FEED_SIZE
    ]
    feed = FeedGenerator()
    feed.id(
        f"{base}/{FEED_FILE}" if base else f"urn:sphinx-scholar:{app.config.project}"
    )
    feed.title(f"{app.config.project}: publications")
    feed.author({"name": app.config.author or app.config.project})
    if base:
        feed.link(href=f"{base}/{FEED_FILE}", rel="self")
        feed.link(href=f"{base}/", rel="alternate")
    feed.updated(published(newest[0]))
    for record in reversed(newest):  # feedgen puts the last added first
        entry = feed.add_entry()
        page = pages.get(record.key)
        # Without html_baseurl the page is linked relative to the feed, which
        # sits at the top of the site.
        url = app.builder.get_target_uri(page) if page else record.url
        if base and page:
            url = f"{base}/{url}"
        entry.id(url if base and page else f"urn:sphinx-scholar:{record.key}")
        entry.title(shown_title(record))
        if record.authors:  # at once: feedgen goes over its list at each call
            entry.author([{"name": author.name} for author in record.authors])
        if url:
            entry.link(href=url, rel="alternate")
        else:
            entry.content(shown_title(record))
        entry.updated(published(record))
        entry.published(published(record))
        if record.abstract:
            entry.summary(record.abstract)
    feed.atom_file(os.path.join(app.outdir, FEED_FILE), pretty=True)


@functools.cache
def _not_in_xml() -> re.Pattern[str]:
    """What XML 1.0 cannot hold, even escaped; compiled when a feed is
    written (a large class: a no-op build need not pay for it)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _not_in_xml().sub("", text)


def _news_digest_path(app: Sphinx) -> str:
    outdir = hashlib.sha1(os.fsencode(app.outdir)).hexdigest()[:12]
    return os.path.join(cache_dir(app.env), f"news-feed-{app.builder.name}-{outdir}")


def write_posts_feed(app: Sphinx, posts: list[tuple[datetime.date, str]]) -> None:
    """``news.atom``: the newest posts, written only when one of them, or
    what the feed says of the site, changed since it was last written."""
    from .directives.news import excerpt_of
    from .news_feed import NEWS_FEED_FILE, feed_title, news_pages
    from .news_posts import post_authors

    env = app.env
    path = os.path.join(app.outdir, NEWS_FEED_FILE)
    digest_path = _news_digest_path(app)
    if not posts:
        for name in (path, digest_path):
            with contextlib.suppress(FileNotFoundError):
                os.remove(name)
        return
    newest = posts[:FEED_SIZE]
    base = (app.config.html_baseurl or "").rstrip("/")
    # what the feed shows; a post read again may have a new first paragraph
    inputs = repr(
        [
            app.config.project,
            app.config.author,
            base,
            feed_title(app),
            [
                (
                    doc,
                    date.isoformat(),
                    env.titles[doc].astext() if doc in env.titles else doc,
                    env.metadata.get(doc, {}).get("summary"),
                    post_authors(env, doc),
                    env.all_docs.get(doc),
                    app.builder.get_target_uri(doc),
                )
                for date, doc in newest
            ],
        ]
    )
    digest = hashlib.sha1(inputs.encode("utf-8")).hexdigest()
    with contextlib.suppress(OSError), open(digest_path, encoding="utf-8") as file:
        if file.read() == digest and os.path.isfile(path):
            return
    # imported here: a build that writes no feed does not load feedgen and lxml
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    project = quote(app.config.project, safe="")
    feed.id(
        f"{base}/{NEWS_FEED_FILE}" if base else f"urn:sphinx-scholar:{project}:news"
    )
    feed.title(xml_text(feed_title(app)))
    feed.author({"name": xml_text(app.config.author or app.config.project)})
    if base:
        feed.link(href=f"{base}/{NEWS_FEED_FILE}", rel="self")
        pages = news_pages(env)
        home = app.builder.get_target_uri(pages[0]) if pages else ""
        feed.link(href=f"{base}/{home}", rel="alternate")
    feed.updated(_midnight(newest[0][0]))
    for date, doc in reversed(newest):  # feedgen puts the last added first
        entry = feed.add_entry()
        # Without html_baseurl the post is linked relative to the feed, which
        # sits at the top of the site.
        url = app.builder.get_target_uri(doc)
        if base:
            url = f"{base}/{url}"
        entry.id(url if base else f"urn:sphinx-scholar:post:{doc}")
        title = env.titles[doc].astext() if doc in env.titles else doc
        entry.title(xml_text(title))
        authors = post_authors(env, doc)
        if authors:
            entry.author([{"name": xml_text(name)} for name in authors])
        entry.link(href=url, rel="alternate")
        entry.published(_midnight(date))
        entry.updated(_midnight(date))
        summary = env.metadata.get(doc, {}).get("summary") or excerpt_of(env, doc)
        if summary:
            entry.summary(xml_text(str(summary)))
    os.makedirs(app.outdir, exist_ok=True)
    feed.atom_file(path, pretty=True)
    os.makedirs(os.path.dirname(digest_path), exist_ok=True)
    with open(digest_path, "w", encoding="utf-8") as file:
        file.write(digest)


def _midnight(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)
