"""Venue badges: the short names publication entries show before their title.

A record's ``abbr`` (al-folio's field) is its badge. The site may also keep
a small file of venues, ``scholar_venues_file``, YAML or JSON, mapping a
venue's name or short name to its badge::

    ICML: {badge: ICML, color: "#1f4e8c", url: https://icml.cc}
    International Conference on Machine Learning: ICML   # the badge's text
    NeurIPS: {color: "#6b2c91"}

A record is looked up by its ``abbr``, then by its venue (case aside).
Colours are CSS colours (``#1f4e8c``, ``rgb(...)``, a name): the badge is that
colour with white text, so a dark one reads best.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Subtype, warn
from ..loaders.values import safe_url
from ..state import state_of

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..model import Publication

#: a CSS colour that is safe in a ``style`` attribute
_COLOUR = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla|oklch|oklab)\([0-9.,%\s/a-z+-]{1,60}\))$"
)


@dataclass(frozen=True)
class Badge:
    text: str
    color: str = ""
    url: str = ""


def venues_path(env: BuildEnvironment) -> str:
    written = env.config.scholar_venues_file
    return os.path.join(env.srcdir, written) if written else ""


def note_venues(env: BuildEnvironment) -> None:
    """A page with a publication list depends on the venues file."""
    if env.config.scholar_venues_file:
        env.note_dependency(venues_path(env))


def site_venues(env: BuildEnvironment) -> dict[str, Badge]:
    """The venues file's badges, by name folded to lower case (``{}`` without one)."""
    path = venues_path(env)
    if not path:
        return {}
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        stamp = -1
    state = state_of(env)
    if state.venues is None or state.venues[0] != (path, stamp):
        state.venues = ((path, stamp), _read(path, env.config.scholar_venues_file))
    return state.venues[1]


def _read(path: str, written: str) -> dict[str, Badge]:
    import yaml  # here: a build without a venues file does not load PyYAML

    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        data = json.loads(text) if path.endswith(".json") else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as error:
        warn(
            f"scholar_venues_file {written}: {error}; no badge uses it",
            Subtype.data_file,
        )
        return {}
    if not isinstance(data, Mapping):
        warn(
            f"scholar_venues_file {written} should map venues to badges; it is ignored",
            Subtype.data_file,
        )
        return {}
    badges = {}
    for name, value in data.items():
        if isinstance(value, str):
            value = {"badge": value}
        if not isinstance(value, Mapping):
            warn(
                f"scholar_venues_file {written}: {name!r} should be a badge's text "
                "or a mapping of badge, color and url; it is left out",
                Subtype.field_type,
            )
            continue
        colour = str(value.get("color") or value.get("colour") or "").strip()
        if colour and not _COLOUR.match(colour):
            warn(
                f"scholar_venues_file {written}: {colour!r} of {name!r} is not a CSS "
                "colour; the badge has the default one",
                Subtype.field_type,
            )
            colour = ""
        url = safe_url(str(value.get("url") or "")) or ""
        badges[str(name).strip().casefold()] = Badge(
            str(value.get("badge") or name).strip(), colour, url
        )
    return badges


def badge_of(record: Publication, venues: Mapping[str, Badge]) -> Badge | None:
    """The badge of a record: its ``abbr`` (styled by the venues file when
    the file knows it), or the venues file's badge of its venue."""
    if record.abbr:
        return venues.get(record.abbr.strip().casefold()) or Badge(record.abbr)
    if record.venue:
        return venues.get(record.venue.strip().casefold())
    return None
