"""sphinx-scholar: academic websites with Sphinx."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0.dev0"


def setup(app: Sphinx) -> dict[str, Any]:
    from .extension import setup as setup_extension

    return setup_extension(app)
