"""Names that link to their person's page (``scholar_people_pages``), for the
people the registry gives no ``url`` of their own. A name is rendered as a
reference marked with the person's id; the reference is pointed at the page
when the page is written, as the links to publication pages are, or becomes
plain text where the builder makes no such pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes

from .site_people import registry_for
from .text import slug

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: on a reference: the id of the person whose page it links to
PERSON_KEY = "scholar_person_page"


def point_person_links(
    tree: nodes.Element, uri_of: Callable[[str], str | None]
) -> None:
    """Point each marked name of ``tree`` at ``uri_of(person id)``, or make
    it text where that is ``None``."""
    for node in list(tree.findall(nodes.reference)):
        person = node.attributes.pop(PERSON_KEY, None)
        if person is None:
            continue
        uri = uri_of(person)
        if uri is None:
            node.replace_self(node.children)
        else:
            node["refuri"] = uri
            node["internal"] = True


def people_page_names(app: Sphinx) -> dict[str, str]:
    """Person id -> the name of their page, where the site has people pages."""
    folder = app.config.scholar_people_pages
    if not folder:
        return {}
    return {
        person_id: f"{folder}/{slug(person_id)}"
        for person_id in registry_for(app.env).people
    }
