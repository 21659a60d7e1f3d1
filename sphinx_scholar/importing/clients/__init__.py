"""The services, one module each, and what they share: the client libraries
are imported only when an identifier needs them, with a message naming the
extra to install when they are missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..http import ServiceError


class MissingClient(ServiceError):
    """A client library of the ``import`` extra is not installed."""


def client_library(name: str, service: str) -> ModuleType:
    """The module ``name``, or :class:`MissingClient` saying how to get it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingClient(
            f"asking {service} needs the {name} package: "
            "pip install 'sphinx-scholar[import]'"
        ) from None
