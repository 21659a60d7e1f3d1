"""A person's totals: citations summed and the h-index, per source, from
the counts of the metrics file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .data import SOURCE_NAMES, Work


def h_index(counts: Iterable[int]) -> int:
    """The largest h such that h works have at least h citations each."""
    h = 0
    for rank, count in enumerate(sorted(counts, reverse=True), start=1):
        if count < rank:
            break
        h = rank
    return h


@dataclass(frozen=True)
class Totals:
    source: str
    citations: int
    h_index: int
    works: int
    #: the oldest date among the counts summed: the totals are at least
    #: that recent
    date: str

    @property
    def source_name(self) -> str:
        return SOURCE_NAMES.get(self.source, self.source)


def totals(works: Iterable[Work]) -> list[Totals]:
    """The totals of each source over ``works``, largest first."""
    by_source: dict[str, list[tuple[int, str]]] = {}
    for work in works:
        for source, count in work.counts.items():
            by_source.setdefault(source, []).append((count.count, count.date))
    found = [
        Totals(
            source,
            sum(count for count, _ in counts),
            h_index(count for count, _ in counts),
            len(counts),
            min(date for _, date in counts),
        )
        for source, counts in by_source.items()
    ]
    return sorted(found, key=lambda t: (-t.citations, -t.works, t.source))
