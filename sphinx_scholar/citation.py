"""A publication's citation as BibTeX: the entry as written, less what only the
site uses, or made from the record when the data was not BibTeX."""

from __future__ import annotations

from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.database.output.bibtex import Writer
from pybtex.exceptions import PybtexError

from .model import Publication

#: One writer for every entry: finding pybtex's writer by name costs more
#: than writing an entry.
_WRITER = Writer()

#: Fields a site adds to BibTeX that are not part of the citation.
SITE_FIELDS = {
    "abbr", "abstract", "altmetric", "annotation", "award", "award_name", "bibtex_show",
    "blog", "code", "data", "dataset", "dimensions", "google_scholar_id", "html",
    "inspirehep_id", "links", "pdf", "poster", "preview", "selected", "slides", "supp",
    "supplemental", "supplementary", "tags", "video", "web", "website", "additional_info",
    "timestamp", "biburl", "bibsource",
}  # fmt: skip


def citation_bibtex(record: Publication) -> str:
    """The entry's BibTeX without the fields only the site uses; made from the
    record when the data was not BibTeX."""
    if record.bibtex:
        try:
            data = Parser().parse_string(record.bibtex)
            entries = list(data.entries.items())
        except PybtexError:
            entries = []
        if len(entries) == 1:
            key, entry = entries[0]
            for field in list(entry.fields):
                if field.lower() in SITE_FIELDS:
                    del entry.fields[field]
            return _WRITER.to_string(BibliographyData({key: entry})).strip()
    kind = {
        "journal": "article", "conference": "inproceedings", "workshop": "inproceedings",
        "chapter": "incollection", "book": "book", "thesis": "phdthesis", "report": "techreport",
    }.get(record.type, "misc")  # fmt: skip
    venue_field = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle",
                   "phdthesis": "school", "techreport": "institution"}.get(kind, "howpublished")  # fmt: skip
    fields = {"title": record.title}
    if record.venue:
        fields[venue_field] = record.venue
    for name in ("volume", "number", "publisher", "doi", "url"):
        if getattr(record, name):
            fields[name] = getattr(record, name)
    if record.pages:
        fields["pages"] = record.pages.replace("–", "--")
    if record.year is not None:
        fields["year"] = str(record.year)
    if record.month:
        fields["month"] = str(record.month)
    if record.arxiv:
        fields["eprint"], fields["archiveprefix"] = record.arxiv, "arXiv"
    persons = (
        {"author": [Person(author.name) for author in record.authors]}
        if record.authors
        else {}
    )
    entry = Entry(kind, fields=fields, persons=persons)
    return _WRITER.to_string(BibliographyData({record.key: entry})).strip()
