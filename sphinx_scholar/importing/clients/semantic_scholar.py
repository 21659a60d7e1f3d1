"""Semantic Scholar's Academic Graph API: a paper's citation count
(``citationCount``), by DOI or arXiv id.

``https://api.semanticscholar.org/graph/v1/paper/DOI:<doi>?fields=citationCount``
(``ARXIV:<id>`` for a preprint) asks for that one field. Without an API key
every caller shares a small pool and is often answered 429; with one (set
``SEMANTIC_SCHOLAR_API_KEY``, sent as ``x-api-key``), a key allows one
request a second. :func:`service` spaces the requests accordingly.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from ..csl import arxiv_doi_as_arxiv
from ..http import BadResponse, Polite, PoliteSession, Service, json_of

NAME = "Semantic Scholar"
API = "https://api.semanticscholar.org/graph/v1/paper"
KEY_VARIABLE = "SEMANTIC_SCHOLAR_API_KEY"


def api_key() -> str:
    return os.environ.get(KEY_VARIABLE, "").strip()


def service(polite: Polite) -> Service:
    # a key allows one request a second; the shared pool, far less
    interval = 1.0 if api_key() else 3.0
    return Service(NAME, polite, interval=interval, session=PoliteSession(polite))


def paper_id(identifier: str) -> str:
    """Semantic Scholar's name of ``doi:...`` or ``arxiv:...``: ``DOI:...``,
    ``ARXIV:...`` (arXiv's own DOIs by their arXiv id)."""
    scheme, _, value = identifier.partition(":")
    scheme, value = arxiv_doi_as_arxiv(scheme, value)
    return f"{scheme.upper()}:{value}"


def cited_by(identifier: str, s2: Service) -> int:
    """How many papers Semantic Scholar knows that cite this one."""
    session = s2.session
    assert session is not None
    headers = {"Accept": "application/json"}
    key = api_key()
    if key:
        headers["x-api-key"] = key

    def request() -> Any:
        response = session.get(
            f"{API}/{quote(paper_id(identifier), safe=':/')}",
            params={"fields": "citationCount"},
            headers=headers,
        )
        response.raise_for_status()
        return json_of(response, identifier, NAME)

    paper = s2.call(identifier, request)
    count = paper.get("citationCount") if isinstance(paper, dict) else None
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise BadResponse(f"{identifier}: {NAME} answered without 'citationCount'")
    return count
