"""Records in the YAML form of publications, written as people write them:
fields in the form's order, text of several lines (a BibTeX entry) as a
literal block."""

from __future__ import annotations

from typing import Any

import yaml

from ..model import Publication


class Dumper(yaml.SafeDumper):
    """Writes text of several lines (the BibTeX entries) as literal blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _text)


def dump(value: Any) -> str:
    """``value`` as YAML in the form's style."""
    return yaml.dump(
        value, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=88
    )


def record_to_yaml(record: Publication) -> dict[str, Any]:
    """A record in the YAML form, keeping the original entry under ``bibtex``."""
    data: dict[str, Any] = {
        "key": record.key,
        "type": record.type,
        "title": record.title,
    }
    if record.authors:
        data["authors"] = [author.display for author in record.authors]
    if record.editors:
        data["editors"] = [editor.display for editor in record.editors]
    for name in (
        "venue",
        "year",
        "month",
        "volume",
        "number",
        "pages",
        "publisher",
        "status",
    ):
        value = getattr(record, name)
        if value not in (None, ""):
            data[name] = value
    if record.notes:
        data["notes"] = list(record.notes)
    for name in ("abstract", "url", "doi", "arxiv"):
        if getattr(record, name):
            data[name] = getattr(record, name)
    links: dict[str, str | dict[str, str]] = {}
    for link in record.links:
        if link.label in ("doi", "arxiv") and getattr(record, link.label):
            continue  # made again from the doi and arxiv fields
        if len(link.files) == 1 and not link.files[0].name:
            links[link.label] = link.files[0].url
        else:
            links[link.label] = {file.name: file.url for file in link.files}
    if links:
        data["links"] = links
    if record.tags:
        data["tags"] = list(record.tags)
    if record.selected:
        data["selected"] = True
    if record.bibtex:
        data["bibtex"] = readable_bibtex(record.bibtex)
    return data


def readable_bibtex(text: str) -> str:
    """The entry as written, less what stops YAML from writing it as a block:
    tabs (expanded) and spaces at the ends of lines, which BibTeX ignores."""
    return "\n".join(line.rstrip() for line in text.expandtabs(4).split("\n"))
