"""Crossref, through habanero: a work by its DOI, in the YAML form, and its
citation count (``is-referenced-by-count``).

Crossref asks for a contact address (its "polite pool"): habanero sends
``mailto`` in the User-Agent. A DOI that DataCite registered (arXiv's
``10.48550/arXiv...``) is not in Crossref: it is read from arXiv instead.
"""

from __future__ import annotations

from typing import Any

from ..csl import ARXIV_DOI_PREFIX, preprints, work_fields
from ..http import BadResponse, Polite, Service
from ..mapping import Found
from . import client_library

NAME = "Crossref"
__all__ = ["ARXIV_DOI_PREFIX", "NAME", "cited_by", "fetch", "service"]


def service(polite: Polite) -> Service:
    # the public pool allows 5 requests a second (x-rate-limit-limit)
    return Service(NAME, polite, interval=0.2)


def fetch_message(doi: str, crossref: Service) -> dict[str, Any]:
    """The ``message`` of Crossref's answer for the DOI."""
    habanero = client_library("habanero", NAME)
    polite = crossref.polite
    client = habanero.Crossref(
        mailto=polite.mailto or None,
        ua_string=polite.user_agent,
        timeout=polite.timeout,
    )
    identifier = f"doi:{doi}"
    answer = crossref.call(identifier, lambda: client.works(ids=doi))
    message = answer.get("message") if isinstance(answer, dict) else None
    if not isinstance(message, dict) or answer.get("message-type") != "work":
        raise BadResponse(
            f"{identifier}: {NAME} answered without the work (no 'message' of "
            "type 'work'); try again later"
        )
    return message


def fetch(doi: str, crossref: Service) -> Found:
    """The work with this DOI."""
    message = fetch_message(doi, crossref)
    return Found(work_fields(message, doi), f"doi:{doi}", NAME, also=preprints(message))


def cited_by(doi: str, crossref: Service) -> int:
    """How many works Crossref knows that cite this DOI."""
    count = fetch_message(doi, crossref).get("is-referenced-by-count")
    if not isinstance(count, int) or isinstance(count, bool):
        raise BadResponse(
            f"doi:{doi}: {NAME} answered without 'is-referenced-by-count'"
        )
    return count
