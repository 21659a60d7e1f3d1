"""The cycle collector is paused while large data is made, and what was made
ends in its oldest generation, so that the young ones are not walked over it."""

import gc
import subprocess
import sys

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
