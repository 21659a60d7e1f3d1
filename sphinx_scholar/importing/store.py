"""The site's YAML file of publications, read for merging and written back
item by item, and the record beside it of what imports wrote.

An entry the import does not change is written back as it was, byte for
byte, comments included. In an entry it changes, the changed fields are
replaced in place and new fields added, so that its other lines and its
comments stay; only when that cannot be done safely (an entry written in
flow style, ``- {key: a, ...}``) is the entry written anew, and the comments
inside it are lost (the command says so). A file that is not a plain list
(a mapping with a ``publications:`` list, anchors and aliases) is written
anew as a whole, its entries in their order, its comments lost.

The record of imports is ``<name>.imported.yaml`` beside the file
(``publications.imported.yaml``): for each key, the values the last import
wrote and the identifiers of the work. Commit it with the file: it is how
the next import tells a hand-fixed field from one the service may update.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..loaders.yaml_items import split_items
from .merge import Change, Imported
from .yaml_form import dump

IMPORTED_HEADER = (
    "# What `sphinx-scholar import` last wrote into {name}, by key: the\n"
    "# values of the fields a service owns, and the identifiers of each work.\n"
    "# A field of {name} whose value differs from the one here was changed by\n"
    "# hand, and the next import keeps it. Commit this file with {name}.\n"
)


class StoreError(Exception):
    """The file cannot be merged into; ``str()`` says why and what to do."""


@dataclass
class Entry:
    key: str
    data: dict[str, Any]
    #: the item's text as written (``None`` when the file is read whole)
    text: str | None = None


@dataclass
class Book:
    """One YAML file of publications as it is on disk."""

    path: Path
    entries: list[Entry] = field(default_factory=list)
    #: what comes before the first item (comments), kept as it is
    prologue: str = ""
    #: the whole document, when the file is not a plain list
    whole: Any = None
    exists: bool = False
    imported: dict[str, Imported] = field(default_factory=dict)

    @property
    def by_items(self) -> bool:
        return self.whole is None


def imported_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.imported.yaml")


def _entries_of(data: Any, path: Path) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("publications"), list):
        data = data["publications"]
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
        raise StoreError(
            f"{path}: not a list of publications (each a mapping of fields); "
            "import into another file with -o"
        )
    return data


def _key(data: dict[str, Any], index: int) -> str:
    key = data.get("key")
    return (
        str(key).strip()
        if isinstance(key, (str, int)) and str(key).strip()
        else f"#{index}"
    )


def load_book(path: Path) -> Book:
    """The file as it is; an empty book when it does not exist yet."""
    book = Book(path)
    if not path.exists():
        return book
    book.exists = True
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    try:
        whole = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise StoreError(
            f"{where}: the file is not valid YAML ({getattr(error, 'problem', error)}); "
            f"fix it first (sphinx-scholar check {path} says where)"
        ) from None
    book.imported = load_imported(imported_path(path))
    if whole is None:  # empty, or only comments: kept as they are
        book.prologue = text
        return book
    datas = _entries_of(whole, path)
    items = split_items(text) if isinstance(whole, list) else None
    if items is not None and len(items) == len(datas):
        book.prologue = text[: text.index(items[0][1])] if items else text
        for index, ((_line, piece, _digest), data) in enumerate(
            zip(items, datas, strict=True)
        ):
            book.entries.append(Entry(_key(data, index), data, piece))
    else:
        book.whole = whole
        book.entries = [Entry(_key(d, i), d) for i, d in enumerate(datas)]
    return book


def load_imported(path: Path) -> dict[str, Imported]:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        raise StoreError(
            f"{path}: the record of imports is not valid YAML; fix it, or delete "
            "it (the next import then treats every field as yours)"
        ) from None
    records = {}
    for key, value in (data or {}).items() if isinstance(data, dict) else ():
        if not isinstance(value, dict):
            continue
        fields = value.get("fields")
        records[str(key)] = Imported(
            dict(fields) if isinstance(fields, dict) else {},
            [str(i) for i in value.get("identifiers") or [] if isinstance(i, str)],
            [str(i) for i in value.get("from") or [] if isinstance(i, str)],
            str(value.get("date") or ""),
        )
    return records


def imported_text(name: str, records: dict[str, Imported]) -> str:
    data = {
        key: {
            "from": record.origins,
            "date": record.date,
            "identifiers": record.identifiers,
            "fields": record.fields,
        }
        for key, record in records.items()
    }
    return IMPORTED_HEADER.format(name=name) + (dump(data) if data else "{}\n")


# --- writing an entry in place ------------------------------------------------

_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")
_DASH = re.compile(r"-( +)")


def _blocks(lines: list[str], indent: int) -> list[tuple[str, int, int]] | None:
    """``(name, first line, end)`` of each top-level field of an item."""
    starts: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        if number == 0:
            match = _FIELD.match(line, indent)
        elif line[:indent] == " " * indent and line[indent : indent + 1] not in (
            " ",
            "#",
            "-",
            "",
        ):
            match = _FIELD.match(line, indent)
            if match is None:
                return None
        else:
            continue
        if match is None:
            return None
        starts.append((match.group(1), number))
    blocks = []
    bounds = [number for _, number in starts[1:]] + [len(lines)]
    for (name, first), limit in zip(starts, bounds, strict=True):
        end = first + 1
        for number in range(first + 1, limit):
            line = lines[number]
            stripped = line.lstrip(" ")
            depth = len(line) - len(stripped)
            # the value's lines (comments inside it among them), and the
            # items of a list written at the field's own indentation
            if stripped and (
                depth > indent or (depth == indent and stripped.startswith("- "))
            ):
                end = number + 1
        blocks.append((name, first, end))
    return blocks


def _field_lines(name: str, value: Any, prefix: str, indent: int) -> list[str]:
    text = dump({name: value}).rstrip("\n").split("\n")
    return [prefix + text[0]] + [" " * indent + line for line in text[1:]]


def patch_item(text: str, updates: dict[str, Any]) -> str | None:
    """The item's text with ``updates`` written in place, its other lines
    and comments kept; ``None`` when that cannot be done safely."""
    lines = text.split("\n")
    dash = _DASH.match(lines[0])
    if dash is None:
        return None
    indent = 1 + len(dash.group(1))
    blocks = _blocks(lines, indent)
    if not blocks:
        return None
    where = {name: (first, end) for name, first, end in blocks}
    replaced: dict[int, tuple[int, list[str]]] = {}
    added: list[str] = []
    for name, value in updates.items():
        if name in where:
            first, end = where[name]
            prefix = lines[0][:indent] if first == 0 else " " * indent
            replaced[first] = (end, _field_lines(name, value, prefix, indent))
        else:
            added += _field_lines(name, value, " " * indent, indent)
    # new fields go before the user's (links, tags ...) or after the last
    later = [first for name, first, _ in blocks if name in _USER_LAST and first > 0]
    insert_at = min(later) if later else blocks[-1][2]
    out: list[str] = []
    number = 0
    while number < len(lines):
        if number == insert_at and added:
            out += added
            added = []
        if number in replaced:
            end, new_lines = replaced[number]
            out += new_lines
            number = end
            continue
        out.append(lines[number])
        number += 1
    out += added
    return "\n".join(out)


_USER_LAST = ("links", "tags", "selected", "related", "bibtex")


def entry_text(entry: Entry, change: Change) -> tuple[str, bool]:
    """The entry's new text, and whether its comments were kept."""
    expected = dict(entry.data)
    expected.update(change.updates)
    if entry.text is not None:
        patched = patch_item(entry.text, change.updates)
        if patched is not None:
            try:
                if yaml.safe_load(patched) == [expected]:
                    return patched, True
            except yaml.YAMLError:
                pass
    rest = ""
    if entry.text is not None:  # blank lines after the item stay
        rest = entry.text[len(entry.text.rstrip("\n")) :]
        rest = rest[1:] if rest.startswith("\n") else rest
    return dump([expected]) + rest, "#" not in (entry.text or "")


def render(book: Book, changes: list[Change]) -> tuple[str, list[str]]:
    """The file's new text, and the keys of entries whose comments were lost."""
    by_key = {change.key: change for change in changes}
    lost: list[str] = []
    if not book.by_items:
        datas = []
        for entry in book.entries:
            data = dict(entry.data)
            if entry.key in by_key:
                data.update(by_key[entry.key].updates)
            datas.append(data)
        datas += [change.updates for change in changes if change.is_new]
        whole = book.whole
        whole = dict(whole, publications=datas) if isinstance(whole, dict) else datas
        return dump(whole), ["(the whole file)"]
    pieces = [book.prologue]
    for entry in book.entries:
        change = by_key.get(entry.key)
        if change is None or not change.updates or entry.text is None:
            pieces.append(entry.text or "")
            continue
        text, kept = entry_text(entry, change)
        if not kept:
            lost.append(entry.key)
        pieces.append(text)
    text = "".join(pieces)
    new = [change.updates for change in changes if change.is_new]
    if new:
        if text and not text.endswith("\n"):
            text += "\n"
        text += dump(new)
    return text, lost


def header(sources: list[str]) -> str:
    from .. import __version__

    return (
        f"# Publications imported from {', '.join(sources)} by sphinx-scholar "
        f"{__version__}.\n"
    )


def today() -> str:
    return datetime.date.today().isoformat()
