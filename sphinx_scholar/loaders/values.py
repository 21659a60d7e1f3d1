"""The values a data file writes the same in every format: URLs and dates.

A URL is read as a browser reads it, and linked only when its scheme is safe;
a date is a year, and a month and a day when written; a month is a number or
its name in one of five languages.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from ..text import fold

#: URL schemes a data file may link to; anything else is dropped with a warning.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "ftps"})

# Month names in English, French, Spanish, German and Italian, without accents.
_MONTH_NAMES = (
    "jan january janvier enero januar gennaio",
    "feb february fevrier febrero februar febbraio",
    "mar march mars marzo marz",
    "apr april avril abril aprile",
    "may mai mayo maggio",
    "jun june juin junio juni giugno",
    "jul july juillet julio juli luglio",
    "aug august aout agosto",
    "sep sept september septembre septiembre setiembre settembre",
    "oct october octobre octubre oktober ottobre",
    "nov november novembre noviembre",
    "dec december decembre diciembre dezember dicembre",
)
#: Each name of a month, to its number.
MONTHS = {
    name: number
    for number, names in enumerate(_MONTH_NAMES, start=1)
    for name in names.split()
}
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
#: tabs and line breaks, which browsers remove from anywhere in a URL
_URL_BREAKS = re.compile(r"[\t\n\r]+")
#: what else may not be in a URL as it is: other controls and blanks than the
#: space (a line separator, a no-break space); percent-encoded
_URL_ODD = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f]")


def _encoded(match: re.Match) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def clean_url(url: str) -> str:
    """The URL as a browser reads it: without blanks around it, without the
    tabs and line breaks inside it (a YAML block cut it in lines), and with the
    other controls and blanks but the space percent-encoded."""
    return _URL_ODD.sub(_encoded, _URL_BREAKS.sub("", url.strip()))


def safe_url(url: str) -> str | None:
    """The URL (see :func:`clean_url`) if its scheme is safe to link to (or it
    has none), else ``None``.

    Browsers ignore control characters and blanks inside a scheme
    (``java\\tscript:``), so the check looks at the URL without them.
    """
    compact = _CONTROL.sub("", url)
    if not compact:
        return None
    try:
        scheme = urlsplit(compact).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in SAFE_SCHEMES:
        return None
    if not scheme and ":" in compact.split("/", 1)[0]:
        return None  # a colon before any slash that urlsplit did not read as a scheme
    return clean_url(url)


def needs_cleaning(url: str) -> bool:
    """Whether :func:`clean_url` changes more of the URL than the blanks
    around it: a tab or line break, another control or blank than the space."""
    url = url.strip()
    return bool(_URL_BREAKS.search(url) or _URL_ODD.search(url))


def parse_month(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 12 else None
    if isinstance(value, str):
        text = fold(value.strip().strip("."))
        if text.isdigit():
            return parse_month(int(text))
        if text in MONTHS:
            return MONTHS[text]
        # "10 January", "02-04 May": the one month named in the text
        named = {MONTHS[word] for word in re.findall(r"[a-z]+", text) if word in MONTHS}
        if len(named) == 1:
            return named.pop()
    return None


def parse_date(value) -> tuple[int, int | None, int | None] | None:
    """Year, month and day of ``2019``, ``2019-06``, ``2019-06-14`` or a date."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    if isinstance(value, int) and not isinstance(value, bool):
        return (value, None, None) if 0 < value < 10000 else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _DATE.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month, day = (int(part) if part else None for part in match.group(2, 3))
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day
