"""Identifiers to records: which service reads which identifier, one
request after the other, with a progress bar on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .clients import arxiv as arxiv_client
from .clients import crossref, dblp, openalex, orcid
from .csl import arxiv_doi_as_arxiv
from .http import Polite, Service, ServiceError
from .identifiers import Identifier
from .mapping import Found

T = TypeVar("T")

_FACTORIES: dict[str, Callable[[Polite], Service]] = {
    crossref.NAME: crossref.service,
    arxiv_client.NAME: arxiv_client.service,
    openalex.NAME: openalex.service,
    orcid.NAME: orcid.service,
    dblp.NAME: dblp.service,
}


class Services:
    """One :class:`~.http.Service` per service, made when first needed, so
    that its pauses hold across every identifier of the run."""

    def __init__(self, polite: Polite) -> None:
        self.polite = polite
        self._made: dict[str, Service] = {}

    def __getitem__(self, name: str) -> Service:
        if name not in self._made:
            self._made[name] = _FACTORIES[name](self.polite)
        return self._made[name]


def progress(items: list[T], what: str) -> Iterator[T]:
    """The items, with a progress bar on stderr when it is a terminal and
    tqdm (a dependency of habanero) is there."""
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm comes with the extra
        yield from items
        return
    yield from tqdm(
        items, desc=what, unit="work", file=sys.stderr, disable=None, leave=False
    )


def fetch_one(identifier: Identifier, services: Services) -> list[Found]:
    """The records one identifier gives: one work, or a person's works; a
    preprint that names its published version's DOI brings that too."""
    scheme, value = arxiv_doi_as_arxiv(identifier.scheme, identifier.value)
    if scheme == "doi":
        return [crossref.fetch(value, services[crossref.NAME])]
    if scheme == "arxiv":
        found = arxiv_client.fetch(value, services[arxiv_client.NAME])
        published = str(found.fields.get("doi") or "")
        if not published:
            return [found]
        try:
            return [found, crossref.fetch(published, services[crossref.NAME])]
        except ServiceError as error:
            warn(f"{found.origin}: its published version could not be read: {error}")
            return [found]
    if scheme == "openalex":
        return [openalex.fetch(value, services[openalex.NAME])]
    if scheme == "orcid":
        return list(_orcid_works(value, services))
    if scheme == "dblp":
        return dblp.fetch(value, services[dblp.NAME])
    raise ServiceError(f"{identifier}: no service reads {scheme}: identifiers")


def _orcid_works(value: str, services: Services) -> Iterable[Found]:
    works = orcid.works(value, services[orcid.NAME])
    for work in progress(works, f"orcid:{value}"):
        found = None
        for identifier in work.identifiers:
            try:
                found = fetch_one(identifier, services)
                break
            except ServiceError as error:
                warn(f"orcid:{value}: {error}; ORCID's summary is used")
        if found:
            for one in found:
                one.origin = f"orcid:{value} {one.origin}"
            yield from found
        elif work.summary.fields.get("title"):
            yield work.summary


def fetch_all(
    identifiers: list[Identifier], polite: Polite
) -> tuple[list[Found], list[str]]:
    """The records of every identifier, and the messages of those that
    failed (each names its identifier)."""
    services = Services(polite)
    found: list[Found] = []
    failed: list[str] = []
    for identifier in progress(identifiers, "importing"):
        try:
            found += fetch_one(identifier, services)
        except ServiceError as error:
            failed.append(str(error))
    return found, failed


def warn(message: str, **_: Any) -> None:
    print(f"warning: {message}", file=sys.stderr)
