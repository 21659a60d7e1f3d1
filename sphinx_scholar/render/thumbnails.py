"""The thumbnails of lists rendered when their page is written (see
:mod:`..deferred`) get the path Sphinx's image collector would have given
them while reading (see :func:`.nodes.image_node`), which the builders copy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class Thumbnails(SphinxPostTransform):
    """A site file's picture: its path, as the image collector writes it."""

    default_priority = 6  # after the lists are rendered (..deferred)

    def run(self, **kwargs) -> None:
        for image in self.document.findall(nodes.image):
            candidates: dict[str, str] = image.get("candidates", {})
            path = candidates.get("*")
            if path and image["uri"] == "/" + path:
                image["uri"] = path


def setup(app: Sphinx) -> dict:
    app.add_post_transform(Thumbnails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
