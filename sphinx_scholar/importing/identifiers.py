"""What ``sphinx-scholar import`` is asked for: identifiers and files.

``doi:10.1000/xyz``, ``arxiv:1605.08386``, ``openalex:W2741809807`` and
``orcid:0000-0002-1825-0097`` (a person's works), ``dblp:pid/74/4209`` (a
person's works in dblp) and ``dblp:conf/nips/VaswaniSPUJGKP17`` (one dblp
record), also written as the addresses of their pages (``https://doi.org/...``,
``https://arxiv.org/abs/...``, ``https://dblp.org/pid/...``);
anything else is a file. Each form is checked here, so that a typo is one
clear message before any request is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: the schemes, in the order the help lists them
SCHEMES = ("doi", "arxiv", "openalex", "orcid", "dblp")

_DOI = re.compile(r"10\.\d{4,9}/\S+")
#: arXiv identifiers since 2007 (``1605.08386``) and before (``hep-th/9901001``)
_ARXIV = re.compile(r"(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})(v\d+)?")
_OPENALEX = re.compile(r"[Ww]\d{1,12}")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
#: a dblp person (``pid/74/4209``, ``pid/l/MichaelLey``, ``pid/61/3234-34``)
#: or record key (``conf/nips/VaswaniSPUJGKP17``, ``journals/corr/abs-1706-03762``)
_DBLP = re.compile(r"(pid/)?[a-z0-9]+(?:/[A-Za-z0-9][\w.+'-]*)+")

#: page addresses that name an identifier, and the scheme each means
_ADDRESSES = (
    (re.compile(r"https?://(?:dx\.)?doi\.org/", re.I), "doi"),
    (re.compile(r"https?://(?:export\.)?arxiv\.org/(?:abs|pdf)/", re.I), "arxiv"),
    (re.compile(r"https?://(?:api\.)?openalex\.org/(?:works/)?", re.I), "openalex"),
    (re.compile(r"https?://(?:www\.)?orcid\.org/", re.I), "orcid"),
    (re.compile(r"https?://dblp\d?\.(?:org|uni-trier\.de)/(?:rec/)?", re.I), "dblp"),
)


class BadIdentifier(ValueError):
    """An identifier that is not one; ``str()`` says what is wrong."""


@dataclass(frozen=True)
class Identifier:
    scheme: str
    value: str

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


def bare_doi(value: str) -> str:
    """The DOI of ``doi:...``, ``https://doi.org/...`` or a bare DOI, lower
    case (DOIs are case-insensitive), or ``""``."""
    value = value.strip()
    for pattern, scheme in _ADDRESSES:
        if scheme == "doi" and pattern.match(value):
            value = value[pattern.match(value).end() :]  # type: ignore[union-attr]
            break
    if value[:4].lower() == "doi:":
        value = value[4:].strip()
    return value.lower() if _DOI.fullmatch(value) else ""


def bare_arxiv(value: str) -> str:
    """The arXiv identifier without its version (``1605.08386``), or ``""``."""
    value = value.strip()
    for pattern, scheme in _ADDRESSES:
        if scheme == "arxiv" and pattern.match(value):
            value = value[pattern.match(value).end() :]  # type: ignore[union-attr]
            break
    if value[:6].lower() == "arxiv:":
        value = value[6:].strip()
    if value.lower().endswith(".pdf"):
        value = value[:-4]
    match = _ARXIV.fullmatch(value)
    return match.group(1) if match else ""


def bare_dblp(value: str) -> str:
    """A dblp person (``pid/...``) or record key, without the ``.html``,
    ``.bib`` or ``.xml`` of a page's address, or ``""``."""
    value = value.strip().rstrip("/")
    value = re.sub(r"\.(?:html|bib|xml|ris|nt|ttl|rdf)$", "", value)
    if value.startswith("rec/"):
        value = value[4:]
    return value if _DBLP.fullmatch(value) else ""


def orcid_checks(value: str) -> bool:
    """Whether the last character of an ORCID iD is its check digit
    (ISO 7064 11,2)."""
    digits = value.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def parse(text: str) -> Identifier:
    """The identifier ``text`` names; :class:`BadIdentifier` if it is
    malformed."""
    text = text.strip()
    scheme, value = "", text
    for pattern, name in _ADDRESSES:
        match = pattern.match(text)
        if match:
            scheme, value = name, text[match.end() :]
            break
    else:
        head, colon, rest = text.partition(":")
        if colon and head.lower() in SCHEMES:
            scheme, value = head.lower(), rest.strip()
        elif _DOI.fullmatch(text):
            scheme = "doi"
    value = value.strip().rstrip("/")
    if scheme == "doi":
        if not _DOI.fullmatch(value):
            raise BadIdentifier(
                f"{text}: not a DOI (a DOI starts with 10. and a prefix, then "
                "a slash: doi:10.1000/xyz)"
            )
        return Identifier("doi", value)
    if scheme == "arxiv":
        bare = bare_arxiv(value)
        if not bare:
            raise BadIdentifier(
                f"{text}: not an arXiv identifier (arxiv:1605.08386 or "
                "arxiv:hep-th/9901001)"
            )
        return Identifier("arxiv", bare)
    if scheme == "openalex":
        if not _OPENALEX.fullmatch(value):
            raise BadIdentifier(f"{text}: not an OpenAlex work (openalex:W2741809807)")
        return Identifier("openalex", value.upper())
    if scheme == "orcid":
        value = value.upper()
        if not _ORCID.fullmatch(value) or not orcid_checks(value):
            raise BadIdentifier(
                f"{text}: not an ORCID iD (16 digits in groups of four, the "
                "last one a check digit: orcid:0000-0002-1825-0097)"
            )
        return Identifier("orcid", value)
    if scheme == "dblp":
        bare = bare_dblp(value)
        if not bare:
            raise BadIdentifier(
                f"{text}: not a dblp person or record (dblp:pid/74/4209 or "
                "dblp:conf/nips/VaswaniSPUJGKP17)"
            )
        return Identifier("dblp", bare)
    raise BadIdentifier(
        f"{text}: neither a file nor an identifier "
        f"({', '.join(f'{scheme}:...' for scheme in SCHEMES)})"
    )


def is_identifier(text: str) -> bool:
    """Whether ``text`` is meant as an identifier rather than a file name."""
    head, colon, _rest = text.strip().partition(":")
    if colon and head.lower() in SCHEMES:
        return True
    return bool(
        any(pattern.match(text.strip()) for pattern, _ in _ADDRESSES)
        or _DOI.fullmatch(text.strip())
    )
