"""Site-wide exports, written beside the HTML pages: ``publications.bib`` with
every publication the site lists, and ``publications.atom``, a feed of the newest."""

from __future__ import annotations

import contextlib
import datetime
import os
import re

from .citation import citation_bibtex
from .diagnostics import Subtype, warn
from .model import Publication
from .shown import site_publications

BIBTEX_FILE = "publications.bib"
FEED_FILE = "publications.atom"
FEED_SIZE = 20


def published(record: Publication) -> datetime.datetime:
    return datetime.datetime(
        record.year or 1970, record.month or 1, 1, tzinfo=datetime.UTC
    )


def exports_written(outdir) -> bool:
    return all(
        os.path.isfile(os.path.join(outdir, name)) for name in (BIBTEX_FILE, FEED_FILE)
    )


def write_exports(app) -> None:
    site = site_publications(app)
    records = site.ordered_records()
    if not records:
        # the files of a build that still listed publications go too
        for name in (BIBTEX_FILE, FEED_FILE):
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(app.outdir, name))
        return
    written_apart(BIBTEX_FILE, write_bibtex, app, records)
    written_apart(FEED_FILE, write_feed, app, records, site.pages)


def written_apart(name: str, write, app, *args) -> None:
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


def write_bibtex(app, records: list[Publication]) -> None:
    with open(os.path.join(app.outdir, BIBTEX_FILE), "w", encoding="utf-8") as file:
        file.write("\n\n".join(exported_entries(records)) + "\n")


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


def write_feed(app, records: list[Publication], pages: dict[str, str]) -> None:
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
        entry.title(record.title)
        if record.authors:  # at once: feedgen goes over its list at each call
            entry.author([{"name": author.name} for author in record.authors])
        if url:
            entry.link(href=url, rel="alternate")
        else:
            entry.content(record.title)
        entry.updated(published(record))
        entry.published(published(record))
        if record.abstract:
            entry.summary(record.abstract)
    feed.atom_file(os.path.join(app.outdir, FEED_FILE), pretty=True)
