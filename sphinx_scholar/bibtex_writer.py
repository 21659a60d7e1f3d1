"""BibTeX entries written as text: one line per field, and a parsed entry as
the citation a site shows and exports.

Entries are written by hand rather than with pybtex's writer: the format is
one line per field, and pybtex's writer (with its name parsing and LaTeX
encoding) took longer than the rest of a site's build.
"""

from __future__ import annotations

from collections.abc import Iterable

from .loaders.values import safe_url

#: Fields a site adds to BibTeX that are not part of the citation.
SITE_FIELDS = {
    "abbr", "abstract", "altmetric", "annotation", "award", "award_name", "bibtex_show",
    "blog", "code", "data", "dataset", "dimensions", "google_scholar_id", "html",
    "inspirehep_id", "links", "pdf", "poster", "preview", "selected", "slides", "supp",
    "supplemental", "supplementary", "tags", "video", "web", "website", "additional_info",
    "timestamp", "biburl", "bibsource",
    # the fields a crossref brought are in the entry already
    "crossref",
}  # fmt: skip


def format_entry(kind: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """``@kind{key,`` then ``  name = {value},`` per field. Values are BibTeX
    already (balanced braces)."""
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@{kind}{{{key},\n{body}}}"


def entry_citation(kind: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """A parsed BibTeX entry (field names in lower case) as a citation:
    site-only fields left out, and a url whose scheme is not safe (reference
    managers link it)."""
    return format_entry(
        kind,
        key,
        (
            (n, v)
            for n, v in fields
            if n not in SITE_FIELDS and (n != "url" or safe_url(v) is not None)
        ),
    )
