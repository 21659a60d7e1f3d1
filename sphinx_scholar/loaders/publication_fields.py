"""The fields of publication records, declared once, and the records that
other formats share with them: a person of a list (``AUTHOR``) and links
(``LINKS``).

:mod:`.publications` reads publications by them; the JSON Schemas and the
reference are made from them.
"""

from __future__ import annotations

from ..model import PUBLICATION_TYPES
from .declarations import Choice, Field, Record

#: Other names for the publication types, BibTeX's among them.
TYPE_ALIASES = {
    "article": "journal",
    "inproceedings": "conference",
    "proceedings": "conference",
    "paper": "conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "booklet": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "manual": "report",
    "technical report": "report",
    "unpublished": "preprint",
    "misc": "other",
    "online": "other",
}

LINK_ALIASES = {
    "html": "web",
    "website": "web",
    "project": "web",
    "supp": "supplemental",
    "supplementary": "supplemental",
    "supplement": "supplemental",
    "data": "dataset",
}


def _link(name: str, doc: str, example) -> Field:
    return Field(
        name,
        "link",
        doc,
        aliases=tuple(alias for alias, label in LINK_ALIASES.items() if label == name),
        examples=(example,),
    )


#: The labels of links that a publication's list shows by their own name.
LINKS = Record(
    "links",
    "links",
    "Links shown as [label]: a mapping of labels to a URL, a list of URLs, or a "
    "mapping of file labels to URLs. Any label is shown as written.",
    (
        _link("pdf", "The paper's PDF.", "papers/notes.pdf"),
        _link("code", "Source code.", "https://github.com/example/notes"),
        _link("web", "A web page of the work.", "https://example.org/notes/"),
        _link(
            "slides",
            "Slides.",
            {"ppt": "slides/notes.ppt", "pptx": "slides/notes.pptx"},
        ),
        _link("poster", "The poster.", "posters/notes.pdf"),
        _link("video", "A recording.", "https://example.org/videos/notes"),
        _link(
            "dataset",
            "A data set.",
            {"2-hop": "https://example.org/2hop", "3-hop": "https://example.org/3hop"},
        ),
        _link("supplemental", "Supplemental material.", "papers/notes-supp.pdf"),
        _link(
            "arxiv",
            "The arXiv page; made from `arxiv` when missing.",
            "https://arxiv.org/abs/1234.56789",
        ),
        _link(
            "doi",
            "The DOI's page; made from `doi` when missing.",
            "https://doi.org/10.1000/xyz",
        ),
    ),
    open=True,
    examples=(
        {
            "pdf": "papers/notes.pdf",
            "code": "https://github.com/example/notes",
            "slides": {"ppt": "slides/notes.ppt", "pptx": "slides/notes.pptx"},
        },
    ),
)

#: A person of a list of authors (speakers, advisors, ...), with more than a name.
AUTHOR = Record(
    "author",
    "person",
    "One person of a list, with more than a name; `name` or `person` is required.",
    (
        Field(
            "name",
            "text",
            "The name as shown: `Ada Lovelace` or `Lovelace, Ada`; a mark after it (`*`, `†`) is kept.",
            examples=("Ada Lovelace", "Lovelace, Ada*"),
        ),
        Field(
            "person",
            "text",
            "The id of the person in the people registry, who is then linked and highlighted whatever the spelling of `name`.",
            examples=("ada",),
        ),
        Field(
            "url",
            "url",
            "Where the name links, instead of the registry's `url`.",
            examples=("https://example.org/ada",),
        ),
        Field(
            "mark",
            "text",
            "A mark shown after the name, such as `*` for equal contribution.",
            examples=("*", "†"),
        ),
        Field(
            "equal",
            "flag",
            "Contributed equally with the other authors so marked: the name gets the site's mark for it (`*`, `scholar_author_marks`) and the list explains it once.",
            examples=(True,),
        ),
        Field(
            "corresponding",
            "flag",
            "The corresponding author: the name gets the site's mark for it (`†`, `scholar_author_marks`) and the list explains it once.",
            examples=(True,),
        ),
    ),
    one_of=("name", "person"),
)

#: A line under a publication, when it has links of its own.
RELATED_ITEM = Record(
    "related_item",
    "related item",
    "A line under the entry: a text, or a mapping with its own links.",
    (
        Field(
            "text",
            "text",
            "The line's text (required).",
            required=True,
            examples=("Extended version: Master's thesis, 1842.",),
        ),
        Field(
            "links",
            "links",
            "The line's own links.",
            record=LINKS,
            examples=({"pdf": "papers/thesis.pdf"},),
        ),
    ),
    or_text=True,
)

PUBLICATION = Record(
    "publication",
    "publication",
    "One publication. Only `title` is required (or `title_unknown`).",
    (
        Field(
            "key",
            "text",
            "The publication's key, unique in the file; talks and the `scholar:pub` role refer to it. Made up from the first author's last name, the year and a word of the title when missing.",
            examples=("lovelace1843notes",),
        ),
        Field(
            "type",
            "choice",
            "The kind of publication, which `:group: type` groups by",
            choice=Choice("publication type", PUBLICATION_TYPES, TYPE_ALIASES),
            examples=("journal", "inproceedings"),
        ),
        Field(
            "title",
            "text",
            "The title (required, unless `title_unknown` says it is not known); it links to `url` when there is one.",
            examples=("Notes on the Analytical Engine",),
        ),
        Field(
            "title_unknown",
            "flag",
            "Whether the title is not known, as in a list copied from a page that shows none: the entry is shown without a title line, instead of being left out for the lack of one.",
            examples=(True,),
        ),
        Field(
            "authors",
            "people",
            "The authors, in order: a list of names or of {name, person, url, mark} mappings, or one text joined by `and`.",
            record=AUTHOR,
            examples=(
                ["Lovelace, Ada*", "Charles Babbage"],
                "Ada Lovelace and Charles Babbage",
            ),
        ),
        Field(
            "authors_partial",
            "flag",
            "Whether `authors` names only some of the authors: the list shows them as written, and the BibTeX ends them with `and others`.",
            examples=(True,),
        ),
        Field(
            "editors",
            "people",
            "The editors, written like `authors`.",
            record=AUTHOR,
            examples=(["Charles Babbage"],),
        ),
        Field(
            "venue",
            "text",
            "Where it appeared: the journal, conference, book, school or institution.",
            examples=("Scientific Memoirs",),
        ),
        Field("year", "year", "The year of publication.", examples=(1843,)),
        Field(
            "month",
            "month",
            "The month of publication: 1 to 12 or a name.",
            examples=(10, "Oct"),
        ),
        Field(
            "date",
            "date",
            "The date of publication, instead of `year` and `month` (which win when given).",
            examples=("1843-10", "1843-10-01"),
        ),
        Field("volume", "text", "The volume.", examples=(3,)),
        Field("number", "text", "The number, or issue.", examples=(1,)),
        Field(
            "pages",
            "text",
            "The pages; `--` becomes an en dash.",
            examples=("666--731",),
        ),
        Field(
            "publisher",
            "text",
            "The publisher.",
            examples=("Richard and John E. Taylor",),
        ),
        Field(
            "status", "text", "A status shown after the year.", examples=("to appear",)
        ),
        Field(
            "notes",
            "texts",
            "Notes shown after the venue and year: a text or a list.",
            examples=(["Oral", "Best paper"], "Best paper"),
        ),
        Field(
            "abstract",
            "text",
            "The abstract: on the publication's page, and in lists whose `:show:` names `abstract`.",
            examples=("The engine weaves algebraic patterns.",),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/notes",),
        ),
        Field(
            "doi",
            "text",
            "The DOI, bare or as a `https://doi.org/` URL or `doi:` text; gives a [doi] link.",
            examples=("10.1000/xyz",),
        ),
        Field(
            "arxiv",
            "text",
            "The arXiv identifier, bare or as an arXiv URL or `arXiv:` text; gives an [arxiv] link.",
            examples=("1234.56789",),
        ),
        Field(
            "links",
            "links",
            "Links shown after the entry as [label], under any label; those of `links` have names of their own.",
            record=LINKS,
            examples=(
                {"pdf": "papers/notes.pdf", "code": "https://github.com/example/notes"},
            ),
        ),
        Field(
            "tags",
            "comma_texts",
            "Tags, for `:filter: tag == ...` and the interactive tag filter: a list or comma-separated text.",
            examples=(["engines", "poetry"], "engines, poetry"),
        ),
        Field(
            "selected",
            "flag",
            "Whether it is among the selected publications (`:filter: selected`).",
            examples=(True,),
        ),
        Field(
            "related",
            "related",
            "Lines under the entry, such as an extended version: a text or a {text, links} mapping, or a list of them.",
            record=RELATED_ITEM,
            examples=(
                [
                    {
                        "text": "Extended version: Master's thesis, 1842.",
                        "links": {"pdf": "papers/thesis.pdf"},
                    }
                ],
            ),
        ),
        Field(
            "abbr",
            "text",
            "A short name of the venue, shown as a badge before the title (al-folio's `abbr`); `scholar_venues_file` may give it a colour and a link.",
            examples=("ICML",),
        ),
        Field(
            "preview",
            "text",
            "A small picture of the work, a file of the site (looked for like the files of links) or an https address, shown beside the entry in HTML.",
            aliases=("thumbnail",),
            examples=("images/notes.png",),
        ),
        Field(
            "bibtex",
            "text",
            "The entry's BibTeX, shown on its page and exported; made from the other fields when missing.",
            examples=(
                "@article{lovelace1843notes, title = {Notes on the Analytical Engine}}",
            ),
        ),
    ),
    one_of=("title", "title_unknown"),
)

FIELDS = PUBLICATION.names
