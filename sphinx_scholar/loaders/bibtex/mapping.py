"""A BibTeX entry in the field names of :mod:`..publications`: venues,
theses, dates, arXiv ids, status, notes, tags and links, as the model's
publication reads them."""

from __future__ import annotations

import re

from ...math_text import latex_pieces, marked_math
from ...model import Problem
from ...text import latex_to_text
from ..publications import file_label, normalize_type
from .dates import biblatex_date
from .entry import Entry
from .links import FREE_LINKS, LINK_FIELDS, link_items, link_value, verbatim
from .names import persons

_ARXIV_VENUE = re.compile(r"^arxiv preprint arxiv:\s*(\S+)$", re.IGNORECASE)
_PERSON_FIELDS = ("author", "editor")
_VENUE_FIELDS = (
    "journal",
    "journaltitle",
    "booktitle",
    "howpublished",
    "series",
    "organization",
)
_THESIS_KIND = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
_PUBSTATE = {
    "forthcoming": "to appear",
    "inpress": "in press",
    "submitted": "submitted",
    "prepublished": "preprint",
}


class EntryMapping(dict):
    """An entry in the shared vocabulary; finds field lines in the entry's text."""

    #: a date range's years as shown, and the year the record has with them
    years: tuple[str, int] | None = None

    def __init__(self, values, entry: Entry, field_names: dict):
        super().__init__(values)
        self.line = entry.line
        self._entry = entry
        self._field_names = field_names

    def line_of(self, name: str) -> int:
        return self._entry.field_line(self._field_names.get(name, name))


def to_mapping(entry: Entry, source: str, problems: list[Problem]) -> EntryMapping:
    """The entry in the field names of :mod:`.publications`."""
    fields = entry.fields
    values: dict = {
        "key": entry.key,
        # BibTeX has types of every tool's invention ("electronic", "software"):
        # the ones the model has no name for are simply "other".
        "type": normalize_type(entry.type) or "other",
        "bibtex": entry.text.strip(),
    }
    names: dict = {}

    def take(name: str, *bib_names: str, raw: bool = False) -> None:
        for bib_name in bib_names:
            value = fields.get(bib_name)
            if value:
                values[name] = verbatim(value) if raw else latex_to_text(value)
                names[name] = bib_name
                return

    take("title", "title")
    if "title" in values:  # math kept: ``$...$`` (see math_text.marked_math)
        values["title"] = marked_math(latex_pieces(fields["title"]))
    for role in _PERSON_FIELDS:
        if fields.get(role):
            values[role + "s"] = persons(fields[role], entry, source, problems, role)
            names[role + "s"] = role
    take("venue", *_VENUE_FIELDS)
    if entry.type in _THESIS_KIND:
        school = latex_to_text(
            fields.get("school", "") or fields.get("institution", "")
        )
        values["venue"] = ", ".join(filter(None, [_THESIS_KIND[entry.type], school]))
    elif entry.type == "techreport" and "venue" not in values:
        take("venue", "institution")
    elif "venue" not in values and entry.type in ("book", "misc"):
        take("venue", "publisher")
    take("year", "year")
    take("month", "month")
    take("date", "date", raw=True)  # as written: ``1487~/1490`` has no tie
    years = None
    if "date" in values:
        values["date"], years = biblatex_date(values["date"])
    take("volume", "volume")
    take("number", "number", "issue")
    take("pages", "pages")
    take("publisher", "publisher")
    take("abstract", "abstract")
    if "abstract" in values:
        values["abstract"] = marked_math(latex_pieces(fields["abstract"]))
    take("url", "url", raw=True)
    # al-folio's venue badge and picture of the work
    take("abbr", "abbr")
    take("preview", "preview", "thumbnail", raw=True)
    take("doi", "doi", raw=True)
    take("arxiv", "arxiv", raw=True)
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    if "arxiv" not in values and prefix == "arxiv":  # biblatex and DBLP
        take("arxiv", "eprint", raw=True)
    scholar_arxiv = _ARXIV_VENUE.match(values.get("venue", ""))
    if scholar_arxiv:  # Google Scholar: journal = {arXiv preprint arXiv:1234.5678}
        values.setdefault("arxiv", scholar_arxiv.group(1))
    if values["type"] == "journal" and (
        scholar_arxiv or values.get("venue", "").lower() == "corr"
    ):
        values["type"] = "preprint"  # DBLP files arXiv papers in the journal CoRR
    if fields.get("selected"):
        values["selected"] = verbatim(fields["selected"])
    if fields.get("status") or fields.get("pubstate"):
        status = fields.get("status") or fields["pubstate"]
        values["status"] = _PUBSTATE.get(status.lower(), latex_to_text(status))
    # al-folio's award_name is the short form of its award: one of them
    award = fields.get("award_name") or fields.get("award")
    notes = [
        latex_to_text(value)
        for value in (award, fields.get("notes"), fields.get("note"))
        if value
    ]
    if notes:
        values["notes"] = notes
    tags = fields.get("tags") or fields.get("keywords")
    if tags:
        values["tags"] = latex_to_text(tags)
    links = {}
    for bib_name, label in LINK_FIELDS.items():
        if fields.get(bib_name) and label not in links:
            links[label] = link_value(fields[bib_name])
            names.setdefault("links", bib_name)
    if fields.get(FREE_LINKS):
        for label, url in link_items(fields[FREE_LINKS]):
            links[label or file_label(url)] = url
        names.setdefault("links", FREE_LINKS)
    if links:
        values["links"] = links
    mapping = EntryMapping(values, entry, names)
    mapping.years = years
    return mapping
