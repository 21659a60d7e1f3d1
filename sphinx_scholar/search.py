"""The publication pages in the site's search index, by title, authors,
venue and abstract; and the people pages, by name, role, affiliation and
research areas.

Sphinx indexes the documents it reads, and writes its index anew at each
build, keeping only those documents; so the pages are added to the index after
Sphinx wrote it, at each build. What a page adds (its words, stemmed as
Sphinx's search stems them) is kept beside the doctrees with the page's
digest, so that a build stems only the words of pages that changed; and when
neither Sphinx's index nor the pages changed, the index of the last build is
written again as it was.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx import version_info as sphinx_version

from .cache import cache_dir
from .model import Person, Publication
from .person_links import people_page_names
from .shown import html_builder, makes_pages, site_publications
from .site_people import registry_for
from .state import state_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the index's own tables that the pages' words go into
_TABLES = ("_titles", "_filenames", "_all_titles", "_mapping", "_title_mapping")
#: Before Sphinx 9 the index holds its titles as HTML, which the search page
#: shows as it is; from 9 on they are text, which the page escapes.
_TITLES_ARE_HTML = sphinx_version < (9,)


def publication_words(
    lang, record: Publication, terms: IndexTerms
) -> tuple[list[str], list[str]]:
    """The words of a publication page's title, and its other words."""
    texts = [
        ", ".join(author.name for author in record.authors),
        record.venue,
        record.abstract,
    ]
    return page_words(lang, record.title, texts, terms)


def person_words(
    lang, person: Person, terms: IndexTerms
) -> tuple[list[str], list[str]]:
    """The words of a person's page: the name, then what else it says."""
    texts = [person.role, person.affiliation, ", ".join(person.areas)]
    return page_words(lang, person.name, [*texts, *person.variants], terms)


def page_words(
    lang, title: str, texts: list[str], terms: IndexTerms
) -> tuple[list[str], list[str]]:
    """The words of a page's title, and its other words, as Sphinx's
    ``IndexBuilder.feed`` takes them from a page with that title and text."""
    title_words = {found for word in lang.split(title) if (found := terms[word])}
    words = {
        found
        for text in [title, *texts]
        for word in lang.split(text)
        if (found := terms[word]) and found not in title_words
    }
    return sorted(title_words), sorted(words)


class IndexTerms(dict):
    """What Sphinx indexes each word as: its stem, or the word itself when
    the stem is filtered out and the word is not; ``""`` when neither is
    kept. Found once a build for each word: the pages share most of theirs."""

    def __init__(self, lang) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> str:
        keep = self.lang.word_filter
        stemmed = self.lang.stem(word).lower()
        found = self[word] = stemmed if keep(stemmed) else word if keep(word) else ""
        return found


def _store_path(app: Sphinx) -> str:
    return os.path.join(cache_dir(app.env), f"search-{app.builder.name}.pickle")


def _read_store(path: str) -> tuple[dict, str, bytes]:
    """What each page added to the index when it was last written, the
    digest of the index Sphinx wrote then, and the index with the pages."""
    try:
        with open(path, "rb") as file:
            store, sphinx_digest, whole = pickle.load(file)
    except Exception:  # missing, or from another version: stemmed again
        return {}, "", b""
    return (store, sphinx_digest, whole) if isinstance(store, dict) else ({}, "", b"")


def index_pages(app: Sphinx) -> None:
    """Add the publication pages to the search index Sphinx has written, and
    drop the words no page has any more (Sphinx keeps them, pointing
    nowhere): the words of a publication a list stopped showing go."""
    builder = html_builder(app)
    indexer = getattr(builder, "indexer", None)
    if indexer is None or not makes_pages(app):
        return
    if not all(hasattr(indexer, table) for table in _TABLES):
        return  # a search index this version does not know
    site = site_publications(app)
    state = state_of(app.env)
    people = people_page_names(app)
    if (
        not site.pages
        and not people
        and not (state.shown_before[0] or state.shown_before[2])
    ):
        return  # no publication or person page in this build or the last
    path = _store_path(app)
    stored, sphinx_before, whole_before = _read_store(path)
    index_path = Path(builder.outdir, builder.searchindex_filename)
    try:
        sphinx_digest = hashlib.sha1(index_path.read_bytes()).hexdigest()
    except OSError:
        sphinx_digest = ""
    digests = state.page_digests
    lang = indexer.lang
    terms = IndexTerms(lang)
    store: dict[str, tuple] = {}
    for key, pagename in site.pages.items():
        digest = digests.get(pagename)
        known = stored.get(pagename)
        if known is not None and digest is not None and known[0] == digest:
            store[pagename] = known
            continue
        record = site.record(key)
        if record is None:
            continue
        store[pagename] = (
            digest,
            record.title,
            *publication_words(lang, record, terms),
        )
    registry = registry_for(app.env)
    for person_id, pagename in people.items():
        person = registry.people[person_id]
        digest = hashlib.sha1(repr(person).encode("utf-8")).hexdigest()
        known = stored.get(pagename)
        if known is not None and known[0] == digest:
            store[pagename] = known
            continue
        store[pagename] = (digest, person.name, *person_words(lang, person, terms))
    if store == stored and whole_before:
        if sphinx_digest == hashlib.sha1(whole_before).hexdigest():
            # Sphinx wrote again the index it read, ours of last time (a
            # build that wrote no page), and the pages are the same
            return
        if sphinx_digest == sphinx_before:
            # Sphinx wrote the index it wrote last time, and the pages are
            # the same: the index with the pages is the one of last time.
            _write_atomically(index_path, whole_before)
            return
    suffix = builder.out_suffix
    for pagename, (_digest, title, title_words, words) in store.items():
        if _TITLES_ARE_HTML:
            title = html.escape(title)
        indexer._titles[pagename] = title
        indexer._filenames[pagename] = pagename + suffix
        indexer._all_titles[pagename] = [(title, None)]
        for word in title_words:
            indexer._title_mapping.setdefault(word, set()).add(pagename)
        for word in words:
            indexer._mapping.setdefault(word, set()).add(pagename)
    for words in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, pages in words.items() if not pages]:
            del words[word]
    buffer = io.StringIO() if builder.indexer_dumps_unicode else io.BytesIO()
    indexer.dump(buffer, builder.indexer_format)
    whole = buffer.getvalue()
    whole = whole.encode("utf-8") if isinstance(whole, str) else whole
    _write_atomically(index_path, whole)
    with open(path, "wb") as file:
        pickle.dump(
            (store, sphinx_digest, whole), file, protocol=pickle.HIGHEST_PROTOCOL
        )


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".tmp")
    partial.write_bytes(data)
    partial.replace(path)
