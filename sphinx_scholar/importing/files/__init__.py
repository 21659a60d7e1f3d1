"""Files to import: BibTeX (read as the build reads it), RIS and CSL-JSON,
each entry a :class:`~..mapping.Found` of the YAML form."""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import Subtype
from ...loaders import read_text
from ...loaders.bibtex import load_bibtex
from ...model import Problem
from ..mapping import Found
from ..yaml_form import record_to_yaml
from .csl_json import load_csl_json
from .ris import load_ris

#: the formats by the ends of file names
FORMATS = {
    ".bib": "BibTeX",
    ".bibtex": "BibTeX",
    ".ris": "RIS",
    ".json": "CSL-JSON",
    ".csljson": "CSL-JSON",
}


def read_file(path: Path, problems: list[Problem]) -> list[Found]:
    """The entries of a BibTeX, RIS or CSL-JSON file; what cannot be read is
    a problem with the file's name and line."""
    kind = FORMATS.get(path.suffix.lower())
    source = str(path)
    if kind is None:
        problems.append(
            Problem(
                Subtype.data_file,
                f"cannot tell the format of {path.name}: name it .bib (BibTeX), "
                ".ris (RIS) or .json (CSL-JSON)",
                source,
            )
        )
        return []
    text = read_text(source, problems)
    if text is None:
        return []
    if kind == "BibTeX":
        records = load_bibtex(text, source, problems)
        return [Found(record_to_yaml(record), source, kind) for record in records]
    if kind == "RIS":
        return [
            Found(fields, source, kind) for fields in load_ris(text, source, problems)
        ]
    return [
        Found(fields, source, kind) for fields in load_csl_json(text, source, problems)
    ]
