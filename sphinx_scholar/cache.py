"""Each data file parsed once, and again only when it changes.

Results are kept in memory for the life of the process (every directive and
page of a build, and every rebuild of ``sphinx-autobuild``), and pickled next
to Sphinx's doctrees so that the next ``sphinx-build`` run re-reads a page
without re-parsing a data file that did not change. Both are keyed by the
file's path, modification time and size.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading

from . import collector
from .model import LoadResult

#: Bump when the records change shape, so that old pickles are not used.
CACHE_VERSION = 3

#: The kinds whose loader takes the last reading of the file, to parse only
#: what changed (see :class:`~sphinx_scholar.loaders.bibtex.Reuse`).
INCREMENTAL = {"publications"}

_memory: dict[tuple[str, str], tuple[tuple, LoadResult]] = {}
_lock = threading.Lock()


def stamp(path: str) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, CACHE_VERSION)


def load(path: str, kind: str, cache_dir: str | None = None) -> LoadResult:
    """The file read by the loader of ``kind``, unless it was read before."""
    from .loaders import LOADERS

    loader = LOADERS[kind]
    path = os.path.abspath(path)
    file_stamp = stamp(path)
    if file_stamp is None:
        return loader(path)  # the loader reports the missing file
    memo_key = (path, kind)
    with _lock:
        known = _memory.get(memo_key)
    if known and known[0] == file_stamp:
        return known[1]
    with collector.paused():
        saved_stamp, result = _read_pickle(cache_dir, memo_key)
        if saved_stamp != file_stamp:
            # What the last reading of the file gave, for a loader that reads
            # only what changed since.
            previous = known[1] if known else result
            result = (
                loader(path, previous)
                if kind in INCREMENTAL and previous
                else loader(path)
            )
            _write_pickle(cache_dir, memo_key, file_stamp, result)
    with _lock:
        _memory[memo_key] = (file_stamp, result)
    return result


def forget() -> None:
    """Drop what is kept in memory (tests use it to count parses)."""
    with _lock:
        _memory.clear()


def _pickle_path(cache_dir: str, memo_key: tuple[str, str]) -> str:
    name = hashlib.sha1("\0".join(memo_key).encode("utf-8")).hexdigest()
    return os.path.join(cache_dir, f"{name}.pickle")


def _read_pickle(cache_dir, memo_key) -> tuple[tuple | None, LoadResult | None]:
    """The stamp of the file when it was pickled, and what it gave."""
    if not cache_dir:
        return None, None
    try:
        with open(_pickle_path(cache_dir, memo_key), "rb") as file:
            saved_stamp, result = pickle.load(file)
    except Exception:  # missing, truncated or from another version: parse again
        return None, None
    if not isinstance(result, LoadResult) or saved_stamp[-1:] != (CACHE_VERSION,):
        return None, None
    return saved_stamp, result


def _write_pickle(cache_dir, memo_key, file_stamp, result: LoadResult) -> None:
    if not cache_dir:
        return
    try:
        os.makedirs(cache_dir, exist_ok=True)
        target = _pickle_path(cache_dir, memo_key)
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "wb") as file:
            pickle.dump((file_stamp, result), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)  # atomic, so parallel writers cannot tear it
    except OSError:
        pass  # a cache that cannot be written only costs time
