"""arXiv, through the arxiv package: a preprint by its identifier.

arXiv's terms ask for one request every three seconds: :func:`service`
spaces them so. The package's client takes our :class:`~..http.PoliteSession`
(its ``_session``, the one seam it has), so that every request has a
timeout and names sphinx-scholar and the contact address beside the
package's own name.
"""

from __future__ import annotations

from typing import Any

from ..http import BadResponse, NotFound, Polite, PoliteSession, Service
from ..identifiers import bare_arxiv, bare_doi
from ..mapping import Found, clean_text
from . import client_library

NAME = "arXiv"


def service(polite: Polite) -> Service:
    return Service(NAME, polite, interval=3.0, session=PoliteSession(polite))


def fetch(identifier: str, arxiv_service: Service) -> Found:
    """The preprint with this identifier (its newest version)."""
    arxiv = client_library("arxiv", NAME)
    session = arxiv_service.session
    asked = f"arxiv:{identifier}"

    def request() -> list[Any]:
        # a client per try: the package's own pause and retries are ours
        client = arxiv.Client(page_size=1, delay_seconds=0.0, num_retries=0)
        if session is not None:
            # private, but arxiv.Client takes no session and sets no timeout
            client._session = session
        return list(client.results(arxiv.Search(id_list=[identifier], max_results=1)))

    results = arxiv_service.call(asked, request)
    if not results:
        _explain_empty(asked, session)
    result = results[0]
    if "/api/errors" in str(result.entry_id):
        raise NotFound(
            f"{asked}: {NAME} does not know it ({clean_text(result.summary)})"
        )
    return Found(result_fields(result), asked, NAME)


def _explain_empty(asked: str, session: PoliteSession | None) -> None:
    """No result: an unknown identifier, or an answer cut short."""
    body = session.last.content if session is not None and session.last else b""
    text = body.decode("utf-8", "replace").strip()
    if text and not text.endswith("</feed>"):
        raise BadResponse(
            f"{asked}: {NAME}'s answer was cut short ({len(body)} bytes, no end "
            "of feed); try again later"
        )
    if "<opensearch:totalResults>0<" in text or not text:
        raise NotFound(f"{asked}: {NAME} does not know it")
    raise BadResponse(
        f"{asked}: {NAME} answered with a feed whose entry cannot be read; "
        "try again later"
    )


def result_fields(result: Any) -> dict[str, Any]:
    """An ``arxiv.Result`` in the YAML form."""
    published = getattr(result, "published", None)
    year = getattr(published, "year", None)
    month = getattr(published, "month", None)
    short_id = result.get_short_id() if hasattr(result, "get_short_id") else ""
    return {
        "type": "preprint",
        "title": clean_text(result.title),
        "authors": [
            clean_text(author.name) for author in result.authors if author.name
        ],
        "venue": NAME,
        "year": year if isinstance(year, int) and year > 1 else None,
        "month": month if isinstance(year, int) and year > 1 else None,
        "doi": bare_doi(result.doi or ""),
        "arxiv": bare_arxiv(short_id),
        "abstract": clean_text(result.summary),
    }
