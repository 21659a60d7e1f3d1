"""Each data file parsed once, and again only when it changes.

Results are kept in memory for the life of the build environment (every
directive and page of a build, and every rebuild of a server that keeps its
application), on the environment rather than in the module, so that two
applications in one process keep theirs apart; and pickled next to Sphinx's
doctrees so that the next ``sphinx-build`` run re-reads a page without
re-parsing a data file that did not change. Both are keyed by the file's
path, modification time and size.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from .loaders import LOADERS
from .model import LoadResult
from .state import state_of

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: Bump when the records change shape, so that old pickles are not used.
CACHE_VERSION = 10

#: The kinds whose loader takes the last reading of the file, to parse only
#: what changed (see :class:`~sphinx_scholar.loaders.bibtex.Reuse`).
INCREMENTAL = {"publications"}


def stamp(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, CACHE_VERSION)


def cache_dir(env: BuildEnvironment) -> str:
    """Where the parsed data of a build environment is pickled."""
    return os.path.join(env.doctreedir, "scholar")


class DataCache:
    """The data files read for one build environment (see :func:`of`)."""

    def __init__(self, folder: str | None = None) -> None:
        #: where readings are pickled; ``None``: not pickled
        self.folder = folder
        self._memory: dict[tuple[str, str], tuple[tuple, LoadResult]] = {}
        self._lock = threading.Lock()

    def load(self, path: str, kind: str) -> LoadResult:
        """The file read by the loader of ``kind``, unless it was read before."""
        loader = LOADERS[kind]
        path = os.path.abspath(path)
        file_stamp = stamp(path)
        if file_stamp is None:
            return loader(path)  # the loader reports the missing file
        memo_key = (path, kind)
        with self._lock:
            known = self._memory.get(memo_key)
        if known and known[0] == file_stamp:
            return known[1]
        digest = _file_digest(path)
        saved_stamp, result = self._read_pickle(memo_key, digest)
        if result is None or saved_stamp != file_stamp:
            # What the last reading of the file gave, for a loader that reads
            # only what changed since.
            previous = known[1] if known else result
            result = (
                loader(path, previous)
                if kind in INCREMENTAL and previous
                else loader(path)
            )
            self._write_pickle(memo_key, file_stamp, digest, result)
        with self._lock:
            self._memory[memo_key] = (file_stamp, result)
        return result

    def _read_pickle(
        self, memo_key: tuple[str, str], digest: str
    ) -> tuple[tuple[int, int, int] | None, LoadResult | None]:
        """The stamp of the file when it was pickled, and what it gave. A
        pickle of other contents is not used, though the file kept its size
        and time (an edit a build cannot otherwise see, even with ``-E``)."""
        if not self.folder:
            return None, None
        try:
            with open(_pickle_path(self.folder, memo_key), "rb") as file:
                saved_stamp, saved_digest, result = pickle.load(file)
        except Exception:  # missing, truncated or from another version: parse again
            return None, None
        if not _usable(saved_stamp, result):
            return None, None
        return (saved_stamp if saved_digest == digest else None), result

    def _write_pickle(
        self,
        memo_key: tuple[str, str],
        file_stamp: tuple[int, int, int],
        digest: str,
        result: LoadResult,
    ) -> None:
        if not self.folder:
            return
        _write_atomically(
            _pickle_path(self.folder, memo_key),
            lambda file: pickle.dump(
                (file_stamp, digest, result), file, protocol=pickle.HIGHEST_PROTOCOL
            ),
        )


def of(env: BuildEnvironment) -> DataCache:
    """The data cache of a build environment."""
    state = state_of(env)
    if state.data is None:
        state.data = DataCache(cache_dir(env))
    return state.data


def load(path: str, kind: str, cache_dir: str | None = None) -> LoadResult:
    """A file read outside a build (the command line), from its pickle in
    ``cache_dir`` when that is up to date."""
    return DataCache(cache_dir).load(path, kind)


def _pickle_path(cache_dir: str, memo_key: tuple[str, str]) -> str:
    name = hashlib.sha1("\0".join(memo_key).encode("utf-8")).hexdigest()
    return os.path.join(cache_dir, f"{name}.pickle")


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as file:
            return hashlib.sha1(file.read()).hexdigest()
    except OSError:
        return ""


def _usable(saved_stamp: object, result: object) -> bool:
    return (
        isinstance(result, LoadResult)
        and isinstance(saved_stamp, tuple)
        and saved_stamp[-1:] == (CACHE_VERSION,)
    )


def _write_atomically(target: str, dump: Callable[[IO[bytes]], object]) -> bool:
    """Whether ``dump`` could write the file."""
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "wb") as file:
            dump(file)
        os.replace(partial, target)  # atomic, so parallel writers cannot tear it
    except OSError:
        return False  # a cache that cannot be written only costs time
    return True
