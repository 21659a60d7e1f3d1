"""Text helpers: LaTeX to Unicode, name keys for matching, stable slugs."""

from __future__ import annotations

import codecs
import functools
import hashlib
import html
import re
import unicodedata

# Logos and commands that latexcodec leaves alone.
_LATEX_WORDS = {
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2e",
    "BibTeX": "BibTeX",
    "MF": "Metafont",
    "MP": "MetaPost",
    "AmS": "AMS",
    "ConTeXt": "ConTeXt",
    "XeTeX": "XeTeX",
    "LuaTeX": "LuaTeX",
    "eTeX": "e-TeX",
    "pdfTeX": "pdfTeX",
    "slash": "/",
    "ldots": "…",
    "dots": "…",
}
_NEEDS_LATEX = re.compile(r"[\\{}~$]|--")
#: what latexcodec would change besides braces and dashes
_NEEDS_DECODING = re.compile(r"[\\~$%`]|''")
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")
_ESCAPED = re.compile(r"\\([$&%#_{}])")
_SPACES = re.compile(r"\s+")
_KEEP = {c: chr(0xE000 + i) for i, c in enumerate("$&%#_{} ")}
_RESTORE = {ord(v): k for k, v in _KEEP.items()}
# Rewritten before decoding: a dotless i under an accent is a plain i
# (``\"{\i}``), a line break or a control space is a space, and a hyperlink
# shows its text.
_BEFORE_DECODING = (
    (re.compile(r"\\([ij])(?![A-Za-z])\s*"), r"\1"),
    (re.compile(r"\{\\([ij])\}"), r"\1"),
    # (the optional argument of ``\\[2pt]`` holds no bracket: a scan that
    # stops at the next one is linear on ``\\[\\[\\[...``)
    (re.compile(r"\\\\(\[[^\[\]]*\])?|\\ "), _KEEP[" "]),
    (re.compile(r"\\href\s*\{[^{}]*\}"), ""),
)


@functools.lru_cache(maxsize=8192)  # names come back entry after entry
def latex_to_text(value: str) -> str:
    """Turn a BibTeX field value into plain Unicode text.

    Accents and escapes become characters, ``--`` an en dash, braces that
    protect capitals disappear, and formatting commands keep their argument.
    HTML entities that exports from the web leave (``Knowledge \\&amp; Data``)
    become their characters.
    """
    if not _NEEDS_LATEX.search(value):
        return _without_entities(_SPACES.sub(" ", value).strip())
    if not _NEEDS_DECODING.search(value):  # ``{GPU}s for {B}ayesian``, ``1--9``
        value = value.replace("---", "\u2014").replace("--", "\u2013")
        value = value.replace("{", "").replace("}", "")  # after: ``-{-}-``
        return _without_entities(_SPACES.sub(" ", value).strip())
    return _without_entities(_decoded(value))


_ENTITY = re.compile(
    r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)


def _without_entities(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda match: html.unescape(match.group()), text)


def _decoded(value: str) -> str:
    import latexcodec  # noqa: F401  (registers the "ulatex" codec; loaded when needed)

    for pattern, replacement in _BEFORE_DECODING:
        value = pattern.sub(replacement, value)
    try:
        # latexcodec's codec decodes text, which typeshed's codecs.decode does not know
        text = codecs.decode(value, "ulatex")  # type: ignore[call-overload]
    except Exception:  # latexcodec gives up on some malformed input
        text = value
    # Escaped characters are set aside so that the brace and math-shift
    # clean-up below does not remove them.
    text = _ESCAPED.sub(lambda m: _KEEP[m.group(1)], text)
    text = _COMMAND.sub(lambda m: _LATEX_WORDS.get(m.group(1), ""), text)
    text = text.replace("\\", "")
    text = text.replace("{", "").replace("}", "").replace("$", "")
    text = text.translate(_RESTORE)
    return _SPACES.sub(" ", text).strip()


# Letters that carry no Unicode decomposition but should match their base letter.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ð": "d",
        "þ": "th",
    }
)
#: Marks written after a name for equal contribution, corresponding author, etc.
NAME_MARKS = "*†‡§¶#^"
#: what ``\s`` matches, and the marks
_BLANKS_AND_MARKS = (
    "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + NAME_MARKS
)


def fold(text: str) -> str:
    """Lower case without accents, for comparisons people expect to be loose."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def split_mark(name: str) -> tuple[str, str]:
    """``"Ada Lovelace*"`` -> ``("Ada Lovelace", "*")``."""
    # Blanks and marks are stripped from the end, not searched for: a pattern
    # ending in ``[...]+$`` tries every start in a run of blanks (quadratic).
    end = len(name.rstrip(_BLANKS_AND_MARKS))
    if end == len(name):
        return name.strip(), ""
    return name[:end].strip(), name[end:].strip()


#: " and " between names; a run of blanks is tried from its start only (the
#: look-behind), so that a long run costs its length once, not its square.
_AND = re.compile(r"(?<!\s)\s+and\s+")


def split_names(value: str) -> list[str]:
    """``"Ada Lovelace and Charles Babbage"`` -> the two names, as BibTeX
    splits them (empty parts left out)."""
    return [part for part in _AND.split(value) if part.strip()]


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d."}


def natural_order(name: str) -> str:
    """``"Lovelace, Ada"`` -> ``"Ada Lovelace"``; ``"King, Jr."`` stays as it is."""
    if name.count(",") != 1:
        return name
    last, first = (part.strip() for part in name.split(","))
    if not first or not last or first.lower() in _SUFFIXES:
        return name
    return f"{first} {last}"


@functools.lru_cache(maxsize=8192)  # each author is matched on every entry
def name_key(name: str) -> str:
    """A key under which two spellings of one name are equal.

    Ignores marks, case, accents, periods and hyphens, and reads
    ``"Last, First"`` as ``"First Last"``.
    """
    name, _ = split_mark(name)
    name = fold(natural_order(name))
    name = re.sub(r"[.\-‐‑]", " ", name)
    return " ".join(name.split())


_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
#: Slugs name files (publication pages, calendars): longer ones are cut, and
#: told apart by a hash, so that no data makes a file name too long to write.
SLUG_MAX = 80


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def plain_slug(text: str) -> str:
    """``"ICML 2015"`` -> ``"icml-2015"``: readable, for names that rarely meet."""
    plain = _SLUG_UNSAFE.sub("-", fold(text)).strip("-") or "x"
    if len(plain) > SLUG_MAX:
        return f"{plain[:SLUG_MAX].rstrip('-')}-{_digest(text)}"
    return plain


def slug(text: str) -> str:
    """A stable, readable id for a key, distinct for keys that differ by accents.

    Keys that are not already plain lower-case ASCII, or that are too long,
    get a short hash of the original appended, so that ``Tèst`` and ``Tést``
    stay apart.
    """
    plain = _SLUG_UNSAFE.sub("-", fold(text)).strip("-")
    if plain == text and len(plain) <= SLUG_MAX:
        return plain
    plain = plain[:SLUG_MAX].rstrip("-")
    return f"{plain}-{_digest(text)}" if plain else _digest(text)
