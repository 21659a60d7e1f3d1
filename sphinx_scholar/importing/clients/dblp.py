"""dblp, through its BibTeX export: one record by its key, or every record
of a person by their dblp id (PID).

``https://dblp.org/rec/<key>.bib`` and ``https://dblp.org/pid/<pid>.bib``
give the same BibTeX entries the site's export buttons give, which the
build's own BibTeX reader turns into records (no client library, no XML
to walk). dblp asks crawlers to go slowly and answers 429 with a
``Retry-After`` when they do not: :func:`service` spaces the requests by a
second, and the polite client waits as long as dblp asks.
"""

from __future__ import annotations

from typing import Any

from ...loaders.bibtex import load_bibtex
from ...model import Problem
from ..http import BadResponse, NotFound, Polite, PoliteSession, Service
from ..identifiers import bare_arxiv, bare_doi
from ..mapping import SERVICE_FIELDS, Found
from ..yaml_form import record_to_yaml

NAME = "dblp"
SITE = "https://dblp.org"


def service(polite: Polite) -> Service:
    # dblp documents no rate, but limits bursts (429 with Retry-After)
    return Service(NAME, polite, interval=1.0, session=PoliteSession(polite))


def address(value: str) -> str:
    """Where the BibTeX of a person (``pid/...``) or a record is."""
    if value.startswith("pid/"):
        return f"{SITE}/{value}.bib"
    return f"{SITE}/rec/{value}.bib"


def fetch(value: str, dblp_service: Service) -> list[Found]:
    """The record with this key, or every record of the person ``pid/...``."""
    session = dblp_service.session
    assert session is not None
    asked = f"dblp:{value}"

    def request() -> str:
        response = session.get(
            address(value), headers={"Accept": "application/x-bibtex"}
        )
        response.raise_for_status()
        response.encoding = "utf-8"  # dblp's BibTeX is UTF-8, whatever it says
        return response.text

    text = dblp_service.call(asked, request)
    problems: list[Problem] = []
    records = load_bibtex(text, address(value), problems)
    if problems:
        # an answer cut short leaves its last entry open: nothing is kept,
        # rather than a person's list without its last works
        raise BadResponse(
            f"{asked}: {NAME} sent BibTeX that cannot be read "
            f"({problems[0].message}); try again later"
        )
    if not records:
        if text.strip():
            raise BadResponse(f"{asked}: {NAME} answered without BibTeX entries")
        raise NotFound(f"{asked}: {NAME} has no publications for it")
    return [
        Found(entry_fields(record_to_yaml(record)), asked, NAME) for record in records
    ]


def entry_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A dblp entry in the YAML form: the fields a service owns, as the
    other services give them; not dblp's key (a new entry gets a key like
    the others), its BibTeX (stamped with dblp's dates, it would change at
    every import), its editors or its links.

    dblp lists arXiv preprints as ``CoRR`` articles with ``eprint``: they
    become preprints."""
    kept = {name: fields[name] for name in SERVICE_FIELDS if fields.get(name)}
    kept["doi"] = bare_doi(str(kept.get("doi") or ""))
    arxiv = bare_arxiv(str(kept.get("arxiv") or ""))
    volume = str(kept.get("volume") or "")
    if not arxiv and kept.get("venue") == "CoRR" and volume.startswith("abs/"):
        arxiv = bare_arxiv(volume[4:])
    if arxiv:
        kept["arxiv"] = arxiv
        if kept.get("venue") == "CoRR":
            kept.update(type="preprint", venue="arXiv")
            kept.pop("volume", None)
    return kept
