"""What an edited file may reuse from the reading of its last version."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model import Publication


class Reuse:
    """What reading one version of a file gave, piece by piece and entry by
    entry, kept to read the next version: an edited file is parsed again only
    where it changed. Lines are kept relative, so that entries moved by an
    edit above them are reused too; pieces and entries with problems are not
    kept (messages name lines)."""

    def __init__(self) -> None:
        #: digest of a piece (and of the macros before it) -> its entries as
        #: (type, key, fields, line, text), lines counted from the piece's
        #: first line (plain tuples pickle fast)
        self.pieces: dict[bytes, list[tuple]] = {}
        #: digest of an entry -> its record and the line it was made at; the
        #: entry's origin, or for one with a crossref, the digest of its
        #: fields as the crossref left them
        self.records: dict[bytes, tuple[Publication | None, int]] = {}
