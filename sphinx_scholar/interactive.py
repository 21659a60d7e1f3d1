"""Interactive publication lists, for HTML builders only.

A list rendered with ``:interactive:`` is marked on its nodes; in HTML, a
post-transform wraps the marked nodes in a ``<div class="scholar-interactive">``
whose ``data-*`` attributes carry the settings and the translated labels, gives
each entry ``data-*`` attributes to sort and filter on, and adds the abstracts
the script previews. The script (``static/sphinx-scholar.js``) adds the
controls. Without the script the list is complete, abstracts included; other
builders get the ordinary list.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: node attribute: the id shared by every top node of one interactive list
LIST_ID = "scholar_list"
#: node attribute on the first top node: the list's settings
SETTINGS = "scholar_settings"
#: node attribute on an entry: what the script sorts and filters on
ENTRY_DATA = "scholar_data"
#: node attribute on an entry: an abstract that only the script shows
ABSTRACT = "scholar_abstract"

FEATURES = ("sort", "search", "type", "tag", "abstract", "bibtex")
#: the orders an interactive list's sort menu may offer (``:sort-options:``)
SORT_OPTIONS = ("default", "title-asc", "title-desc", "year-asc", "year-desc")


def labels(overrides: dict | None = None) -> dict[str, str]:
    """Every word the script shows, translated here, handed over as data;
    ``overrides`` (``scholar_interactive_labels``) replaces some of them."""
    words = {
        "controls": str(_("Sort and filter the list")),
        "sort": str(_("Sort by")),
        "default": str(_("Default order")),
        "title-asc": str(_("Title")),
        "title-desc": str(_("Title, descending")),
        "year-asc": str(_("Year")),
        "year-desc": str(_("Year, descending")),
        "search": str(_("Filter")),
        "search-hint": str(_("Title, author or venue")),
        "type": str(_("Type")),
        "tag": str(_("Tag")),
        "all": str(_("All")),
        "abstract": str(_("Preview abstract")),
        "abstract-hide": str(_("Hide abstract")),
        "bibtex": str(_("BibTeX")),
        "bibtex-hide": str(_("Hide BibTeX")),
        "copy": str(_("Copy")),
        "copied": str(_("Copied")),
        "count": str(_("{shown} of {total} publications")),
    }
    for name, text in (overrides or {}).items():
        if name in words and isinstance(text, str):
            words[name] = text
    return words


class scholar_interactive(nodes.General, nodes.Element):
    """``<div class="scholar-interactive" data-...>`` around one list."""


class scholar_entry(nodes.list_item):
    """A list item with ``data-*`` attributes."""


def _data_attributes(data: dict) -> dict[str, str]:
    return {
        f"data-{name}": str(value)
        for name, value in data.items()
        if value not in (None, "")
    }


def visit_interactive(self, node: scholar_interactive) -> None:
    self.body.append(
        self.starttag(
            node, "div", CLASS="scholar-interactive", **_data_attributes(node["data"])
        )
    )


def depart_interactive(self, node: scholar_interactive) -> None:
    self.body.append("</div>\n")


def visit_entry(self, node: scholar_entry) -> None:
    data = dict(node["data"])
    bibtex = data.pop("bibtex", "")
    tag = self.starttag(node, "li", "", **_data_attributes(data))
    if bibtex:
        # docutils would turn its line breaks into spaces: written here, kept
        escaped = html.escape(bibtex, quote=True).replace("\n", "&#10;")
        tag = tag[: tag.rindex(">")] + f' data-bibtex="{escaped}">'
    self.body.append(tag)


def depart_entry(self, node: scholar_entry) -> None:
    self.body.append("</li>\n")


class InteractiveLists(SphinxPostTransform):
    """HTML: wrap each interactive list, and give its entries their data."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for item in list(self.document.findall(nodes.list_item)):
            data = item.get(ENTRY_DATA)
            if data is None:
                continue
            attributes = {
                k: v
                for k, v in item.attributes.items()
                if k not in (ENTRY_DATA, ABSTRACT)
            }
            entry = scholar_entry("", *item.children, **attributes)
            entry["data"] = data
            if item.get(ABSTRACT):
                # in the page, for the script's "Preview abstract" (and for
                # visitors without the script), though the list hides abstracts;
                # before a link to the publication's page put last
                text = item[ABSTRACT]
                abstract = nodes.paragraph(text, text, classes=["scholar-abstract"])
                last = entry.children[-1] if entry.children else None
                if isinstance(
                    last, nodes.Element
                ) and "scholar-details-line" in last.get("classes", ()):
                    entry.insert(len(entry.children) - 1, abstract)
                else:
                    entry += abstract
            item.replace_self(entry)
        # (by class, not by a function: docutils walks a long page much faster)
        for first in [
            node
            for node in self.document.findall(nodes.Element)
            if SETTINGS in node.attributes
        ]:
            parent = first.parent
            list_id = first[LIST_ID]
            members = [
                child
                for child in parent.children
                if isinstance(child, nodes.Element) and child.get(LIST_ID) == list_id
            ]
            wrapper = scholar_interactive()
            settings = first[SETTINGS]
            wrapper["data"] = {
                "features": " ".join(settings["features"]),
                "sort-options": " ".join(settings.get("sort-options") or SORT_OPTIONS),
                "labels": json.dumps(
                    labels(self.config.scholar_interactive_labels),
                    ensure_ascii=False,
                ),
            }
            parent.insert(parent.index(members[0]), wrapper)
            for member in members:
                parent.remove(member)
                wrapper += member


def setup(app: Sphinx) -> None:
    app.add_node(scholar_interactive, html=(visit_interactive, depart_interactive))
    app.add_node(scholar_entry, html=(visit_entry, depart_entry))
    app.add_post_transform(InteractiveLists)
