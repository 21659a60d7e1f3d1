"""Links in BibTeX: the link fields (``pdf``, ``code``, ``slides`` and the
like, and ``links``), each item of a field that lists several, and URLs written
as ``\\url{...}`` or ``\\href{...}{...}``."""

from __future__ import annotations

import re

from ..publications import file_label

#: BibTeX fields holding links, and the link label each becomes.
LINK_FIELDS = {
    "pdf": "pdf",
    "code": "code",
    "html": "web",
    "web": "web",
    "website": "web",
    "slides": "slides",
    "poster": "poster",
    "video": "video",
    "supp": "supplemental",
    "supplemental": "supplemental",
    "supplementary": "supplemental",
    "dataset": "dataset",
    "data": "dataset",
    "blog": "blog",
}
#: The field of labelled links of any kind: ``links = {ppt: a.ppt, code: ...}``.
FREE_LINKS = "links"
#: A link field may list several files: ``{ppt: a.ppt, pptx: a.pptx}`` or
#: ``{a.ppt a.pptx}``. Items are split at commas, then read from the left: an
#: item is a label, ``: `` and a URL, or a URL alone.
_BLANKS = re.compile(r"\s*")
_URL = re.compile(r"\S+")
_LABEL_END = re.compile(r":\s+(?=\S)")


#: ``\url{URL}`` and ``\href{URL}{text}``, as people write links in BibTeX
_URL_COMMAND = re.compile(r"\\(?:url|href)\s*\{([^{}]*)\}(?:\s*\{[^{}]*\})?")


def verbatim(value: str) -> str:
    r"""A value used verbatim (URLs, DOIs): only the protecting braces go, and
    a link written as ``\url{...}`` or ``\href{...}{...}`` is its URL."""
    if "\\" in value:
        value = _URL_COMMAND.sub(r"\1", value)
    return (
        value.replace("{", "")
        .replace("}", "")
        .replace("\\_", "_")
        .replace("\\%", "%")
        .strip()
    )


def _after_blanks(text: str, position: int = 0) -> int:
    """Where the blanks at ``position`` end."""
    blanks = _BLANKS.match(text, position)
    assert blanks is not None  # \s* matches anywhere
    return blanks.end()


def link_items(value: str) -> list[tuple[str, str]]:
    """``(label, url)`` of each item; the label is empty when there is none."""
    items = []
    for part in verbatim(value).split(","):
        # The label of an item runs to the part's next colon, if a blank and
        # a URL follow it; that colon is found once for all the items before
        # it (looked for again from each item, it made long parts quadratic).
        colon, label_end = -1, None
        position = _after_blanks(part)
        while position < len(part):
            label = ""
            if colon < position:
                colon = part.find(":", position)
                if colon < 0:
                    colon = len(part)  # none left: not looked for again
                label_end = _LABEL_END.match(part, colon)
            if label_end and colon > position:
                label = part[position:colon].rstrip()
                position = label_end.end()
            url = _URL.match(part, position)
            assert url is not None  # at a character after blanks
            items.append((label, url.group()))
            position = _after_blanks(part, url.end())
    return items


def link_value(value: str):
    items = link_items(value)
    if len(items) == 1 and not items[0][0]:
        return items[0][1]
    if not any(label for label, _ in items):
        return [url for _, url in items]  # labelled by file_labels
    return {label or file_label(url): url for label, url in items}
