"""The site's people registry, from ``scholar_people`` and ``scholar_people_file``."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from . import cache
from .diagnostics import Subtype, report
from .loaders.people import people_from_data
from .model import Problem
from .paths import is_readable, outside_message, readable_folders
from .people_matching import Registry
from .state import state_of

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def people_files(env: BuildEnvironment) -> list[str]:
    """The people files, from the source directory: one name or a list."""
    names = env.config.scholar_people_file
    if isinstance(names, str):
        names = [names] if names else []
    return [os.path.join(env.srcdir, name) for name in names]


def note_people_dependency(env: BuildEnvironment) -> None:
    """The current page shows people: it is read again when they change."""
    for path in people_files(env):
        env.note_dependency(path)


def _build(env: BuildEnvironment) -> tuple[Registry, list[Problem]]:
    paths = people_files(env)
    inline = env.config.scholar_people
    memo_key = (tuple((path, cache.stamp(path)) for path in paths), repr(inline))
    state = state_of(env)
    if state.people is None or state.people[0] != memo_key:
        problems: list[Problem] = []
        people = (
            # named after conf.py in the source folder: their photos are
            # looked up from there, not from the folder the build runs in
            people_from_data(
                inline,
                os.path.join(env.srcdir, "conf.py (scholar_people)"),
                problems,
            )
            if inline
            else []
        )
        readable = readable_folders(env.srcdir, env.config)
        for path in paths:
            if not is_readable(path, readable):
                problems.append(
                    Problem(
                        Subtype.data_file,
                        f"scholar_people_file {path!r} {outside_message(path)}",
                        "conf.py",
                    )
                )
                continue
            loaded = cache.of(env).load(path, "people")
            people += loaded.records
            problems += loaded.problems
        seen: dict[str, str] = {}
        unique = []
        for person in people:
            if person.id in seen:
                problems.append(
                    Problem(
                        Subtype.duplicate_key,
                        f"person id {person.id!r} is also in {seen[person.id]}; this one is left out",
                        person.source,
                        person.line,
                    )
                )
                continue
            seen[person.id] = os.path.basename(person.source) or person.source
            unique.append(person)
        state.people = (memo_key, Registry.of(unique), problems)
    return state.people[1:]


def registry_for(env: BuildEnvironment) -> Registry:
    """The registry of the current build, built once while its sources stay the same."""
    return _build(env)[0]


def report_problems(env: BuildEnvironment) -> None:
    for problem in _build(env)[1]:
        report(problem)
