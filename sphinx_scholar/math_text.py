"""Math in titles and abstracts: where it is (``$...$``), whether it may be
given to LaTeX and MathJax, and the text and math of a value in turn."""

from __future__ import annotations

import re

from .math_unicode import math_to_text
from .text import latex_to_text

#: a character that stands for a piece of math while the text around it is
#: decoded (from a Unicode private use area; removed from values beforehand)
_MATH_MARK = "\ue100"
#: an escape (``\$``, ``\\``) or a math shift: ``$`` or ``$$``
_MATH_TOKEN = re.compile(r"\\.|\$\$?", re.DOTALL)


def split_math(value: str, latex: bool = True) -> list[str]:
    r"""``"An $O(n)$ way"`` -> ``["An ", "O(n)", " way"]``: text and math in
    turn (text first and last), the text as written (escapes kept).

    Only balanced pairs are math: ``$...$`` or ``$$...$$``; ``\$`` is a
    dollar sign, and a ``$`` left without a partner is text. With ``latex``
    false (YAML and JSON, the rule of Markdown's math), a ``$`` opens math
    only before a non-blank and closes it only after one, so that "from $5
    to $10" and "US$ 5" stay text. One pass: the closer each ``$`` could
    take is known from the next one, looked up in tables made from the end.
    """
    if "$" not in value:
        return [value]
    tokens = [
        [match.start(), match.end()]
        for match in _MATH_TOKEN.finditer(value)
        if match.group()[0] == "$"
    ]
    count = len(tokens)
    # the index of the first token from i on that can close a $ (a $$)
    next_single = [count] * (count + 1)
    next_double = [count] * (count + 1)
    for index in range(count - 1, -1, -1):
        start, end = tokens[index]
        double = end - start == 2
        next_double[index] = index if double else next_double[index + 1]
        closes = (
            True
            if latex
            else not double and start > 0 and not value[start - 1].isspace()
        )
        next_single[index] = index if closes else next_single[index + 1]
    pieces: list[str] = []
    text_from = 0
    index = 0
    while index < count:
        start, end = tokens[index]
        if end - start == 2:  # $$: display math, to the next $$
            closer = next_double[index + 1]
            if closer < count:
                pieces += [value[text_from:start], value[end : tokens[closer][0]]]
                text_from = tokens[closer][1]
                index = closer + 1
            else:
                index += 1
            continue
        if not latex and (end == len(value) or value[end].isspace()):
            index += 1  # "US$ 5": not an opening $
            continue
        closer = next_single[index + 1]
        if closer >= count:
            index += 1
            continue
        close_start, close_end = tokens[closer]
        pieces += [value[text_from:start], value[end:close_start]]
        if close_end - close_start == 2:
            # ``$a$$b$``: the first $ of the pair closes, the second opens
            text_from = close_start + 1
            tokens[closer][0] = close_start + 1
            index = closer
        else:
            text_from = close_end
            index = closer + 1
    pieces.append(value[text_from:])
    return pieces


#: an escape, or a ``$`` that is not one
_LONE_DOLLAR = re.compile(r"\\.|\$", re.DOTALL)


def _dollar(match: re.Match) -> str:
    return "\\$" if match.group() == "$" else match.group()


def latex_pieces(value: str) -> tuple[str, ...]:
    r"""A BibTeX value as text and math in turn: the text decoded as
    :func:`latex_to_text` decodes it, the math as its LaTeX source (blanks
    collapsed). ``An $\mathcal{O}(n)$ way`` -> ``("An ", r"\mathcal{O}(n)",
    " way")``; a value without math is one piece."""
    if "$" not in value:
        return (latex_to_text(value),)
    value = value.replace(_MATH_MARK, "")
    pieces = split_math(value, latex=True)
    if len(pieces) == 1:  # a $ without a partner is a dollar sign
        return (latex_to_text(_LONE_DOLLAR.sub(_dollar, value)),)
    maths = []
    marked = [_LONE_DOLLAR.sub(_dollar, pieces[0])]
    for math, text in zip(pieces[1::2], pieces[2::2], strict=True):
        math = " ".join(math.split())
        if math:  # ``$ $`` shows nothing
            maths.append(math)
            marked.append(_MATH_MARK)
        marked.append(_LONE_DOLLAR.sub(_dollar, text))
    decoded = latex_to_text("".join(marked)).split(_MATH_MARK)
    if len(decoded) != len(maths) + 1:  # not expected: the text alone, then
        return (latex_to_text(value),)
    result = [decoded[0]]
    for math, text in zip(maths, decoded[1:], strict=True):
        result += [math, text]
    return tuple(result)


def marked_math(pieces: tuple[str, ...]) -> str:
    r"""Text and math in turn written back as one value that
    :func:`text_and_math` reads as them: math between dollars, a dollar of
    the text as ``\$``."""
    written = []
    for index, piece in enumerate(pieces):
        if index % 2:
            written.append(f"${piece}$")
        else:
            written.append(piece.replace("$", "\\$"))
    return "".join(written)


def text_and_math(value: str) -> tuple[str, tuple[str, ...]]:
    r"""A title or abstract as written in YAML or JSON (or as
    :func:`marked_math` writes it): its readable text, and its text and
    math in turn (``()`` when it holds no math). ``\$`` is a dollar sign."""
    if "$" not in value:
        return value, ()
    pieces = split_math(value, latex=False)
    texts = [piece.replace("\\$", "$") for piece in pieces[::2]]
    if len(pieces) == 1:
        return texts[0], ()
    maths = [" ".join(piece.split()) for piece in pieces[1::2]]
    result: list[str] = [texts[0]]
    for math, text in zip(maths, texts[1:], strict=True):
        if safe_math(math):
            result += [math, text]
        else:  # shown as written
            result[-1] += f"${math}${text}"
    if len(result) == 1:
        return result[0], ()
    return math_pieces_text(result), tuple(result)


#: TeX and MathJax commands that math from a data file may not use: they
#: read or write files, define or change commands, end the document, or (in
#: MathJax) make links, styles and HTML attributes
_UNSAFE_MATH = frozenset(
    [
        "input",
        "include",
        "InputIfFileExists",
        "openin",
        "openout",
        "read",
        "readline",
        "write",
        "immediate",
        "closein",
        "closeout",
        "special",
        "shipout",
        "output",
        "directlua",
        "latelua",
        "pdfprimitive",
        "def",
        "edef",
        "gdef",
        "xdef",
        "let",
        "futurelet",
        "newcommand",
        "renewcommand",
        "providecommand",
        "DeclareRobustCommand",
        "DeclareMathOperator",
        "newenvironment",
        "renewenvironment",
        "catcode",
        "lccode",
        "uccode",
        "mathcode",
        "delcode",
        "sfcode",
        "csname",
        "endcsname",
        "expandafter",
        "noexpand",
        "afterassignment",
        "aftergroup",
        "everypar",
        "everymath",
        "everydisplay",
        "everyhbox",
        "everyvbox",
        "everyjob",
        "everyeof",
        "scantokens",
        "makeatletter",
        "makeatother",
        "usepackage",
        "RequirePackage",
        "documentclass",
        "begin",
        "end",
        "endinput",
        "dump",
        "batchmode",
        "errmessage",
        "message",
        "typeout",
        "outer",
        "long",
        "global",
        "setbox",
        "vbox",
        "hbox",
        "href",
        "url",
        "class",
        "cssId",
        "style",
        "html",
        "data",
        "require",
        "unicode",
        "mmlToken",
    ]
)
_MATH_CHECKED = re.compile(r"\\([A-Za-z@]+)|\\.|[{}%#&]|\^\^", re.DOTALL)


def safe_math(source: str) -> bool:
    """Whether math from a data file may go to the page as math: its braces
    balance, and it holds no comment (``%``), no ``#``, ``&`` or ``^^``, and
    none of the commands of :data:`_UNSAFE_MATH`. Other math is shown as
    written, as text: LaTeX output writes math as it is."""
    depth = 0
    for match in _MATH_CHECKED.finditer(source):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
        elif token in ("%", "#", "&", "^^") or match.group(1) in _UNSAFE_MATH:
            return False
    return depth == 0


def math_pieces_text(pieces) -> str:
    """Text and math in turn as readable text (see :func:`math_to_text`)."""
    return "".join(
        math_to_text(piece) if index % 2 else piece
        for index, piece in enumerate(pieces)
    )


def math_source(pieces) -> str:
    """Text and math in turn as LaTeX source, the math between dollars."""
    return "".join(
        f"${piece}$" if index % 2 else piece for index, piece in enumerate(pieces)
    )
