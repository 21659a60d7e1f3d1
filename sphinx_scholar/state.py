"""What the extension keeps while Sphinx builds, on the build environment.

Kept on the environment, not in module globals, so that two Sphinx
applications in one process (tests, language servers) do not share it. It is
not pickled with the environment: a loaded environment starts with none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .cache import DataCache
    from .domain import Snapshot
    from .model import Problem
    from .people_matching import Registry
    from .render.entry_html import SitePages
    from .shown import SitePublications

ATTRIBUTE = "_sphinx_scholar_state"


class BuildState:
    def __init__(self) -> None:
        #: the data files read (a :class:`~.cache.DataCache`)
        self.data: DataCache | None = None
        #: the sources the people registry was built from, the registry, and
        #: the problems found building it
        self.people: tuple[object, Registry, list[Problem]] | None = None
        #: the documents read in this build
        self.read: list[str] = []
        #: where each publication was shown when this build started
        self.shown_before: Snapshot = ({}, {}, {})
        #: the publications whose lists, anchors or titles changed since then
        self.moved: set[str] = set()
        #: the publications the built site shows (see :mod:`.shown`), once
        #: the documents are read
        self.site: SitePublications | None = None
        #: pagename -> digest of each publication page of the build
        self.page_digests: dict[str, str] = {}
        #: the CSL styles the lists use, parsed once (see :mod:`.render.csl`)
        self.citation_styles: dict[str, object] = {}
        #: the venues file as last read: ``((path, mtime), badges)``
        self.venues: tuple[tuple[str, int], dict] | None = None
        #: the pages this build writes, for the lists' links (see
        #: :mod:`.render.entry_html`), once the documents are read
        self.site_pages: SitePages | None = None
        #: a publication page's scripts, by the scripts Sphinx gives a page
        #: (see :func:`.page_content.without_list_script`)
        self.page_scripts: dict[tuple, list] = {}

    def __reduce__(self) -> tuple[type[BuildState], tuple[()]]:
        return (BuildState, ())


def state_of(env: BuildEnvironment) -> BuildState:
    state: BuildState | None = getattr(env, ATTRIBUTE, None)
    if state is None:
        state = BuildState()
        setattr(env, ATTRIBUTE, state)
    return state
