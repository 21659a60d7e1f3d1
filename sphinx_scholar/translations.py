"""The extension's message catalog: every label it writes goes through ``_``."""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_scholar"

_ = get_translation(MESSAGE_CATALOG)
