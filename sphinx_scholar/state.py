"""What the extension keeps while Sphinx builds, on the build environment.

Kept on the environment, not in module globals, so that two Sphinx
applications in one process (tests, language servers) do not share it. It is
not pickled with the environment: a loaded environment starts with none.
"""

from __future__ import annotations

ATTRIBUTE = "_sphinx_scholar_state"


class BuildState:
    def __init__(self) -> None:
        #: the data files read (a :class:`~.cache.DataCache`)
        self.data = None
        #: the people registry, and the sources it was built from
        self.people = None
        #: the documents read in this build
        self.read: list[str] = []
        #: where each publication was shown when this build started
        self.shown_before: tuple[dict, dict, dict] = ({}, {}, {})
        #: the publications whose lists, anchors or titles changed since then
        self.moved: set[str] = set()
        #: the publications the built site shows (see :mod:`.shown`), once
        #: the documents are read
        self.site = None
        #: pagename -> digest of each publication page of the build
        self.page_digests: dict[str, str] = {}

    def __reduce__(self):
        return (BuildState, ())


def state_of(env) -> BuildState:
    state = getattr(env, ATTRIBUTE, None)
    if state is None:
        state = BuildState()
        setattr(env, ATTRIBUTE, state)
    return state
