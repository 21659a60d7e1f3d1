"""The names Crossref's works and CSL-JSON items share (``title``,
``author``, ``container-title``, ``issued`` ...), read into the YAML form:
Crossref's JSON is CSL's with lists where CSL has text."""

from __future__ import annotations

from typing import Any

from .identifiers import bare_arxiv
from .mapping import (
    clean_abstract,
    clean_text,
    date_parts,
    page_range,
    person,
    work_type,
)

#: arXiv's DOIs, registered by DataCite: ``10.48550/arXiv.1605.08386``
ARXIV_DOI_PREFIX = "10.48550/arxiv."


def arxiv_doi_as_arxiv(scheme: str, value: str) -> tuple[str, str]:
    """``("doi", "10.48550/arXiv.1605.08386")`` as ``("arxiv", "1605.08386")``:
    the services know arXiv's own DOIs by their arXiv id. Any other
    identifier is returned as it is."""
    if scheme == "doi" and value.lower().startswith(ARXIV_DOI_PREFIX):
        return "arxiv", value[len(ARXIV_DOI_PREFIX) :]
    return scheme, value


def _first(value: object) -> str:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return clean_text(value)


def work_fields(message: dict[str, Any], doi: str = "") -> dict[str, Any]:
    """A Crossref work (or a CSL-JSON item: the same names) in the YAML form."""
    title = _first(message.get("title"))
    subtitle = _first(message.get("subtitle"))
    if subtitle and subtitle.lower() not in title.lower():
        title = f"{title}: {subtitle}"
    authors = []
    for author in message.get("author") or []:
        if not isinstance(author, dict):
            continue
        name = person(author.get("given"), author.get("family")) or clean_text(
            author.get("name") or author.get("literal")
        )
        if name:
            authors.append(name)
    year, month = None, None
    for name in ("issued", "published", "published-print", "published-online"):
        year, month = date_parts(message.get(name))
        if year:
            break
    venue = _first(message.get("container-title"))
    type_ = work_type(message.get("type"))
    if not venue and type_ == "preprint":
        institution = message.get("institution")
        if isinstance(institution, list) and institution:
            venue = clean_text(institution[0].get("name"))
    found_doi = str(message.get("DOI") or doi).strip().lower()
    fields: dict[str, Any] = {
        "type": type_,
        "title": title,
        "authors": authors,
        "venue": venue,
        "year": year,
        "month": month,
        "volume": clean_text(message.get("volume")),
        "number": clean_text(message.get("issue")),
        "pages": page_range(message.get("page")),
        "publisher": clean_text(message.get("publisher")),
        "doi": found_doi,
        "abstract": clean_abstract(message.get("abstract")),
    }
    if found_doi.lower().startswith(ARXIV_DOI_PREFIX):
        fields["arxiv"] = bare_arxiv(found_doi[len(ARXIV_DOI_PREFIX) :])
    return fields


def preprints(message: dict[str, Any]) -> tuple[str, ...]:
    """The identifiers of the preprints Crossref relates to this work
    (``relation.has-preprint``)."""
    found = []
    relation = message.get("relation")
    if isinstance(relation, dict):
        for item in relation.get("has-preprint") or []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            value = item["id"].strip().lower()
            if item.get("id-type") == "doi":
                found.append(f"doi:{value}")
            elif item.get("id-type") == "arxiv" and bare_arxiv(value):
                found.append(f"arxiv:{bare_arxiv(value)}")
    return tuple(found)
