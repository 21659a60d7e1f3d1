"""The site's people registry, from ``scholar_people`` and ``scholar_people_file``."""

from __future__ import annotations

import os

from . import cache
from .diagnostics import report
from .loaders.people import people_from_data
from .model import LoadResult, Problem
from .people import Registry

_built: dict[tuple, tuple[Registry, list[Problem]]] = {}


def people_file(env) -> str | None:
    name = env.config.scholar_people_file
    return os.path.join(env.srcdir, name) if name else None


def _build(env) -> tuple[Registry, list[Problem]]:
    path = people_file(env)
    inline = env.config.scholar_people
    memo_key = (
        path,
        os.stat(path).st_mtime_ns if path and os.path.exists(path) else None,
        repr(inline),
    )
    if memo_key not in _built:
        problems: list[Problem] = []
        people = (
            people_from_data(inline, "conf.py (scholar_people)", problems)
            if inline
            else []
        )
        if path:
            loaded: LoadResult = cache.load(path, "people")
            people += loaded.records
            problems += loaded.problems
        _built.clear()
        _built[memo_key] = (Registry.of(people), problems)
    return _built[memo_key]


def registry_for(env) -> Registry:
    """The registry of the current build, built once while its sources stay the same."""
    return _build(env)[0]


def report_problems(env) -> None:
    for problem in _build(env)[1]:
        report(problem)
