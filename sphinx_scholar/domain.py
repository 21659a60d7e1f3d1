"""What each document read and showed, merged across parallel reads.

Besides the data files each page shows (so that their problems are reported
once per build), the domain knows where each publication is shown, so that a
talk can link to the paper it presents and prose can cite one with
``:scholar:pub:`key```.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .model import Problem
from .state import state_of

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: where publications are shown, as :meth:`ScholarDomain.snapshot` copies it
Snapshot = tuple[
    dict[str, dict[str, str]],
    dict[str, dict[str, str]],
    dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]],
]


class PublicationRole(XRefRole):
    """``:scholar:pub:`key``` links to where the publication is shown, by its title."""


class ScholarDomain(Domain):
    """Per-document state of sphinx-scholar, safe for parallel builds."""

    name = "scholar"
    label = "Scholar"
    roles = {"pub": PublicationRole()}  # noqa: RUF012
    initial_data = {  # noqa: RUF012
        "sources": {},
        "publications": {},
        "titles": {},
        "citing": {},
        "calendars": {},
        "news": {},
        "conditional": {},
        "problems": {},
        "talks": {},
        "cv": {},
    }
    data_version = 12

    @property
    def sources(self) -> dict[str, list[tuple[str, str]]]:
        """docname -> the data files the document shows, as ``(path, kind)``."""
        return self.data["sources"]

    # Where publications are shown is kept per document, in dicts of strings:
    # the cycle collector does not track those, and a page read again
    # replaces its own two dicts whatever the number of its publications.
    @property
    def publications(self) -> dict[str, dict[str, str]]:
        """docname -> {key: anchor} of the publications the document shows."""
        return self.data["publications"]

    @property
    def titles(self) -> dict[str, dict[str, str]]:
        """docname -> {key: title} of the publications the document shows."""
        return self.data["titles"]

    @property
    def citing(self) -> dict[str, set[str]]:
        """docname -> the publication keys the document links to."""
        return self.data["citing"]

    def note_citations(self, docname: str, keys: set[str]) -> None:
        if keys:
            self.citing[docname] = keys
        else:
            self.citing.pop(docname, None)

    def citing_any(self, keys: set[str]) -> set[str]:
        """The documents that link to any of the publications."""
        return {doc for doc, cited in self.citing.items() if cited & keys}

    @property
    def calendars(self) -> dict[str, dict[str, str]]:
        """docname -> {event key: iCalendar text} of the events it shows."""
        return self.data["calendars"]

    def note_calendar(self, docname: str, key: str, ics: str) -> None:
        self.calendars.setdefault(docname, {})[key] = ics

    def calendar_files(self) -> dict[tuple[str, str], str]:
        """(docname, event key) -> the name of the event's calendar file.

        Events whose names make one key (``ICML 2015``, ``ICML: 2015``) get
        a file each: the event of the first page by name keeps the key, the
        others are numbered; the same event on two pages shares its file."""
        versions: dict[str, dict[str, list[str]]] = {}
        for docname in sorted(self.calendars):
            for key, ics in self.calendars[docname].items():
                versions.setdefault(key, {}).setdefault(ics, []).append(docname)
        names: dict[tuple[str, str], str] = {}
        for key, texts in versions.items():
            for number, docnames in enumerate(texts.values(), start=1):
                for docname in docnames:
                    names[docname, key] = key if number == 1 else f"{key}-{number}"
        return names

    @property
    def news(self) -> dict[str, list[tuple[str, list[str]]]]:
        """docname -> its news lists: (pattern, the pages it matched when read)."""
        return self.data["news"]

    def note_news(self, docname: str, pattern: str, matching: list[str]) -> None:
        self.news.setdefault(docname, []).append((pattern, matching))

    @property
    def conditional(self) -> dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]]:
        """docname -> {key: [(anchor, conditions)]} of the publications the
        document shows only inside ``only`` blocks: each list's anchor, and
        the conditions of the blocks around it."""
        return self.data["conditional"]

    def note_conditions(
        self, docname: str, lists: list[tuple[tuple[str, ...], list[str], list[str]]]
    ) -> None:
        """Given each list of the document as ``(conditions, keys, anchors)``,
        move the publications shown only inside ``only`` blocks from
        :attr:`publications` to :attr:`conditional`."""
        anchors = self.publications.get(docname)
        if not anchors or not any(conditions for conditions, _k, _a in lists):
            return
        always: dict[str, str] = {}
        sometimes: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for conditions, keys, list_anchors in lists:
            for key, anchor in zip(keys, list_anchors, strict=True):
                if not conditions:
                    always.setdefault(key, anchor)
                elif key not in always:
                    sometimes.setdefault(key, []).append((anchor, conditions))
        for key, anchor in always.items():
            anchors[key] = anchor  # the first list that is always shown
        hidden = {key: found for key, found in sometimes.items() if key not in always}
        for key in hidden:
            anchors.pop(key, None)
        if hidden:
            self.conditional[docname] = hidden

    def visible(self, holds: Callable[[str], bool]) -> dict[str, dict[str, str]]:
        """docname -> {key: anchor} of the publications shown in a build,
        whose ``only`` conditions are told by ``holds(expression)``."""
        shown = dict(self.publications)
        for docname, keys in self.conditional.items():
            for key, alternatives in keys.items():
                anchor = next(
                    (
                        anchor
                        for anchor, conditions in alternatives
                        if all(holds(condition) for condition in conditions)
                    ),
                    None,
                )
                if anchor is not None:
                    shown[docname] = {**shown.get(docname, {}), key: anchor}
        return {docname: anchors for docname, anchors in shown.items() if anchors}

    @property
    def talks(self) -> dict[str, list[tuple[tuple[str, ...], str, list[str]]]]:
        """docname -> ``(conditions, path, keys)`` of each talks list of the
        document: the conditions of the ``only`` blocks around it, its data
        file, and the keys of the talks it shows."""
        return self.data["talks"]

    def note_talks(
        self, docname: str, lists: list[tuple[tuple[str, ...], str, list[str]]]
    ) -> None:
        if lists:
            self.talks[docname] = lists

    def visible_talks(self, holds: Callable[[str], bool]) -> dict[str, set[str]]:
        """path -> the keys of its talks that the lists of a build show,
        whose ``only`` conditions are told by ``holds(expression)``."""
        shown: dict[str, set[str]] = {}
        for lists in self.talks.values():
            for conditions, path, keys in lists:
                if all(holds(condition) for condition in conditions):
                    shown.setdefault(path, set()).update(keys)
        return shown

    @property
    def cv(self) -> dict[str, list[tuple[tuple[str, ...], list[list]]]]:
        """docname -> ``(conditions, shown)`` of each ``cv`` list of the
        document: the conditions of the ``only`` blocks around it, and
        ``[source, line, key, parts]`` of each entry it shows."""
        return self.data["cv"]

    def note_cv(
        self, docname: str, lists: list[tuple[tuple[str, ...], list[list]]]
    ) -> None:
        if lists:
            self.cv[docname] = lists

    def visible_cv(
        self, holds: Callable[[str], bool]
    ) -> dict[tuple[str, int, str], set[str]]:
        """``(source, line, key)`` of each CV entry the lists of a build
        show -> the parts of it they show; ``holds`` as for talks."""
        shown: dict[tuple[str, int, str], set[str]] = {}
        for lists in self.cv.values():
            for conditions, entries in lists:
                if all(holds(condition) for condition in conditions):
                    for source, line, key, parts in entries:
                        shown.setdefault((source, line, key), set()).update(parts)
        return shown

    def note_source(self, docname: str, path: str, kind: str) -> None:
        files = self.sources.setdefault(docname, [])
        if (path, kind) not in files:
            files.append((path, kind))

    def note_publication(self, key: str, docname: str, anchor: str, title: str) -> None:
        # The first list of a page that shows it is where links go.
        anchors = self.publications.setdefault(docname, {})
        if key not in anchors:
            anchors[key] = anchor
            self.titles.setdefault(docname, {})[key] = title

    def where_shown(self, key: str, fromdocname: str) -> tuple[str, str, str] | None:
        """``(docname, anchor, title)`` of the list a link to the publication
        goes to, in this build: on the page itself if it shows the
        publication, else on the first page by name (the same in serial and
        parallel builds)."""
        site = state_of(self.env).site
        if site is not None:
            found: tuple[str, str] | None = site.where(key, fromdocname)
        elif key in self.publications.get(fromdocname, ()):
            found = fromdocname, self.publications[fromdocname][key]
        else:
            docname = min(
                (doc for doc, anchors in self.publications.items() if key in anchors),
                default=None,
            )
            found = (
                None if docname is None else (docname, self.publications[docname][key])
            )
        if found is None:
            return None
        docname, anchor = found
        return docname, anchor, self.titles[docname][key]

    def snapshot(self) -> Snapshot:
        """A copy of where publications are shown, to compare with later."""
        return (
            {doc: dict(anchors) for doc, anchors in self.publications.items()},
            {doc: dict(titles) for doc, titles in self.titles.items()},
            {doc: dict(keys) for doc, keys in self.conditional.items()},
        )

    def moved_since(self, snapshot: Snapshot) -> set[str]:
        """The keys of the publications whose pages, anchors, titles or
        ``only`` conditions changed since the snapshot was taken."""
        moved: set[str] = set()
        tables: tuple[dict[str, dict[str, Any]], ...] = (
            self.publications,
            self.titles,
            self.conditional,
        )
        before_tables: tuple[dict[str, dict[str, Any]], ...] = snapshot
        for now, before in zip(tables, before_tables, strict=True):
            for docname in now.keys() | before.keys():
                new, old = now.get(docname, {}), before.get(docname, {})
                if new != old:
                    moved.update(
                        key
                        for key in new.keys() | old.keys()
                        if new.get(key) != old.get(key)
                    )
        return moved

    @property
    def problems(self) -> dict[str, list[Problem]]:
        """docname -> what rendering its lists found wrong with the records
        they show (a linked file missing, an unknown person id)."""
        return self.data["problems"]

    def note_problems(self, docname: str, problems: Iterable[Problem]) -> None:
        if problems := list(problems):
            self.problems.setdefault(docname, []).extend(problems)

    def problems_of(self, docnames: Iterable[str]) -> list[Problem]:
        """The problems the documents' lists found, each once, in file order."""
        found = {problem for doc in docnames for problem in self.problems.get(doc, ())}
        return sorted(found, key=lambda p: (p.source, p.line, p.message))

    def sources_of(self, docnames: Iterable[str]) -> list[tuple[str, str]]:
        """The data files shown by any of the documents, sorted, each once."""
        return sorted(
            {source for doc in docnames for source in self.sources.get(doc, ())}
        )

    # Everything the domain holds is kept per document.
    def clear_doc(self, docname: str) -> None:
        for name in self.initial_data:
            self.data[name].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for name in self.initial_data:
                if docname in otherdata[name]:
                    self.data[name][docname] = otherdata[name][docname]

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self.where_shown(target, fromdocname) if typ == "pub" else None
        if found is None:
            return None
        docname, anchor, title = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(title, title, classes=["scholar-pub-ref"])
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(
            env, fromdocname, builder, "pub", target, node, contnode
        )
        return [("scholar:pub", found)] if found else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        site = state_of(self.env).site
        shown = site.shown if site is not None else self.publications
        first: dict[str, str] = {}
        for docname in sorted(shown, reverse=True):
            first.update(dict.fromkeys(shown[docname], docname))
        for key, docname in first.items():
            yield (
                key,
                self.titles[docname][key],
                "pub",
                docname,
                shown[docname][key],
                1,
            )


def scholar_domain(env: BuildEnvironment) -> ScholarDomain:
    """The environment's :class:`ScholarDomain`, typed as such."""
    return cast(ScholarDomain, env.get_domain("scholar"))
