"""BibTeX files, parsed with pybtex's tokenizer and read into the shared vocabulary.

pybtex's :class:`~pybtex.database.input.bibtex.LowLevelParser` gives each entry
with its position, so entries keep their line numbers and their own source
text, and a broken entry costs only itself (:mod:`.pieces`). ``@string``
macros, month macros and ``#`` concatenation are pybtex's; ``crossref`` is
resolved here (:mod:`.crossref`), with missing targets and cycles reported;
fields become the model's (:mod:`.mapping`, :mod:`.names`, :mod:`.links`,
:mod:`.dates`).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from pybtex.utils import CaseInsensitiveDict

from ...bibtex_writer import entry_citation
from ...diagnostics import Subtype
from ...model import Problem
from ..publications import publication_from_mapping
from .crossref import resolve_crossrefs
from .mapping import to_mapping
from .parser import EXPANSION_MAX, FIELD_MAX
from .pieces import parse_entries
from .reuse import Reuse

__all__ = [
    "EXPANSION_MAX",
    "FIELD_MAX",
    "Reuse",
    "load_bibtex",
    "parse_entries",
]


def load_bibtex(
    text: str,
    source: str,
    problems: list[Problem],
    reuse: Reuse | None = None,
    keep: Reuse | None = None,
) -> list:
    """The publications of a BibTeX file. What ``reuse`` holds from an earlier
    version is not parsed again; what this version gives is put in ``keep``."""
    entries = parse_entries(text, source, problems, reuse, keep)
    by_key = CaseInsensitiveDict()
    for entry in entries:
        if entry.key in by_key:
            first = by_key[entry.key]
            problems.append(
                Problem(
                    Subtype.duplicate_key,
                    f"duplicate BibTeX key {entry.key!r} (first on line {first.line}); "
                    "this entry is left out: give it a key of its own",
                    source,
                    entry.line,
                )
            )
            continue
        by_key[entry.key] = entry

    targets = resolve_crossrefs(by_key, source, problems)
    records = []
    for entry in by_key.values():
        if (
            entry.type in ("proceedings", "mvproceedings")
            and entry.key.lower() in targets
        ):
            continue  # a volume that exists only to be cross-referenced
        digest = (
            entry.origin
            if entry.origin and "crossref" not in entry.fields
            else hashlib.sha1(
                repr(
                    (entry.type, entry.key, entry.text, [*entry.fields.items()])
                ).encode()
            ).digest()
        )
        known = reuse.records.get(digest) if reuse else None
        if known is None:
            found: list[Problem] = []
            mapping = to_mapping(entry, source, found)
            citation = entry_citation(entry.type, entry.key, entry.fields.items())
            record = publication_from_mapping(
                mapping, source, found, check_unknown=False, citation=citation
            )
            if record is not None and mapping.years:
                years, year = mapping.years
                if record.year == year:  # not when a year field says otherwise
                    record = replace(record, years=years)
            problems += found
            if found:  # their messages may name lines: made again next time
                if record is not None:
                    records.append(record)
                continue
            known = (record, entry.line)
        if keep is not None:
            keep.records[digest] = known
        record, line = known
        shift = entry.line - line
        if record is not None:
            records.append(
                replace(record, line=record.line + shift) if shift else record
            )
    return records
