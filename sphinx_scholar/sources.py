"""Which data files a site's pages name, found by reading their sources.

Used before Sphinx reads anything: to write the publication pages, to parse
data files once before parallel workers fork, and by ``sphinx-scholar check``.
A quick look at the text, not a parse: a file it misses is still read by the
directive that names it.
"""

from __future__ import annotations

import os
import re

#: The kind of data file each directive reads.
DIRECTIVE_KINDS = {
    "publications": "publications",
    "talks": "talks",
    "cv": "cv",
    "people": "people",
    "sponsorship": "event",
    "event-roles": "event",
    "event-program": "event",
    "event": "event",
    "awards": "awards",
}

#: ``.. publications:: FILE`` in reStructuredText, ```{publications} FILE`` in MyST
_DIRECTIVE_LINE = re.compile(
    r"^[ \t]*(?:\.\.[ \t]+([\w-]+)::|(?:`{3,}|:{3,})\{([\w-]+)\})[ \t]*(\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)


def named_files(text: str, document: str, srcdir: str) -> list[tuple[str, str]]:
    """``(path, kind)`` of the data files the directives of a source name.

    A path is relative to the document, or to ``srcdir`` with a leading ``/``.
    """
    found = []
    for match in _DIRECTIVE_LINE.finditer(text):
        kind = DIRECTIVE_KINDS.get(match.group(1) or match.group(2))
        if kind is None:
            continue
        written = match.group(3)
        if written.startswith("/"):
            path = os.path.join(srcdir, written.lstrip("/"))
        else:
            path = os.path.join(os.path.dirname(document), written)
        found.append((os.path.normpath(path), kind))
    return found
