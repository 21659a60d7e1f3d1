"""The cycle collector is paused while large data is made, and what was made
ends in its oldest generation, so that the young ones are not walked over it;
rendered lists left as garbage are freed once they outgrow the data."""

import gc
import subprocess
import sys
import weakref

import pytest

from sphinx_scholar import collector


def generation_of(obj) -> int | None:
    return next((n for n in range(3) if any(o is obj for o in gc.get_objects(n))), None)


@pytest.mark.parametrize("lasting", [False, True])
def test_what_is_made_while_paused_ends_in_the_oldest_generation(lasting):
    with collector.paused(lasting=lasting):
        assert not gc.isenabled()
        made = [["record", n] for n in range(1000)]
    assert gc.isenabled()
    assert generation_of(made) == 2
    assert generation_of(made[-1]) == 2


def test_a_pause_inside_another_leaves_the_collector_to_the_outer_one():
    with collector.paused():
        with collector.paused(lasting=True):
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_objects_frozen_by_someone_else_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.paused(lasting=True):
            made = [[n] for n in range(100)]
        assert gc.get_freeze_count() == frozen
        assert generation_of(made) is not None  # not frozen with the others
    finally:
        gc.unfreeze()


def test_the_collector_is_enabled_again_after_an_error():
    with pytest.raises(ValueError), collector.paused(lasting=True):
        raise ValueError
    assert gc.isenabled()


class Node:
    """Like a docutils node: it knows its parent, and the parent its child."""

    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def render_garbage(size: int) -> weakref.ref:
    """A rendered tree whose page was written: garbage held by its cycles."""
    with collector.paused():
        root = Node()
        for _ in range(size):
            Node(root)
    return weakref.ref(root)


@pytest.fixture
def counted(monkeypatch):
    """Counts of their own, a floor of 100,000 objects, and no full pass but
    ours. (A pause moves every young object, not only those it made.)"""
    gc.collect()
    monkeypatch.setattr(collector, "RENDERED_FLOOR", 100_000)
    monkeypatch.setattr(collector._Moved, "lasting", 0)
    monkeypatch.setattr(collector._Moved, "rendered", 0)
    monkeypatch.setattr(
        collector._Moved, "full_passes", gc.get_stats()[2]["collections"]
    )
    thresholds = gc.get_threshold()
    gc.set_threshold(10**6, 10**6, 10**6)
    yield
    gc.set_threshold(*thresholds)


def test_rendered_lists_are_freed_once_they_hold_more_than_the_floor(counted):
    small = render_garbage(100)
    render_garbage(1)  # the next list: no full pass yet
    assert small() is not None
    render_garbage(60_000)  # two objects a node: 120,000
    assert small() is not None
    render_garbage(1)  # before it is rendered, a full pass frees the others
    assert small() is None


def test_rendered_lists_may_hold_as_many_objects_as_the_data(counted):
    with collector.paused(lasting=True):
        records = [[n] for n in range(200_000)]
    large = render_garbage(60_000)
    render_garbage(1)
    assert large() is not None  # fewer objects than the records
    render_garbage(60_000)
    render_garbage(1)
    assert large() is None
    assert records


def test_a_full_pass_of_the_collector_frees_them_and_starts_the_count_again(
    counted,
):
    large = render_garbage(60_000)
    gc.collect()
    assert large() is None
    small = render_garbage(100)
    render_garbage(1)
    assert small() is not None  # the count started again at the pass


def test_the_process_ends_without_walking_what_the_build_left():
    # atexit runs its functions last registered first: the check runs after
    script = """
import atexit, gc
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
from sphinx_scholar import collector
collector.skip_last_collection()
collector.skip_last_collection()
left = [[n] for n in range(1000)]
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "frozen at exit: True\n"
