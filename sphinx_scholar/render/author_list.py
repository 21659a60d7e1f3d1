"""Author lists: their marks explained, and long ones shortened.

The marks of equal contribution and of the corresponding author
(``scholar_author_marks``: ``*`` and ``†``), given as ``equal: true`` and
``corresponding: true`` or written after a name, are explained once, in a
line under the list that shows them.

Long author lists are shortened: ``:max-authors: N`` (``scholar_max_authors``)
shows the first N authors and "et al."; the highlighted people (the site's
owner, a lab's members) are shown wherever they are in the list, after an
ellipsis when authors before them are left out.

In HTML "et al." is a button that shows the whole list (both versions are in
the page: the short one shown, the whole one ``hidden`` until the button is
pressed, so that the page's search and an interactive list's filter see
every author). Builders that cannot press a button (LaTeX, text, man pages,
e-books) print the short list and "et al.".
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from docutils import nodes

from ..model import Author
from ..translations import _
from .nodes import people_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .context import RenderContext


class all_authors(nodes.Inline, nodes.TextElement):
    """The whole author list, shown when the reader asks (HTML only)."""


class et_al(nodes.Inline, nodes.TextElement):
    """ "et al.": in HTML, the button that shows :class:`all_authors`."""


def shown_authors(
    authors: tuple[Author, ...], limit: int, highlighted
) -> list[Author | None]:
    """The authors a list shortened to ``limit`` shows, in order, with
    ``None`` where authors are left out before a highlighted one."""
    shown: list[Author | None] = list(authors[:limit])
    gap = False
    for author in authors[limit:]:
        if highlighted(author):
            if gap:
                shown.append(None)
            shown.append(author)
            gap = False
        else:
            gap = True
    return shown


def author_nodes(
    authors: tuple[Author, ...], ctx: RenderContext, link_highlighted: bool = True
) -> list[nodes.Node]:
    """The authors of an entry, shortened to ``ctx.max_authors`` if longer."""
    limit = ctx.max_authors
    if not limit or len(authors) <= limit:
        return people_nodes(authors, ctx, link_highlighted)
    shown = shown_authors(
        authors,
        limit,
        lambda author: ctx.highlight.covers(author, ctx.registry.match(author)),
    )
    # the button: "et al." at the end, or the first ellipsis when the last
    # author is shown (the hidden ones are all before a highlighted one)
    ends_hidden = shown[-1] is not authors[-1]
    short = nodes.inline("", "", classes=["scholar-authors-short"])
    runs: list[list[Author]] = [[]]
    for author in shown:
        if author is None:
            runs.append([])
        else:
            runs[-1].append(author)
    for index, run in enumerate(runs):
        if index:
            short += nodes.Text(", ")
            if index == 1 and not ends_hidden:
                short += et_al("", "…", total=len(authors))
            else:
                short += nodes.Text("…")
            short += nodes.Text(", ")
        short.extend(people_nodes(tuple(run), ctx, link_highlighted))
    if ends_hidden:
        short += nodes.Text(", ")
        short += et_al("", str(_("et al.")), total=len(authors))
    full = all_authors(
        "", "", *people_nodes(authors, ctx, link_highlighted),
        classes=["scholar-authors-all"],
    )  # fmt: skip
    return [short, full]


#: what each mark of ``scholar_author_marks`` means, in the legend's order
MARK_MEANINGS = {
    "equal": _("Equal contribution"),
    "corresponding": _("Corresponding author"),
}


def marks_legend(records, ctx: RenderContext) -> nodes.paragraph | None:
    """``* Equal contribution. † Corresponding author.``: the marks the
    authors of ``records`` carry, explained; none when they carry none."""
    shown = ctx.author_marks or {}
    used = {
        mark
        for record in records
        for author in record.authors
        for mark in author.marks(shown)
    }
    parts = [
        f"{shown[meaning]} {label}."
        for meaning, label in MARK_MEANINGS.items()
        if shown.get(meaning) and set(shown[meaning]) <= used
    ]
    if not parts:
        return None
    return nodes.paragraph("", " ".join(parts), classes=["scholar-marks-legend"])


def _html_builder(translator) -> bool:
    """Whether the page can show the whole list on request (not e-books)."""
    return not translator.builder.name.startswith("epub")


def visit_et_al_html(translator, node: et_al) -> None:
    if not _html_builder(translator):
        return
    title = str(_("Show all %d authors")) % node["total"]
    translator.body.append(
        f'<button type="button" class="scholar-etal" title="{html.escape(title)}">'
        f"{html.escape(node.astext())}</button>"
    )
    raise nodes.SkipNode


def visit_all_authors_html(translator, node: all_authors) -> None:
    if not _html_builder(translator):
        raise nodes.SkipNode
    translator.body.append('<span class="scholar-authors-all" hidden>')


def depart_all_authors_html(translator, node: all_authors) -> None:
    translator.body.append("</span>")


def _skip(translator, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _pass(translator, node: nodes.Node) -> None:
    """The node's text, as written."""


def setup(app: Sphinx) -> dict:
    text = (_pass, _pass)
    app.add_node(
        et_al, html=(visit_et_al_html, _pass),
        latex=text, text=text, man=text, texinfo=text,
    )  # fmt: skip
    skip = (_skip, _pass)
    app.add_node(
        all_authors, html=(visit_all_authors_html, depart_all_authors_html),
        latex=skip, text=skip, man=skip, texinfo=skip,
    )  # fmt: skip
    return {"parallel_read_safe": True, "parallel_write_safe": True}
