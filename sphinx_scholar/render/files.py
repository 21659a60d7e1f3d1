"""The files of the site that records link or show, found before rendering.

A record names files of the site by relative paths: a PDF in its links, a
photo, a sponsor's logo. Each is looked up once, next to the data file and in
the folders of ``scholar_file_dirs``, before anything is rendered: the
renderers then only ask the result (:meth:`SiteFiles.get`), and the problems
(a file missing, or outside the folders the site may read) are returned to be
reported once per build, however many lists show the record.
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..diagnostics import Subtype
from ..model import LinkFile, Problem, SourcedRecord
from ..paths import is_readable, outside_message

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: fields naming a file of the site (or another site's address)
LINK_FIELDS = frozenset({"url"})
#: (``preview`` is a publication's thumbnail, al-folio's name for it)
PICTURE_FIELDS = frozenset({"photo", "logo", "preview"})

LINK = "link"
PICTURE = "picture"


def is_external(url: str) -> bool:
    return "://" in url or url.startswith(("//", "mailto:"))


def is_picture_address(uri: str) -> bool:
    """Only an ``http(s)`` address is a picture of another site. Sphinx copies
    any other into the output as a file of the machine (``//etc/passwd``
    would be ``/etc/passwd``), so any other is looked up as a file of the site."""
    return uri.lower().startswith(("http://", "https://"))


def picture_address(uri: str) -> str:
    """A protocol-relative address (``//host/photo.jpg``) is the host's, over https."""
    if uri.startswith("//") and not uri.startswith("///"):
        host = uri[2:].split("/", 1)[0]
        if "." in host and not host.startswith("."):
            return "https:" + uri
    return uri


def file_path(url: str) -> str:
    """The path of a link to a file of the site, without its fragment or query."""
    return url.split("#")[0].split("?")[0]


@dataclass(frozen=True)
class Found:
    """A file of the site: its path from the source folder, and its file
    name in ``_downloads`` once registered (links only)."""

    relative: str
    download: str = ""


@dataclass
class SiteFiles:
    """Where the site's files are, and what was found of those records name."""

    srcdir: str
    #: where relative paths are looked for after the data file's folder
    file_dirs: tuple[str, ...] = ()
    #: the folders files may be read from (see :mod:`sphinx_scholar.paths`)
    readable: tuple[str, ...] = ()
    #: (data file's folder, path as written) -> the file, when found
    found: dict[tuple[str, str], Found] = field(default_factory=dict)

    def get(self, path: str, record: SourcedRecord) -> Found | None:
        """The file a record names, if it was found (see :func:`resolve`)."""
        return self.found.get((os.path.dirname(record.source), file_path(path)))

    def of(self, records: Iterable[SourcedRecord]) -> dict[tuple[str, str], Found]:
        """What was found of the files the records name."""
        result: dict[tuple[str, str], Found] = {}
        for record in records:
            folder = os.path.dirname(record.source)
            for _kind, written in named_files(record):
                key = (folder, file_path(written))
                if key in self.found:
                    result[key] = self.found[key]
        return result

    def folders(self, record: SourcedRecord) -> tuple[str, ...]:
        return (os.path.dirname(record.source), *self.file_dirs)

    def look_up(self, path: str, record: SourcedRecord) -> tuple[str | None, str]:
        """The file's path and "", or None and what is wrong."""
        for folder in self.folders(record):
            candidate = os.path.normpath(os.path.join(folder, path))
            if os.path.isfile(candidate):
                if is_readable(candidate, self.readable):
                    return candidate, ""
                return None, f"which {outside_message(candidate)}"
        return None, ""


def named_files(record: object) -> Iterator[tuple[str, str]]:
    """``(kind, path)`` of every file of the site the record names: a link
    (:data:`LINK`) or a picture (:data:`PICTURE`), nested records included."""
    # mypy finds no __hash__ on a class object, which has type's
    fields = _path_fields(type(record))  # type: ignore[arg-type]
    for name, kind in fields:
        value = getattr(record, name)
        if kind is None:
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, LinkFile):
                    if item.url and not is_external(item.url):
                        yield LINK, item.url
                elif dataclasses.is_dataclass(item):
                    yield from named_files(item)
        elif value:
            if kind == LINK and not is_external(value):
                yield LINK, value
            elif kind == PICTURE and not is_picture_address(picture_address(value)):
                yield PICTURE, value


@cache
def _path_fields(cls: type) -> tuple[tuple[str, str | None], ...]:
    """The fields of a record class that name files (with their kind) or
    hold records that may (kind None), from the class's type hints."""
    if not dataclasses.is_dataclass(cls):
        return ()
    hints = typing.get_type_hints(cls)
    result: list[tuple[str, str | None]] = []
    for item in dataclasses.fields(cls):
        if item.name in LINK_FIELDS:
            result.append((item.name, LINK))
        elif item.name in PICTURE_FIELDS:
            result.append((item.name, PICTURE))
        elif any(dataclasses.is_dataclass(t) for t in _types_in(hints[item.name])):
            result.append((item.name, None))
    return tuple(result)


def _types_in(hint: object) -> Iterator[object]:
    yield hint
    for argument in typing.get_args(hint):
        yield from _types_in(argument)


def resolve(
    records: Iterable[SourcedRecord],
    files: SiteFiles,
    env: BuildEnvironment | None = None,
    docname: str = "",
) -> list[Problem]:
    """Look up every file the records name, into ``files.found``; with
    ``env``, register them with Sphinx for the document ``docname``, as
    ``:download:`` does while reading.
    Returns the problems, one per record and file.

    The page depends on a missing file too: Sphinx reads it again at each
    build until the file is in one of the places it is looked for."""
    problems: list[Problem] = []
    for record in records:
        for kind, written in named_files(record):
            path = file_path(written)
            key = (os.path.dirname(record.source), path)
            if key in files.found:
                continue
            target, wrong = files.look_up(path, record)
            if target is None:
                problems.append(_problem(kind, written, record, files, wrong))
                if env is not None and not wrong:
                    for folder in files.folders(record):
                        env.note_dependency(os.path.join(folder, path))
                continue
            relative = os.path.relpath(target, files.srcdir).replace(os.sep, "/")
            download = ""
            if env is not None:
                env.note_dependency(relative)
                if kind == LINK:
                    download = env.dlfiles.add_file(docname, relative).as_posix()
                else:
                    # as Sphinx's image collector does while reading: a list
                    # rendered when the page is written (see ..deferred) comes
                    # after it, and its pictures would not be copied
                    env.images.add_file(docname, relative)
            files.found[key] = Found(relative, download)
    return problems


def _problem(
    kind: str, written: str, record: SourcedRecord, files: SiteFiles, wrong: str
) -> Problem:
    if wrong:
        message = f"{record.key!r} links to {written!r}, {wrong}"
    elif kind == PICTURE:
        message = f"picture {written!r} of {record.key!r} not found; it is left out"
    else:
        looked = ", ".join(
            os.path.relpath(folder, files.srcdir) for folder in files.folders(record)
        )
        message = (
            f"{record.key!r} links to {written!r}, which is in none of: {looked} "
            "(add its folder to scholar_file_dirs); the link is left out"
        )
    return Problem(Subtype.file, message, record.source, record.line)
