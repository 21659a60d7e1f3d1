"""A page for every publication the built site shows, made by the HTML builder.

Nothing is written into the source folder: once an HTML build has written its
documents, the pages of the publications that the site's lists show (after
their filters, limits and ``only`` blocks, see :mod:`.shown`) are handed to
Sphinx through ``html-collect-pages``, the way ``sphinx.ext.viewcode`` makes
its pages, and Sphinx writes them in the site's theme. A page is written again
only when something it shows changed, and the page of a publication that no
list shows any more is removed. What a page shows is in
:mod:`.page_content`, what it tells search engines in :mod:`.page_metadata`;
its words are added to the site's search index by :mod:`.search`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import operator
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from . import __version__, cache
from .cache import cache_dir
from .config import CONFIG_VALUES
from .model import Publication
from .page_content import PageRenderer
from .shown import SitePublications, html_builder, makes_pages, site_publications
from .site_people import people_files
from .state import state_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

logger = logging.getLogger(__name__)

#: The first line of every page source the extension's earlier versions wrote
#: into the source folder; such files are removed, and no other.
OLD_MARKER = ".. This file is written by sphinx-scholar; edits are lost."


#: every field of a publication but its line in the data file, which moves
#: when an entry above it is edited
_PAGE_FIELDS = operator.attrgetter(
    *(field.name for field in dataclasses.fields(Publication) if field.name != "line")
)


def record_digest(record: Publication) -> str:
    """Changes exactly when what the publication's page shows of it changes."""
    return hashlib.sha1(repr(_PAGE_FIELDS(record)).encode("utf-8")).hexdigest()


def site_digest(app: Sphinx) -> str:
    """What every page shows besides its publication: the extension, the
    theme and its templates, the HTML settings and the people."""
    builder = html_builder(app)
    parts = [
        __version__,
        builder.name,
        builder.build_info.config_hash,
        builder.build_info.tags_hash,
        str(builder.templates.newest_template_mtime()),
        *(repr(getattr(app.config, value.name)) for value in CONFIG_VALUES),
        *(repr(cache.stamp(path)) for path in people_files(app.env)),
    ]
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()


def _manifest_path(app: Sphinx) -> str:
    """Where the digests of the pages written into this output folder are kept."""
    outdir = hashlib.sha1(os.fsencode(app.outdir)).hexdigest()[:12]
    return os.path.join(cache_dir(app.env), f"pages-{app.builder.name}-{outdir}.json")


def read_manifest(path: str) -> tuple[str, dict[str, str]]:
    """The site digest and the page digests of the pages last written."""
    try:
        with open(path, encoding="utf-8") as file:
            site, pages = json.load(file)
    except (OSError, ValueError, TypeError):
        return "", {}
    return (site, pages) if isinstance(pages, dict) else ("", {})


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the pages whose content changed since they
    were last written; the pages of publications no list shows go."""
    if not makes_pages(app):
        return
    site = site_publications(app)
    state = state_of(app.env)
    manifest_path = _manifest_path(app)
    site_before, written = read_manifest(manifest_path)
    builder = html_builder(app)
    for pagename in written.keys() - set(site.pages.values()):
        remove_output(builder, pagename)
    digest = site_digest(app)
    if (
        digest == site_before
        and not state.read
        and written.keys() == set(site.pages.values())
        and not state.moved
    ):
        # No document was read, and none of the lists moved: the pages are
        # those last written (a data file edited is a document read).
        state.page_digests = written
        there = _written_files(builder, site.pages.values())
        changed: Sequence[tuple[str, Publication | None]] = [
            (pagename, site.record(key))
            for key, pagename in site.pages.items()
            if pagename not in there
        ]
        manifest = written
    else:
        manifest, changed = _changed_pages(site, digest, written, builder)
        state.page_digests = manifest
    if changed:
        renderer = PageRenderer(app, site)
        for pagename, record in changed:
            if record is not None:
                yield pagename, renderer.context(pagename, record), "page.html"
    if manifest is not written or digest != site_before:
        os.makedirs(os.path.dirname(manifest_path), exist_ok=True)
        with open(manifest_path, "w", encoding="utf-8") as file:
            json.dump([digest, manifest], file)


def _changed_pages(
    site: SitePublications,
    digest_of_site: str,
    written: dict[str, str],
    builder: StandaloneHTMLBuilder,
) -> tuple[dict[str, str], list[tuple[str, Publication]]]:
    """The digest of every page, and the pages whose digest changed since
    they were written (or whose file is gone)."""
    manifest: dict[str, str] = {}
    changed: list[tuple[str, Publication]] = []
    for key, pagename in site.pages.items():
        record = site.record(key)
        if record is None:
            continue
        digest = hashlib.sha1(
            "\0".join(
                [digest_of_site, record_digest(record), repr(site.listed_in(key))]
            ).encode("utf-8")
        ).hexdigest()
        manifest[pagename] = digest
        if written.get(pagename) != digest or not os.path.isfile(
            builder.get_outfilename(pagename)
        ):
            changed.append((pagename, record))
    return manifest, changed


def _written_files(
    builder: StandaloneHTMLBuilder, pagenames: Iterable[str]
) -> set[str]:
    """The pages whose output file is there, from one look at each folder
    (a look per page took longer than the rest of a no-op build)."""
    pagenames = list(pagenames)
    if not pagenames:
        return set()
    outdir = os.fspath(builder.outdir)
    sample = pagenames[0]
    output = os.path.relpath(os.fspath(builder.get_outfilename(sample)), outdir)
    suffix = builder.out_suffix
    if output == os.path.normpath(sample + suffix):

        def relative(name: str) -> str:
            return name + suffix
    elif output == os.path.normpath(f"{sample}/index{suffix}"):

        def relative(name: str) -> str:
            return f"{name}/index{suffix}"
    else:  # a builder of its own: ask it for each page
        return {
            name for name in pagenames
            if os.path.isfile(builder.get_outfilename(name))
        }  # fmt: skip
    found: set[str] = set()
    # the folders of the pages (their sub-folders too, walked below)
    folders = {os.path.dirname(name) for name in pagenames}
    for folder in folders:
        for root, _dirs, files in os.walk(os.path.join(outdir, folder)):
            within = os.path.relpath(root, outdir).replace(os.sep, "/")
            found.update(f"{within}/{file}" for file in files)
    return {name for name in pagenames if relative(name) in found}


def remove_output(builder: StandaloneHTMLBuilder, pagename: str) -> None:
    output = os.fspath(builder.get_outfilename(pagename))
    with contextlib.suppress(FileNotFoundError):
        os.remove(output)
    if output.endswith(f"{pagename}/index.html"):  # dirhtml: a folder per page
        with contextlib.suppress(OSError):
            os.rmdir(os.path.dirname(output))


def remove_old_page_sources(app: Sphinx) -> None:
    """Remove the page sources the extension's earlier versions wrote into
    the source folder (those that start with their marker), once."""
    folder = Path(app.srcdir, app.config.scholar_publication_pages or "pub")
    if not folder.is_dir():
        return
    removed = 0
    for source in folder.glob("*.rst"):
        try:
            with open(source, encoding="utf-8") as file:
                first = file.readline().rstrip("\n")
        except (OSError, UnicodeDecodeError):
            continue
        if first == OLD_MARKER:
            source.unlink()
            removed += 1
    if removed:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if nothing else is in it
        logger.info(
            "sphinx-scholar: removed %d publication page source(s) from %s that "
            "an earlier version wrote; the pages are now made without them",
            removed,
            folder,
        )
