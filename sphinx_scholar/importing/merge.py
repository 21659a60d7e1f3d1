"""What an import may change in the publications the file already holds.

The rule, field by field, for a record that matches an entry:

* a field the entry does not have is filled in;
* a field the user owns (links, tags, notes, selected, ...) is never
  changed once it is there;
* any other field is the service's while its value is the one the last
  import wrote (recorded in the file beside, see :mod:`.store`): it is
  updated. Once the user changes it by hand, it is the user's, and kept;
* an entry no import wrote before is the user's: only its missing fields
  are filled in.

A preprint and its published version are one work: a record matches an
entry by DOI, arXiv id (or an identifier recorded for the entry, a
preprint's DOI among them), then by its title folded to letters and digits
with the same first author. The published version's facts (type, venue,
year, pages, DOI ...) replace the preprint's; a preprint found after its
published version only fills what is missing (its arXiv id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text import fold
from .identifiers import bare_arxiv, bare_doi
from .mapping import Found, first_author_family, make_key, norm_title, ordered

#: fields the user owns: filled in when missing, never changed after
USER_FIELDS = frozenset(
    {
        "key",
        "links",
        "tags",
        "notes",
        "selected",
        "related",
        "abbr",
        "preview",
        "status",
        "title_unknown",
        "authors_partial",
    }
)
#: what a published version says better than its preprint
PUBLISHED_FACTS = (
    "type",
    "venue",
    "year",
    "month",
    "volume",
    "number",
    "pages",
    "publisher",
    "doi",
)
#: a title shorter than this (letters and digits) is too common to match on
MIN_TITLE = 16


@dataclass
class Imported:
    """What the last import wrote into one entry (the record beside)."""

    fields: dict[str, Any] = field(default_factory=dict)
    identifiers: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    date: str = ""


@dataclass
class Change:
    """What an import does to one entry."""

    key: str
    #: the entry's fields before (``None`` for a new entry)
    before: dict[str, Any] | None
    #: the fields set or replaced, with their new values
    updates: dict[str, Any] = field(default_factory=dict)
    #: the user's values kept, with what the service says now
    kept: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.before is None


def canon(name: str, value: Any) -> Any:
    """A value as compared: blanks and dashes as the loaders read them; a
    DOI or arXiv id as an identifier. Letter case counts: a title the user
    put into title case is the user's."""
    if name == "doi" and isinstance(value, str):
        return bare_doi(value) or value.strip().lower()
    if name == "arxiv" and isinstance(value, str):
        return bare_arxiv(value) or value.strip()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.replace("--", "–").split())
    if isinstance(value, list):
        return [canon(name, item) for item in value]
    if isinstance(value, dict):
        return {str(k): canon(name, v) for k, v in value.items()}
    return str(value)


def same(name: str, a: Any, b: Any) -> bool:
    return canon(name, a) == canon(name, b)


def _preprint_venue(value: Any) -> bool:
    """Whether a venue names a preprint server (``arXiv preprint arXiv:...``,
    DBLP's ``CoRR``, ``bioRxiv``)."""
    venue = fold(str(value or "")).strip()
    return venue in ("corr", "arxiv", "biorxiv", "medrxiv") or venue.startswith(
        ("arxiv", "preprint", "biorxiv", "medrxiv")
    )


def is_preprint(entry: dict[str, Any]) -> bool:
    """Whether an entry is a preprint: by its type, or by a venue that is a
    preprint server (Google Scholar's BibTeX files preprints as articles)."""
    kind = fold(str(entry.get("type") or ""))
    return kind in ("preprint", "unpublished") or _preprint_venue(entry.get("venue"))


def entry_identifiers(entry: dict[str, Any], imported: Imported | None) -> list[str]:
    found = []
    doi = bare_doi(str(entry.get("doi") or ""))
    if doi:
        found.append(f"doi:{doi}")
    arxiv = bare_arxiv(str(entry.get("arxiv") or ""))
    if arxiv:
        found.append(f"arxiv:{arxiv}")
    if imported:
        found += [name for name in imported.identifiers if name not in found]
    return found


def merge_record(
    entry: dict[str, Any], last: Imported | None, found: Found, change: Change
) -> None:
    """Decide, field by field, what ``found`` changes in ``entry`` (whose
    last import is ``last``); the decisions go into ``change``."""
    upgrade = is_preprint(entry) and not found.is_preprint
    downgrade = found.is_preprint and not is_preprint(entry)
    for name, new in found.fields.items():
        if name == "key" or new in (None, "", [], {}):
            continue
        has = name in entry  # written empty, a field stays empty
        current = entry.get(name)
        if downgrade and (has or name in ("type", "venue", "year", "month")):
            continue  # the published version's facts stay
        if not has:
            change.updates[name] = new
        elif name in USER_FIELDS:
            continue
        elif (upgrade and name in PUBLISHED_FACTS) or _imported(last, name, current):
            # the published version's facts, or a value the user left alone
            if not same(name, current, new):
                change.updates[name] = new
        elif not same(name, current, new):
            change.kept[name] = (current, new)
    if change.kept and entry.get("bibtex") and "bibtex" in change.updates:
        change.notes.append(
            "its bibtex: block is the source's, without your changes to "
            f"{', '.join(change.kept)}: edit it too, or delete it (the entry's "
            "BibTeX is then made from its fields)"
        )
    elif entry.get("bibtex") and "bibtex" not in change.updates and change.updates:
        change.notes.append(
            "its bibtex: block still has the values it had: edit it too, or "
            "delete it (the entry's BibTeX is then made from its fields)"
        )
    if upgrade and change.updates.get("type"):
        change.notes.append(
            f"the preprint is now its published version ({found.origin})"
        )


def _imported(last: Imported | None, name: str, current: Any) -> bool:
    """Whether the entry's value is the one the last import wrote."""
    return (
        last is not None
        and name in last.fields
        and same(name, current, last.fields[name])
    )


def record_of(
    entry_after: dict[str, Any], last: Imported | None, found: Found, date: str
) -> Imported:
    """The new record of what was imported: the values the source gave for
    the fields it owns (also those the user keeps, so that they stay the
    user's), and every identifier of the work."""
    record = Imported(
        dict(last.fields) if last else {},
        list(last.identifiers) if last else [],
        list(last.origins) if last else [],
        date,
    )
    downgrade = found.is_preprint and not is_preprint(entry_after)
    for name, new in found.fields.items():
        if name in USER_FIELDS or new in (None, "", [], {}):
            continue
        if downgrade and not same(name, entry_after.get(name), new):
            continue
        record.fields[name] = new
    for name in entry_identifiers(entry_after, None) + found.identifiers():
        if name not in record.identifiers:
            record.identifiers.append(name)
    if found.origin not in record.origins:
        record.origins.append(found.origin)
    if last is not None and (record.fields, record.identifiers, record.origins) == (
        last.fields,
        last.identifiers,
        last.origins,
    ):
        record.date = last.date  # nothing new: the record stays as it was
    return record


class Index:
    """The entries by identifier, title and key, kept up to date as the
    import adds entries."""

    def __init__(self) -> None:
        self.by_id: dict[str, str] = {}
        self.by_title: dict[str, list[str]] = {}
        self.entries: dict[str, dict[str, Any]] = {}
        self.imported: dict[str, Imported] = {}
        #: the entries this import adds: two records of one file with one
        #: key are two works (the second gets a key of its own)
        self.added: set[str] = set()

    def add(self, key: str, entry: dict[str, Any], imported: Imported | None) -> None:
        self.entries[key] = entry
        if imported is not None:
            self.imported[key] = imported
        for name in entry_identifiers(entry, imported):
            self.by_id.setdefault(name, key)
        title = norm_title(entry.get("title"))
        if len(title) >= MIN_TITLE:
            keys = self.by_title.setdefault(title, [])
            if key not in keys:
                keys.append(key)

    def match(self, found: Found) -> str | None:
        for name in found.identifiers():
            if name in self.by_id:
                return self.by_id[name]
        key = str(found.fields.get("key") or "")
        if key in self.entries and key not in self.added:
            entry, imported = self.entries[key], self.imported.get(key)
            if norm_title(entry.get("title")) == norm_title(found.fields.get("title")):
                return key
            if imported and found.origin in imported.origins:
                return key
        title = norm_title(found.fields.get("title"))
        if len(title) < MIN_TITLE:
            return None
        family = first_author_family(found.fields)
        for key in self.by_title.get(title, ()):
            entry = self.entries[key]
            other = first_author_family(entry)
            if family and other and family != other:
                continue
            ids = entry_identifiers(entry, self.imported.get(key))
            # two published works of one title (a paper and its journal
            # version, each with a DOI) stay two entries
            if (
                ids
                and found.identifiers()
                and not (found.is_preprint or is_preprint(entry))
            ):
                continue
            return key
        return None


def plan(
    entries: list[tuple[str, dict[str, Any]]],
    imported: dict[str, Imported],
    founds: list[Found],
    date: str,
) -> tuple[list[Change], dict[str, Imported]]:
    """The changes importing ``founds`` makes to the file's ``entries``
    (key, fields, in order), and the new records of what was imported."""
    index = Index()
    for key, entry in entries:
        index.add(key, dict(entry), imported.get(key))
    changes: dict[str, Change] = {}
    records = dict(imported)
    taken = {key for key, _ in entries}
    for found in founds:
        matched = index.match(found)
        if matched is None:
            fields = ordered(found.fields)
            key = str(fields.get("key") or "")
            if not key or key in taken or key.isdigit():  # EndNote's numbers
                key = make_key(fields, taken)
            fields["key"] = key
            fields = ordered(fields)
            taken.add(key)
            change = Change(key, None, updates=fields, origins=[found.origin])
            changes[key] = change
            records[key] = record_of(fields, None, found, date)
            index.add(key, dict(fields), records[key])
            index.added.add(key)
            continue
        key = matched
        entry = index.entries[key]
        change = changes.get(key) or Change(key, dict(entry))
        changes[key] = change
        if found.origin not in change.origins:
            change.origins.append(found.origin)
        if change.is_new:  # a second record of a work this import added
            step = Change(key, dict(entry))
            merge_record(entry, records.get(key), found, step)
            change.updates.update(step.updates)
            change.notes += step.notes
        else:
            merge_record(entry, records.get(key), found, change)
        entry.update(change.updates)
        records[key] = record_of(entry, records.get(key), found, date)
        index.add(key, entry, records[key])
    return list(changes.values()), records
