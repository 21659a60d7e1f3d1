"""CSL-JSON files (what Zotero exports as "CSL JSON", and what doi.org gives
for ``application/vnd.citationstyles.csl+json``) in the YAML form: a list
of items, or one item."""

from __future__ import annotations

import json
from typing import Any

from ...diagnostics import Subtype
from ...model import Problem
from ..csl import work_fields
from ..mapping import clean_text, person


def load_csl_json(
    text: str, source: str, problems: list[Problem]
) -> list[dict[str, Any]]:
    """The items of a CSL-JSON file, as YAML-form mappings."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                Subtype.syntax,
                f"CSL-JSON syntax error: {error.msg} (column {error.colno}); "
                "nothing in the file is read until it is fixed",
                source,
                error.lineno,
            )
        )
        return []
    items = data if isinstance(data, list) else [data]
    found = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not (item.get("title") or item.get("DOI")):
            problems.append(
                Problem(
                    Subtype.field_type,
                    f"item {index} of the CSL-JSON file is not a reference (an "
                    "object with a 'title'); it is left out",
                    source,
                )
            )
            continue
        fields = work_fields(item)
        key = str(item.get("id") or "").strip()
        fields["key"] = key if key and not any(c.isspace() for c in key) else ""
        editors = [
            person(editor.get("given"), editor.get("family"))
            or clean_text(editor.get("literal"))
            for editor in item.get("editor") or []
            if isinstance(editor, dict)
        ]
        fields["editors"] = [name for name in editors if name]
        url = clean_text(item.get("URL"))
        if url and not fields.get("doi"):
            fields["url"] = url
        found.append(fields)
    return found
