"""ORCID, through its public JSON API: the works of a person.

``https://pub.orcid.org/v3.0/<iD>/works`` lists the works in groups, one
group per work, with the identifiers ORCID knows (DOI, arXiv) and summaries
(title, type, date, journal). A work with a DOI or an arXiv id is then read
from Crossref or arXiv, which have more of it; the summary is what the
import keeps of a work that has neither, or whose record cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..http import BadResponse, Polite, PoliteSession, Service, json_of
from ..identifiers import Identifier, bare_arxiv, bare_doi
from ..mapping import Found, a_month, a_year, clean_text, work_type

NAME = "ORCID"
API = "https://pub.orcid.org/v3.0"


def service(polite: Polite) -> Service:
    # the public API allows 24 requests a second; one work list is one request
    return Service(NAME, polite, interval=0.1, session=PoliteSession(polite))


@dataclass
class Work:
    """One work of a person's list: where to read it, and what ORCID says."""

    identifiers: list[Identifier]
    summary: Found


def works(orcid: str, orcid_service: Service) -> list[Work]:
    """The works the person's public record lists."""
    session = orcid_service.session
    assert session is not None
    asked = f"orcid:{orcid}"

    def request() -> Any:
        response = session.get(
            f"{API}/{orcid}/works", headers={"Accept": "application/json"}
        )
        response.raise_for_status()
        return json_of(response, asked, NAME)

    document = orcid_service.call(asked, request)
    groups = document.get("group") if isinstance(document, dict) else None
    if not isinstance(groups, list):
        raise BadResponse(f"{asked}: {NAME} answered without the list of works")
    found = []
    for group in groups:
        summaries = group.get("work-summary") if isinstance(group, dict) else None
        if not isinstance(summaries, list) or not summaries:
            continue
        summary = summaries[0]  # the one the person prefers comes first
        if isinstance(summary, dict):
            found.append(
                Work(_identifiers(group, summary), summary_found(summary, asked))
            )
    return found


def _external_ids(item: dict[str, Any]) -> list[dict[str, Any]]:
    ids = (item.get("external-ids") or {}).get("external-id")
    return [one for one in ids or [] if isinstance(one, dict)]


def _identifiers(group: dict[str, Any], summary: dict[str, Any]) -> list[Identifier]:
    """The work's own DOI and arXiv id (``self``, not ``version-of`` or
    ``part-of``), those ORCID could read."""
    found: list[Identifier] = []
    for item in _external_ids(summary) + _external_ids(group):
        if item.get("external-id-relationship") not in (None, "self"):
            continue
        kind = str(item.get("external-id-type") or "").lower()
        normalized = item.get("external-id-normalized") or {}
        value = str(normalized.get("value") or item.get("external-id-value") or "")
        if kind == "doi" and bare_doi(value):
            candidate = Identifier("doi", bare_doi(value))
        elif kind == "arxiv" and bare_arxiv(value):
            candidate = Identifier("arxiv", bare_arxiv(value))
        else:
            continue
        if candidate not in found:
            found.append(candidate)
    return found


def _value(item: object, *path: str) -> object:
    for name in path:
        if not isinstance(item, dict):
            return None
        item = item.get(name)
    return item


def summary_found(summary: dict[str, Any], asked: str) -> Found:
    """A work summary in the YAML form: what ORCID itself says of the work."""
    date = summary.get("publication-date") or {}
    ids = _external_ids(summary)
    doi = next(
        (
            bare_doi(str(item.get("external-id-value") or ""))
            for item in ids
            if str(item.get("external-id-type")).lower() == "doi"
            and item.get("external-id-relationship") in (None, "self")
        ),
        "",
    )
    fields = {
        "type": work_type(summary.get("type")),
        "title": clean_text(_value(summary, "title", "title", "value")),
        "venue": clean_text(_value(summary, "journal-title", "value")),
        "year": a_year(_value(date, "year", "value")),
        "month": a_month(_value(date, "month", "value")),
        "doi": doi,
    }
    return Found(fields, asked, NAME)
