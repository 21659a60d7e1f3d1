"""Every ``scholar_*`` configuration value, declared once."""

from __future__ import annotations

from dataclasses import dataclass

from sphinx.application import Sphinx

#: the looks of a publication entry in HTML (``scholar_entry_style``, ``:style:``)
ENTRY_STYLES = ("buttons", "brackets")


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
        "scholar_outside_dirs",
        [],
        (list, tuple),
        "Folders outside the source directory, relative to it or absolute, "
        "from which data files, people files and the files records link to "
        "(PDFs, photos) may be read. Any other file outside the source "
        "directory, also through a symbolic link, is not read: a warning "
        "says so.",
    ),
    ConfigValue(
        "scholar_publication_pages",
        "pub",
        (str,),
        "The folder of the HTML output where each publication the site shows "
        "gets a page of its own (nothing is written into the source "
        "directory); an empty string turns the pages off.",
    ),
    ConfigValue(
        "scholar_entry_style",
        "buttons",
        (str,),
        "How publication entries show in HTML: ``buttons`` (a venue badge, a "
        "thumbnail, the title linking to the publication's page, and one row "
        "of small buttons: PDF, Code, ..., Details) or ``brackets`` (the "
        "links as text after the venue, ``[pdf] [code]``). A list's "
        "``:style:`` option chooses for that list. Other builders (LaTeX, "
        "text, man, e-books) always write the links as text.",
    ),
    ConfigValue(
        "scholar_link_format",
        "{label}: {files}",
        (str, dict),
        "How a link of several files (or of one named file) is written "
        "inside its brackets, ``[slides: ppt, pptx]``: ``{label}`` is the "
        "link's label and ``{files}`` its files, joined by what follows a "
        "colon (``{files:/}`` gives ``ppt/pptx``), else by a comma. A mapping "
        "gives labels formats of their own, ``*`` for the others: "
        "``{'slides': '{label}:{files:/}'}`` writes ``[slides:ppt/pptx]`` "
        "and ``[dataset: 2-hop, 3-hop]``.",
    ),
    ConfigValue(
        "scholar_venue_format",
        "",
        (str,),
        "How the venue line of a publication is written, instead of the "
        "built-in ``ICML, vol. 36, pp. 1–9, 2019 (Oral).``: text with the "
        "fields ``{venue}``, ``{volume}``, ``{number}``, ``{pages}``, "
        "``{publisher}``, ``{year}``, ``{month}``, ``{status}`` and "
        "``{notes}``, a part in square brackets written only when each of "
        "its fields has a value: ``{venue}[, {volume}][ ({year})]`` writes "
        "``Artificial Intelligence, 280 (2020)``. A format writes the year "
        "even when the venue names it, and no full stop of its own. A "
        "list's ``:venue-format:`` option chooses for that list.",
    ),
    ConfigValue(
        "scholar_interactive_labels",
        {},
        (dict,),
        "Words of interactive lists to replace, by name: ``sort`` (the "
        "sort menu's label, ``Sort by``), ``default``, ``title-asc``, "
        "``title-desc``, ``year-asc``, ``year-desc`` (its orders), "
        "``search``, ``search-hint``, ``type``, ``tag``, ``all``, "
        "``abstract`` (``Preview abstract``), ``abstract-hide``, ``bibtex``, "
        "``bibtex-hide``, ``copy``, ``copied``, ``count``. By default they "
        "are in the site's language.",
    ),
    ConfigValue(
        "scholar_highlight_links",
        False,
        (bool,),
        "Whether a highlighted author of a publication list (the site's "
        "owner) links to their page, as the other authors do; by default the "
        "name is bold, in the colour of the text, and not a link.",
    ),
    ConfigValue(
        "scholar_people_pages",
        "",
        (str,),
        "A folder for a page per person of the people registry (photo, role, "
        "links, research areas and the publications of theirs the site "
        'lists), such as ``"people"``; the names of people without a '
        "``url`` of their own link to their page. Empty (the default): no "
        "such pages.",
    ),
    ConfigValue(
        "scholar_citation_style",
        "",
        (str,),
        "The citation style of every publication list, by the name of an "
        'official CSL style: ``"apa"``, ``"ieee"``, '
        '``"chicago-author-date"``, ``"modern-language-association"``, '
        "``\"nature\"``, ... (needs ``pip install 'sphinx-scholar[styles]'``). "
        "Empty (the default): the house style. A list's ``:style:`` option "
        "chooses for that list.",
    ),
    ConfigValue(
        "scholar_author_marks",
        {"equal": "*", "corresponding": "†"},
        (dict,),
        "The marks after the names of authors who contributed equally "
        "(``equal: true`` in the data) and of the corresponding author "
        "(``corresponding: true``). A list whose authors carry one of these "
        "marks, given so or written after a name (``Ada Lovelace*``), "
        "explains it once, under the list.",
    ),
    ConfigValue(
        "scholar_max_authors",
        0,
        (int,),
        'How many authors a publication list shows before "et al." (0: all '
        "of them). The highlighted people are shown wherever they are in the "
        'list; in HTML, "et al." is a button that shows the whole list. A '
        "list's ``:max-authors:`` option chooses for that list.",
    ),
    ConfigValue(
        "scholar_venues_file",
        "",
        (str,),
        "A YAML or JSON file, relative to the source directory, mapping venue "
        "names or short names to the badge publication entries show: its "
        "text, ``color`` and ``url`` (``ICML: {color: '#1f4e8c'}``).",
    ),
    ConfigValue(
        "scholar_highlight",
        [],
        (list, tuple, str),
        "Whom every list highlights unless its ``:highlight:`` option says "
        "otherwise: person ids, group names or plain names.",
    ),
    ConfigValue(
        "scholar_metrics_file",
        "",
        (str,),
        "The citation counts ``sphinx-scholar metrics`` writes, relative to "
        'the source directory (``"data/metrics.yaml"``): lists whose '
        "``:show:`` names ``citations`` show each publication's count, and a "
        "profile its person's totals. The build only reads the file; it never "
        "asks a service. Empty (the default): no counts.",
    ),
    ConfigValue(
        "scholar_page_descriptions",
        True,
        (bool,),
        "Give each HTML page a ``description`` meta tag (from its profile or "
        "first paragraph, unless ``.. meta::`` gives one) and OpenGraph tags, "
        "for search engines and link previews. Turn it off for "
        "sphinxext-opengraph or templates of your own.",
    ),
)


def register(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name, value.default, "env", types=value.types, description=value.doc
        )


def _texts(value) -> list[str] | None:
    """A list of strings from a string or a list of strings, else ``None``."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)) and all(
        isinstance(item, str) for item in value
    ):
        return list(value)
    return None


def _link_formats(value, reject) -> dict[str, str]:
    """``scholar_link_format`` as a mapping of labels (``*``: any other) to
    formats; one that cannot be read is reported, and the default kept."""
    from .render.nodes import check_link_format

    formats = {"*": value} if isinstance(value, str) else value
    if not isinstance(formats, dict) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in formats.items()
    ):
        reject("scholar_link_format", "a format or a mapping of labels to formats")
        return {}
    for template in formats.values():
        problem = check_link_format(template)
        if problem:
            reject("scholar_link_format", f"a format that can be read ({problem})")
            return {}
    return dict(formats)


def validate(app: Sphinx, config) -> None:
    """Values of the wrong type are reported and replaced by their defaults,
    so that the build goes on."""
    from .diagnostics import Subtype, warn

    def reject(name: str, expected: str) -> None:
        # no location: Sphinx cannot place one before the environment exists
        warn(
            f"conf.py: {name} should be {expected}, not {getattr(config, name)!r}; it is ignored",
            Subtype.option,
        )

    for name in (
        "scholar_highlight",
        "scholar_people_file",
        "scholar_file_dirs",
        "scholar_outside_dirs",
    ):
        texts = _texts(getattr(config, name))
        if texts is None:
            reject(name, "a string or a list of strings")
            texts = []
        setattr(
            config,
            name,
            texts if name != "scholar_people_file" or len(texts) != 1 else texts[0],
        )
    if not isinstance(config.scholar_people, list):
        reject("scholar_people", "a list of mappings")
        config.scholar_people = []
    if config.scholar_entry_style not in ENTRY_STYLES:
        reject("scholar_entry_style", " or ".join(map(repr, ENTRY_STYLES)))
        config.scholar_entry_style = "buttons"
    if not isinstance(config.scholar_venues_file, str):
        reject("scholar_venues_file", "a file name (a string)")
        config.scholar_venues_file = ""
    config.scholar_link_format = _link_formats(config.scholar_link_format, reject)
    config.scholar_highlight_links = bool(config.scholar_highlight_links)
    if (
        not isinstance(config.scholar_max_authors, int)
        or isinstance(config.scholar_max_authors, bool)
        or config.scholar_max_authors < 0
    ):
        reject("scholar_max_authors", "a whole number, 0 or more")
        config.scholar_max_authors = 0
    from .render.venue_format import check_venue_format

    problem = check_venue_format(config.scholar_venue_format)
    if problem:
        reject("scholar_venue_format", f"a format that can be read ({problem})")
        config.scholar_venue_format = ""
    labels = config.scholar_interactive_labels
    if not isinstance(labels, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in labels.items()
    ):
        reject("scholar_interactive_labels", "a mapping of names to words")
        config.scholar_interactive_labels = {}
    style = config.scholar_citation_style
    if not isinstance(style, str):
        reject("scholar_citation_style", "the name of a CSL style (a string)")
        config.scholar_citation_style = ""
    elif style.strip():
        from .render.csl import StyleNotFound, style_file

        try:
            style_file(style.strip())
        except StyleNotFound as error:
            warn(
                f"conf.py: scholar_citation_style: {error}; the house style is used",
                Subtype.option,
            )
            config.scholar_citation_style = ""
        else:
            config.scholar_citation_style = style.strip()
    marks = config.scholar_author_marks
    if not isinstance(marks, dict) or not all(
        key in ("equal", "corresponding") and isinstance(mark, str)
        for key, mark in marks.items()
    ):
        reject(
            "scholar_author_marks",
            'a mapping of "equal" and "corresponding" to marks',
        )
        config.scholar_author_marks = {"equal": "*", "corresponding": "†"}
    if not isinstance(config.scholar_people_pages, str):
        reject("scholar_people_pages", "a folder name (a string)")
        config.scholar_people_pages = ""
    config.scholar_people_pages = config.scholar_people_pages.strip("/")
    if not isinstance(config.scholar_publication_pages, str):
        reject("scholar_publication_pages", "a folder name (a string)")
        config.scholar_publication_pages = "pub"
