"""``crossref``: an entry's missing fields filled from the entry it
cross-references, with missing targets, cycles and overlong copies reported."""

from __future__ import annotations

from ...diagnostics import Subtype
from ...model import Problem
from ..quoting import short
from .entry import Entry
from .parser import EXPANSION_MAX


def resolve_crossrefs(by_key, source: str, problems: list[Problem]) -> set[str]:
    """Fill fields missing from an entry from the entry it cross-references.

    Chains are followed without recursion, however long; a missing target or
    a cycle is reported. Returns the lower-cased keys that are cross-referenced.
    """
    targets: set[str] = set()
    resolved: set[str] = set()
    budget = [EXPANSION_MAX]  # characters the crossrefs may copy into the file
    for start in by_key.values():
        # Walk up to an entry already resolved, without a crossref, or broken.
        chain = [start]
        in_chain = {id(start)}
        while chain[-1].key.lower() not in resolved:
            entry = chain[-1]
            parent_key = entry.fields.get("crossref")
            parent = by_key.get(parent_key) if parent_key else None
            if parent_key and parent is None:
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX entry {entry.key!r} cross-references {parent_key!r}, "
                        "which is not in the file",
                        source,
                        entry.line,
                    )
                )
            if parent is None:
                break
            if id(parent) in in_chain:
                names = [e.key.lower() for e in chain[chain.index(parent) :]]
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX crossref cycle: {' -> '.join([*names, parent.key.lower()])}; "
                        "remove the crossref of one of them",
                        source,
                        entry.line,
                    )
                )
                break
            targets.add(parent.key.lower())
            chain.append(parent)
            in_chain.add(id(parent))
        # Then fill each entry from its parent, top down.
        for child, parent in zip(
            reversed(chain[:-1]), reversed(chain[1:]), strict=True
        ):
            if not _inherit(child, parent, budget):
                problems.append(
                    Problem(
                        Subtype.crossref,
                        f"BibTeX entry {short(child.key)} would copy more than "
                        f"{EXPANSION_MAX:,} characters from the entries it "
                        "cross-references, with those before it; what it would "
                        "copy is left out",
                        source,
                        child.line,
                    )
                )
        resolved.update(entry.key.lower() for entry in chain)
    return targets


def _inherit(entry: Entry, parent: Entry, budget: list[int]) -> bool:
    """Fill the entry's missing fields from its parent's, as long as the
    characters the file's crossrefs copy stay within ``budget``; whether
    they did."""
    fields = dict(entry.fields)  # what is kept shares the first
    copied = 0
    for name, value in parent.fields.items():
        if name == "crossref":
            continue
        if name == "title" and "booktitle" not in fields:
            fields["booktitle"] = value
            copied += len(value)
        elif name not in fields:
            fields[name] = value
            copied += len(value)
    if copied > budget[0]:
        return False
    budget[0] -= copied
    entry.fields = fields
    return True
