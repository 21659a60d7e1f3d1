"""The end of a publication page: how to cite it, as a sentence in the
site's style, as BibTeX and as RIS, each with a copy button (added by the
page's script; without JavaScript the text is there to select)."""

from __future__ import annotations

import html

from docutils import nodes

from .citation import citation_bibtex
from .model import Publication
from .render.context import RenderContext
from .render.publications import DEFAULT_PARTS
from .render.venue_line import venue_nodes
from .ris import ris_entry
from .translations import _


def citation_text(record: Publication, ctx: RenderContext) -> str:
    """``Ada Lovelace, Charles Babbage. Notes. Scientific Memoirs, 1843.``:
    authors, title and venue line as the site's lists write them."""
    names = ", ".join(author.display for author in record.authors)
    if names and record.authors_partial:
        names += ", " + str(_("et al."))
    venue = "".join(
        node.astext() for node in venue_nodes(record, DEFAULT_PARTS - {"links"}, ctx)
    ).strip()
    sentence = [
        part if part.endswith((".", "?", "!")) else part + "."
        for part in (names, record.title)
        if part
    ]
    return " ".join([*sentence, venue] if venue else sentence)


def _copy_labels(name: str) -> str:
    """The words of a block's copy button, in the site's language."""
    return " ".join(
        f'data-{attribute}="{html.escape(str(text), quote=True)}"'
        for attribute, text in (
            ("copy", _("Copy")),
            ("copied", _("Copied")),
            ("copy-name", name),
        )
    )


def _copyable(classes: str, name: str, inner: str) -> nodes.raw:
    return nodes.raw(
        "",
        f'<div class="{classes} scholar-copyable notranslate" {_copy_labels(name)}>'
        f"{inner}</div>\n",
        format="html",
    )


def citation_section(record: Publication, ctx: RenderContext) -> list[nodes.Node]:
    """ "Cite": the sentence, the BibTeX and the RIS. The BibTeX and RIS are
    plain blocks styled like the theme's code: colouring thousands of pages'
    BibTeX would cost more than writing the pages."""
    result: list[nodes.Node] = []
    label = str(_("Cite"))
    result.append(nodes.rubric(label, label))
    sentence = html.escape(citation_text(record, ctx))
    result.append(
        _copyable(
            "scholar-cite",
            str(_("Copy citation")),
            f'<p class="scholar-copy-text">{sentence}</p>',
        )
    )
    for label, name, text, classes in (
        (_("BibTeX"), _("Copy BibTeX"), citation_bibtex(record),
         "scholar-bibtex highlight-bibtex"),
        (_("RIS"), _("Copy RIS"), ris_entry(record), "scholar-ris highlight-text"),
    ):  # fmt: skip
        result.append(nodes.rubric(str(label), str(label)))
        result.append(
            _copyable(
                classes,
                str(name),
                f'<div class="highlight"><pre>{html.escape(text)}</pre></div>',
            )
        )
    return result
