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


_CODE_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*(\S*)")


def without_examples(text: str) -> str:
    """The text without its code blocks, whose directives are examples."""
    kept = []
    literal_indent = None  # inside an indented literal block (rST)
    code_fence = None  # inside a fenced code block (MyST)
    directive_fences = []  # MyST directives opened and not yet closed
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if code_fence is not None:
            if stripped.startswith(code_fence) and stripped.strip("`~") == "":
                code_fence = None
            continue
        if literal_indent is not None:
            if not stripped or indent > literal_indent:
                continue
            literal_indent = None
        fence = _FENCE.match(line)
        if fence:
            marker, info = fence.groups()
            if info.startswith("{"):
                directive_fences.append(marker)
            elif not info and directive_fences:
                directive_fences.pop()  # the end of a directive
            else:
                code_fence = marker
                continue
        code = _CODE_DIRECTIVE.match(line)
        if code:
            literal_indent = len(code.group(1))
        elif stripped.endswith("::") and not stripped.startswith(".."):
            literal_indent = indent  # "Example::" starts a literal block
        kept.append(line)
    return "\n".join(kept)


def named_files(text: str, document: str, srcdir: str) -> list[tuple[str, str]]:
    """``(path, kind)`` of the data files the directives of a source name,
    outside code blocks.

    A path is relative to the document, or to ``srcdir`` with a leading ``/``.
    """
    found = []
    for match in _DIRECTIVE_LINE.finditer(without_examples(text)):
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
