"""INSPIRE-HEP's REST API: a paper's citation count (``citation_count``),
by DOI or arXiv id.

``https://inspirehep.net/api/doi/<doi>`` and ``.../api/arxiv/<id>`` answer
with the literature record the identifier names, or 404 when INSPIRE has
none (it holds high-energy physics and neighbouring fields). INSPIRE allows
15 requests in a 5 s window per address and asks a client answered 429 to
wait at least 5 s: :func:`service` spaces the requests and waits so.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..csl import arxiv_doi_as_arxiv
from ..http import BadResponse, Polite, PoliteSession, Service, json_of

NAME = "INSPIRE"
API = "https://inspirehep.net/api"


def service(polite: Polite) -> Service:
    return Service(
        NAME, polite, interval=0.35, session=PoliteSession(polite), limit_wait=5.0
    )


def record_address(identifier: str) -> str:
    """The record of ``doi:...`` or ``arxiv:...`` (arXiv's own DOIs by
    their arXiv id, as INSPIRE files preprints)."""
    scheme, _, value = identifier.partition(":")
    scheme, value = arxiv_doi_as_arxiv(scheme, value)
    return f"{API}/{scheme}/{quote(value, safe='/')}"


def cited_by(identifier: str, inspire: Service) -> int:
    """How many records INSPIRE knows that cite this one."""
    session = inspire.session
    assert session is not None

    def request() -> Any:
        response = session.get(
            record_address(identifier), headers={"Accept": "application/json"}
        )
        response.raise_for_status()
        return json_of(response, identifier, NAME)

    record = inspire.call(identifier, request)
    metadata = record.get("metadata") if isinstance(record, dict) else None
    count = metadata.get("citation_count") if isinstance(metadata, dict) else None
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise BadResponse(
            f"{identifier}: {NAME} answered without the record's 'citation_count'"
        )
    return count
