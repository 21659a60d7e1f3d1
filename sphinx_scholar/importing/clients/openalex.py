"""OpenAlex, through pyalex: a work by its OpenAlex id or DOI, in the YAML
form, and its citation count (``cited_by_count``).

pyalex sends the contact address (``From``) and our User-Agent from its
configuration; its requests go through our :class:`~..http.PoliteSession`
(the session its ``_get_from_url`` takes), which sets the timeout. An API
key, when the user has one, is read from ``OPENALEX_API_KEY``.
"""

from __future__ import annotations

import os
from typing import Any

from ..csl import ARXIV_DOI_PREFIX
from ..http import BadResponse, Polite, PoliteSession, Service
from ..identifiers import bare_arxiv, bare_doi
from ..mapping import Found, a_month, a_year, clean_text, page_range, work_type
from . import client_library

NAME = "OpenAlex"

#: OpenAlex's types that are not Crossref's
_TYPES = {
    "review": "journal",
    "editorial": "journal",
    "letter": "journal",
    "erratum": "journal",
    "dissertation": "thesis",
    "preprint": "preprint",
    "report": "report",
}


def service(polite: Polite) -> Service:
    # OpenAlex allows 10 requests a second to the polite pool
    return Service(NAME, polite, interval=0.1, session=PoliteSession(polite))


def fetch_work(record_id: str, openalex: Service, asked: str) -> dict[str, Any]:
    """OpenAlex's work ``record_id`` (``W...`` or ``doi:...``)."""
    pyalex = client_library("pyalex", NAME)
    polite = openalex.polite
    pyalex.config.email = polite.mailto or None
    pyalex.config.user_agent = polite.user_agent
    pyalex.config.max_retries = 0  # the retries are ours
    if os.environ.get("OPENALEX_API_KEY"):
        pyalex.config.api_key = os.environ["OPENALEX_API_KEY"]
    session = openalex.session

    # private, but pyalex makes its own sessions (no timeout) everywhere else
    class Works(pyalex.Works):  # type: ignore[name-defined]  # named for /works
        def _get_from_url(self, url: str, _session: Any = None) -> Any:
            return super()._get_from_url(url, session)

    work = openalex.call(asked, lambda: Works()[record_id])
    if not isinstance(work, dict) or not isinstance(work.get("id"), str):
        raise BadResponse(f"{asked}: {NAME} answered without the work")
    return work


def fetch(record_id: str, openalex: Service) -> Found:
    """The work with this OpenAlex id (``W2741809807``)."""
    asked = f"openalex:{record_id}"
    return Found(work_fields(fetch_work(record_id, openalex, asked)), asked, NAME)


def cited_by(identifier: str, openalex: Service) -> int:
    """How many works OpenAlex knows that cite this one (``doi:...``,
    ``arxiv:...`` through arXiv's DOI, or an OpenAlex id)."""
    scheme, _, value = identifier.partition(":")
    record_id = {
        "doi": f"doi:{value}",
        "arxiv": f"doi:{ARXIV_DOI_PREFIX}{value}",
    }.get(scheme, value)
    work = fetch_work(record_id, openalex, identifier)
    count = work.get("cited_by_count")
    if not isinstance(count, int) or isinstance(count, bool):
        raise BadResponse(f"{identifier}: {NAME} answered without 'cited_by_count'")
    return count


def _abstract(index: object) -> str:
    """The abstract from OpenAlex's inverted index (word -> positions)."""
    if not isinstance(index, dict):
        return ""
    words: dict[int, str] = {}
    for word, positions in index.items():
        if isinstance(positions, list):
            for position in positions:
                if isinstance(position, int):
                    words[position] = str(word)
    return clean_text(" ".join(words[position] for position in sorted(words)))


def work_fields(work: dict[str, Any]) -> dict[str, Any]:
    """An OpenAlex work in the YAML form."""
    location = work.get("primary_location") or {}
    source = (location.get("source") if isinstance(location, dict) else None) or {}
    # the type the publisher registered (Crossref's), then OpenAlex's own
    type_ = work_type(location.get("raw_type") if isinstance(location, dict) else "")
    if type_ == "other":
        type_ = _TYPES.get(str(work.get("type")), "") or work_type(work.get("type"))
    if work.get("type") == "article" and type_ in ("other", "journal"):
        type_ = "conference" if source.get("type") == "conference" else "journal"
    biblio = work.get("biblio") or {}
    first, last = biblio.get("first_page"), biblio.get("last_page")
    pages = first if not last or last == first else f"{first}-{last}"
    doi = bare_doi(str(work.get("doi") or ""))
    arxiv = (
        bare_arxiv(doi[len(ARXIV_DOI_PREFIX) :])
        if doi.startswith(ARXIV_DOI_PREFIX)
        else ""
    )
    for place in work.get("locations") or []:
        if not arxiv and isinstance(place, dict):
            arxiv = bare_arxiv(str(place.get("landing_page_url") or ""))
    date = str(work.get("publication_date") or "")
    return {
        "type": type_,
        "title": clean_text(work.get("title") or work.get("display_name")),
        "authors": [
            clean_text(authorship["author"].get("display_name"))
            for authorship in work.get("authorships") or []
            if isinstance(authorship, dict)
            and isinstance(authorship.get("author"), dict)
            and authorship["author"].get("display_name")
        ],
        "venue": clean_text(source.get("display_name")),
        "year": a_year(work.get("publication_year")),
        "month": a_month(date[5:7]) if len(date) >= 7 else None,
        "volume": clean_text(biblio.get("volume")),
        "number": clean_text(biblio.get("issue")),
        "pages": page_range(pages),
        "doi": doi,
        "arxiv": arxiv,
        "abstract": _abstract(work.get("abstract_inverted_index")),
    }
