"""The end of a publication page: how to cite it, as a sentence in the
site's style, as BibTeX and as RIS, each with a copy button (added by the
page's script; without JavaScript the text is there to select)."""

from __future__ import annotations

import html
from functools import lru_cache

from docutils import nodes

from .citation import citation_bibtex
from .model import Publication
from .ris import ris_entry
from .translations import _


def citation_text(record: Publication, venue_line: list[nodes.Node]) -> str:
    """``Ada Lovelace, Charles Babbage. Notes. Scientific Memoirs, 1843.``:
    authors, title and venue line (as the site's lists write it)."""
    names = ", ".join(author.display for author in record.authors)
    if names and record.authors_partial:
        names += ", " + str(_("et al."))
    venue = "".join(node.astext() for node in venue_line).strip()
    sentence = [
        part if part.endswith((".", "?", "!")) else part + "."
        for part in (names, record.title)
        if part
    ]
    return " ".join([*sentence, venue] if venue else sentence)


@lru_cache(maxsize=64)
def _copyable_start(classes: str, copy: str, copied: str, name: str) -> str:
    """The opening tag of a block with a copy button, whose words are
    ``copy``, ``copied`` and ``name`` (in the site's language)."""
    labels = " ".join(
        f'data-{attribute}="{html.escape(text, quote=True)}"'
        for attribute, text in (("copy", copy), ("copied", copied), ("copy-name", name))
    )
    return f'<div class="{classes} scholar-copyable notranslate" {labels}>'


def _copyable(classes: str, name: str, inner: str) -> nodes.raw:
    start = _copyable_start(classes, str(_("Copy")), str(_("Copied")), name)
    return nodes.raw("", f"{start}{inner}</div>\n", format="html")


def citation_section(
    record: Publication, venue_line: list[nodes.Node]
) -> list[nodes.Node]:
    """ "Cite": the sentence (made with ``venue_line``, the page's venue
    line), the BibTeX and the RIS. The BibTeX and RIS are plain blocks
    styled like the theme's code: colouring thousands of pages' BibTeX would
    cost more than writing the pages."""
    result: list[nodes.Node] = []
    label = str(_("Cite"))
    result.append(nodes.rubric(label, label))
    sentence = html.escape(citation_text(record, venue_line))
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
