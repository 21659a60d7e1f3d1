"""Where citation counts come from: OpenAlex's ``cited_by_count`` (by DOI,
or an arXiv id through arXiv's DOI), Crossref's ``is-referenced-by-count``
(by DOI), Semantic Scholar's ``citationCount`` and INSPIRE's
``citation_count`` (by DOI, or arXiv id), asked through the import's polite
clients (:mod:`sphinx_scholar.importing.http`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..importing.clients import crossref, inspire, openalex, semantic_scholar
from ..importing.csl import ARXIV_DOI_PREFIX
from ..importing.http import Polite, Service


@dataclass
class Source:
    name: str
    make: Callable[[Polite], Service]
    #: the identifier this source is asked by (``doi:...``), or ``""``
    ask_by: Callable[[str, str], str]
    count: Callable[[str, Service], int]


def _openalex_id(doi: str, arxiv: str) -> str:
    if doi:
        return f"doi:{doi}"
    return f"arxiv:{arxiv}" if arxiv else ""


def _crossref_id(doi: str, arxiv: str) -> str:
    # arXiv's DOIs are DataCite's: Crossref has no count of them
    return f"doi:{doi}" if doi and not doi.startswith(ARXIV_DOI_PREFIX) else ""


def _doi_or_arxiv(doi: str, arxiv: str) -> str:
    # a published version's DOI first; arXiv's own DOI is asked by arXiv id
    if doi and not doi.startswith(ARXIV_DOI_PREFIX):
        return f"doi:{doi}"
    if arxiv:
        return f"arxiv:{arxiv}"
    return f"arxiv:{doi[len(ARXIV_DOI_PREFIX) :]}" if doi else ""


def _crossref_count(identifier: str, service: Service) -> int:
    return crossref.cited_by(identifier.partition(":")[2], service)


SOURCES = {
    "openalex": Source("openalex", openalex.service, _openalex_id, openalex.cited_by),
    "crossref": Source("crossref", crossref.service, _crossref_id, _crossref_count),
    "semanticscholar": Source(
        "semanticscholar",
        semantic_scholar.service,
        _doi_or_arxiv,
        semantic_scholar.cited_by,
    ),
    "inspire": Source("inspire", inspire.service, _doi_or_arxiv, inspire.cited_by),
}
