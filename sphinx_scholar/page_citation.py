"""The end of a publication page: how to cite it, as a sentence in the
site's style, as BibTeX and as RIS, each with a copy button (added by the
page's script; without JavaScript the text is there to select)."""

from __future__ import annotations

import html

from .citation import citation_bibtex
from .model import Publication
from .ris import ris_entry
from .translations import _


def citation_text(record: Publication, venue: str) -> str:
    """``Ada Lovelace, Charles Babbage. Notes. Scientific Memoirs, 1843.``:
    authors, title and venue line (``venue``, as the site's lists write it)."""
    names = ", ".join(author.display for author in record.authors)
    if names and record.authors_partial:
        names += ", " + str(_("et al."))
    venue = venue.strip()
    sentence = [
        part if part.endswith((".", "?", "!")) else part + "."
        for part in (names, record.title)
        if part
    ]
    return " ".join([*sentence, venue] if venue else sentence)


class CitationHeads:
    """The heading and opening tag of each block of "Cite" (the sentence,
    the BibTeX, the RIS), in the site's language: made once a build."""

    def __init__(self) -> None:
        copy, copied = str(_("Copy")), str(_("Copied"))
        self.sentence, self.bibtex, self.ris = (
            f'<p class="rubric">{html.escape(str(label), quote=False)}</p>\n'
            + _copyable_start(classes, copy, copied, str(name))
            for label, name, classes in (
                (_("Cite"), _("Copy citation"), "scholar-cite"),
                (_("BibTeX"), _("Copy BibTeX"), "scholar-bibtex highlight-bibtex"),
                (_("RIS"), _("Copy RIS"), "scholar-ris highlight-text"),
            )
        )


def _copyable_start(classes: str, copy: str, copied: str, name: str) -> str:
    """The opening tag of a block with a copy button, whose words are
    ``copy``, ``copied`` and ``name``."""
    labels = " ".join(
        f'data-{attribute}="{html.escape(text, quote=True)}"'
        for attribute, text in (("copy", copy), ("copied", copied), ("copy-name", name))
    )
    return f'<div class="{classes} scholar-copyable notranslate" {labels}>'


def citation_html(record: Publication, venue: str, heads: CitationHeads) -> str:
    """ "Cite": the sentence (made with ``venue``, the page's venue line),
    the BibTeX and the RIS, each a heading and a block to copy. The BibTeX
    and RIS are plain blocks styled like the theme's code: colouring
    thousands of pages' BibTeX would cost more than writing the pages."""
    sentence = html.escape(citation_text(record, venue))
    return (
        f'{heads.sentence}<p class="scholar-copy-text">{sentence}</p></div>\n'
        f"{heads.bibtex}{_code(citation_bibtex(record))}</div>\n"
        f"{heads.ris}{_code(ris_entry(record))}</div>\n"
    )


def _code(text: str) -> str:
    return f'<div class="highlight"><pre>{html.escape(text)}</pre></div>'
