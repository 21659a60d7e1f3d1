"""Keeping Python's cycle collector from walking the extension's large data
again and again: while it is made, once it is made, and when the process
ends."""

from __future__ import annotations

import atexit
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Rendered lists not yet freed may hold this many objects whatever the size
# of the data (some fifty megabytes of docutils nodes).
RENDERED_FLOOR = 500_000


class _Moved:
    """Objects moved to the oldest generation without being walked."""

    lock = threading.Lock()
    lasting = 0  # the records of data files
    rendered = 0  # rendered lists, since the last full pass
    full_passes = 0  # the collector's full passes when ``rendered`` was reset


@contextmanager
def paused(lasting: bool = False) -> Iterator[None]:
    """Reading a data file or rendering a long list makes many objects and
    frees few, and they hold no cycles to collect. The collector, run every
    few hundred allocations, would walk the growing heap again and again:
    paused, a full build at 2,000 entries spends 0.1 s less in it, two
    fifths of its time there.

    What was made is then moved to the collector's oldest generation without
    being walked: a data file's records (``lasting``) live as long as the
    build, and a rendered list lives until its page is written. Its page's
    tree is then garbage in cycles, which only a full pass frees; as Python
    counts objects moved this way in no rule of its own, the lists rendered
    since the last full pass are counted here, and one is made before the
    next list when they hold more objects than the data files' records (and
    than ``RENDERED_FLOOR``). A build of one long list never walks it."""
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    if not lasting:
        _free_rendered_lists()
    gc.disable()
    try:
        yield
    finally:
        moved = _to_oldest_generation()
        gc.enable()
        with _Moved.lock:
            if lasting:
                _Moved.lasting += moved
            else:
                _Moved.rendered += moved


def _to_oldest_generation() -> int:
    """Move the objects made while the collector was paused to its oldest
    generation without walking them; how many of them are still there."""
    # the youngest generation's count: objects made and not freed since its
    # last pass, which the pause put off
    made = gc.get_count()[0]
    if gc.get_freeze_count():  # someone else's frozen objects: not to thaw
        gc.collect(1)  # walked once, then in the oldest generation
    else:
        gc.freeze()  # every generation, with the new objects
        gc.unfreeze()  # all into the oldest
    return made


def _free_rendered_lists() -> None:
    full_passes = gc.get_stats()[2]["collections"]
    with _Moved.lock:
        if full_passes != _Moved.full_passes:  # the collector made one
            _Moved.rendered = 0
        elif _Moved.rendered > max(_Moved.lasting, RENDERED_FLOOR):
            gc.collect()
            _Moved.rendered = 0
            full_passes += 1
        _Moved.full_passes = full_passes


def skip_last_collection() -> None:
    """When the process ends, Python collects once more, walking and freeing
    one by one every object the build left in cycles (the environment, the
    doctrees, the records): a second of a 5,000-entry build, after its last
    line of output. Frozen at exit, they are left to the operating system,
    which takes back the memory at once, as it does with everything still
    referenced then; Python does not promise to finalise either.

    Registered once however many times Sphinx sets the extension up."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
