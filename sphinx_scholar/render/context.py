"""What rendering needs to know of the site and of the page: made by the
directives while reading, and by the outputs (deferred lists, publication
pages) when writing."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes

from ..diagnostics import Subtype, warn_in_file
from ..paths import is_readable, outside_message, readable_folders
from ..people import Highlight, Registry
from ..registry import registry_for
from ..text import slug

#: what :meth:`RenderContext.find_file` gives for a file it may not use
OUTSIDE = ""


@dataclass
class RenderContext:
    """What rendering needs to know about the page and the site."""

    document: nodes.document
    docname: str
    srcdir: str
    registry: Registry
    highlight: Highlight
    #: where relative link paths are looked for after the data file's folder
    file_dirs: tuple[str, ...] = ()
    #: the folders files may be read from (see :mod:`sphinx_scholar.paths`)
    readable: tuple[str, ...] = ()
    #: told of each publication shown, with its anchor
    note_publication: Callable[[str, str, str], None] | None = None
    #: where publications have pages of their own ("" for none)
    page_folder: str = ""
    #: the features of an interactive list (HTML only): sort, search, ...
    interactive: frozenset[str] = frozenset()
    #: the site's language, for month names
    language: str = "en"
    #: publication key -> anchor, when the anchors were fixed while reading
    #: (lists rendered when the page is written, see :mod:`..deferred`)
    anchors: dict[str, str] | None = None
    #: URL as written -> (path in the source folder, file name in the output)
    #: of the site files such a list links, registered while reading
    downloads: dict[str, tuple[str, str]] | None = None
    #: say when a linked file is missing or may not be used (a publication's
    #: own page does not: the list that shows the publication already says it)
    report_files: bool = True

    def shown(self, record, anchor: str) -> None:
        if self.note_publication is not None:
            self.note_publication(record.key, anchor, record.title)

    def find_file(self, path: str, record) -> str | None:
        """The linked file, next to the data file or in one of ``file_dirs``;
        one outside the readable folders is reported and not used."""
        for folder in (os.path.dirname(record.source), *self.file_dirs):
            candidate = os.path.normpath(os.path.join(folder, path))
            if os.path.isfile(candidate):
                if is_readable(candidate, self.readable):
                    return candidate
                if self.report_files:
                    warn_in_file(
                        f"{record.key!r} links to {path!r}, which {outside_message(candidate)}",
                        Subtype.file,
                        record.source,
                        record.line,
                    )
                return OUTSIDE
        return None

    def unique_id(self, base: str) -> str:
        """An HTML id not yet used in this document, made from ``base``."""
        candidate, number = base, 1
        while candidate in self.document.ids:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def register(self, node: nodes.Element) -> None:
        self.document.set_id(node)

    def anchor(self, record) -> str:
        """The anchor of a publication's entry, made once and told to the domain."""
        if self.anchors is not None:
            return self.anchors[record.key]
        anchor = self.unique_id(f"pub-{slug(record.key)}")
        self.shown(record, anchor)
        return anchor


def site_context(
    env, document, docname: str, highlight: Highlight, **page
) -> RenderContext:
    """What the renderers need to know of the site, and of the page (``page``:
    more :class:`RenderContext` fields)."""
    return RenderContext(
        document=document,
        docname=docname,
        srcdir=str(env.srcdir),
        registry=registry_for(env),
        highlight=highlight,
        file_dirs=tuple(
            os.path.join(env.srcdir, folder) for folder in env.config.scholar_file_dirs
        ),
        readable=readable_folders(env.srcdir, env.config),
        page_folder=env.config.scholar_publication_pages,
        language=env.config.language or "en",
        **page,
    )


def render_context(directive, highlight: Highlight) -> RenderContext:
    """What the renderers need to know of the page the directive is on."""
    env = directive.env
    domain = env.get_domain("scholar")
    return site_context(
        env,
        directive.state.document,
        env.docname,
        highlight,
        note_publication=lambda key, anchor, title: domain.note_publication(
            key, env.docname, anchor, title
        ),
    )
