"""Every ``scholar_*`` configuration value, declared once."""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.application import Sphinx


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: object
    types: tuple[type, ...]
    doc: str


CONFIG_VALUES = (
    ConfigValue(
        "scholar_people",
        [],
        (list,),
        "People known to the site, as a list of mappings with the fields of a "
        "people file (id, name, variants, url, affiliation, groups).",
    ),
    ConfigValue(
        "scholar_people_file",
        "",
        (str, list),
        "A YAML or JSON file of people, or a list of them, relative to the "
        "source directory.",
    ),
    ConfigValue(
        "scholar_file_dirs",
        [],
        (list, tuple),
        "Folders, relative to the source directory, where files named by a "
        "relative link (``pdf = {paper.pdf}``) are looked for after the data "
        "file's own folder; al-folio sites keep them in ``assets/pdf``.",
    ),
    ConfigValue(
        "scholar_publication_pages",
        "pub",
        (str,),
        "The folder, in the source directory, where a page for every listed "
        "publication is written before each build (add it to .gitignore); an "
        "empty string turns the pages off.",
    ),
    ConfigValue(
        "scholar_highlight",
        [],
        (list, tuple, str),
        "Whom every list highlights unless its ``:highlight:`` option says "
        "otherwise: person ids, group names or plain names.",
    ),
)


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name, value.default, "env", types=value.types, description=value.doc
        )
