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


# --- math in titles and abstracts ------------------------------------------------

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


_GREEK = (
    "alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η "
    "theta θ vartheta ϑ iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π varpi ϖ "
    "rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ "
    "psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ "
    "Upsilon Υ Phi Φ Psi Ψ Omega Ω"
)
_SYMBOLS = (
    "leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ ll ≪ gg ≫ approx ≈ sim ∼ simeq ≃ "
    "cong ≅ equiv ≡ propto ∝ times × cdot · div ÷ pm ± mp ∓ ast ∗ star ⋆ "
    "circ ∘ bullet • infty ∞ partial ∂ nabla ∇ forall ∀ exists ∃ neg ¬ "
    "lnot ¬ wedge ∧ land ∧ vee ∨ lor ∨ in ∈ notin ∉ ni ∋ subset ⊂ "
    "subseteq ⊆ supset ⊃ supseteq ⊇ cup ∪ cap ∩ setminus ∖ emptyset ∅ "
    "varnothing ∅ to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ "
    "Rightarrow ⇒ Leftarrow ⇐ Leftrightarrow ⇔ iff ⇔ implies ⇒ mapsto ↦ "
    "hookrightarrow ↪ uparrow ↑ downarrow ↓ sum ∑ prod ∏ coprod ∐ int ∫ "
    "oint ∮ sqrt √ ldots … cdots ⋯ dots … vdots ⋮ ddots ⋱ prime ′ "
    "aleph ℵ hbar ℏ ell ℓ Re ℜ Im ℑ wp ℘ langle ⟨ rangle ⟩ lceil ⌈ "
    "rceil ⌉ lfloor ⌊ rfloor ⌋ mid ∣ parallel ∥ perp ⊥ oplus ⊕ "
    "otimes ⊗ odot ⊙ vdash ⊢ models ⊨ top ⊤ bot ⊥ angle ∠ triangle △ "
    "square □ Box □ Diamond ◇ diamond ⋄ dagger † ddagger ‡ checkmark ✓ "
    "colon : vert | Vert ‖ lvert | rvert | lbrace { rbrace } backslash \\ "
    "cdotp · quad \u2003 qquad \u2003\u2003 , \u2009 : \u205f ; \u2002 ! _ "
    "log log ln ln exp exp sin sin cos cos tan tan sec sec csc csc cot cot "
    "arcsin arcsin arccos arccos arctan arctan sinh sinh cosh cosh tanh tanh "
    "lim lim liminf lim\u2009inf limsup lim\u2009sup sup sup inf inf max max "
    "min min arg arg argmax argmax argmin argmin det det dim dim ker ker "
    "deg deg gcd gcd lg lg Pr Pr mod mod bmod mod pmod mod poly poly polylog "
    "polylog"
)
#: math commands as readable text ("_": nothing)
_MATH_WORDS = {
    name: ("" if text == "_" else text)
    for words in (_GREEK, _SYMBOLS)
    for name, text in zip(words.split(" ")[::2], words.split(" ")[1::2], strict=True)
}
#: commands whose one argument shows as it is (fonts, text, decorations)
_KEEP_ARGUMENT = frozenset(
    [
        "mathcal",
        "mathbf",
        "mathrm",
        "mathit",
        "mathsf",
        "mathtt",
        "mathfrak",
        "mathscr",
        "mathnormal",
        "boldsymbol",
        "bm",
        "text",
        "textrm",
        "textit",
        "textbf",
        "textsf",
        "texttt",
        "textup",
        "textnormal",
        "mbox",
        "hbox",
        "operatorname",
        "emph",
        "widehat",
        "widetilde",
        "overline",
        "underline",
        "overrightarrow",
        "vec",
        "hat",
        "tilde",
        "bar",
        "dot",
        "ddot",
        "check",
        "breve",
        "acute",
        "grave",
        "mathring",
    ]
)
#: commands that show nothing and take no argument
_NOTHING = frozenset(
    [
        "left",
        "right",
        "big",
        "Big",
        "bigg",
        "Bigg",
        "bigl",
        "bigr",
        "Bigl",
        "Bigr",
        "biggl",
        "biggr",
        "Biggl",
        "Biggr",
        "displaystyle",
        "textstyle",
        "scriptstyle",
        "scriptscriptstyle",
        "limits",
        "nolimits",
        "nonumber",
    ]
)
_BLACKBOARD = dict(zip("NZQRCPH", "ℕℤℚℝℂℙℍ", strict=True))
_SUPERSCRIPTS = dict(
    zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzT",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ",
        strict=True,
    )
)
_SUBSCRIPTS = dict(zip("0123456789+-=()aeoxijklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚₛₜ", strict=True))  # fmt: skip
_TABLES = {"^": _SUPERSCRIPTS, "_": _SUBSCRIPTS, "bb": _BLACKBOARD}
_SCRIPT_MAX = 12  # a longer script is written ^(...) without looking at it
_MATH_PART = re.compile(r"\\[A-Za-z]+|\\.|[{}^_~]|\s+|[^\\{}^_~\s]", re.DOTALL)


def math_to_text(source: str) -> str:
    r"""LaTeX math as readable text: ``\mathcal{O}(\sqrt{n})`` -> ``O(√n)``,
    ``\alpha \leq n^2`` -> ``α ≤ n²``, ``\frac{1}{2}`` -> ``1/2``; a command
    it does not know shows its argument. One pass with a stack of the open
    groups: a group's text is looked at again only when it is a short
    script (``^{10}`` -> ``¹⁰``)."""
    out: list[str] = []  # the text so far, in pieces
    length = 0  # characters in ``out``
    # open groups: (what closes them does, index of their first piece in
    # ``out``, ``length`` when they opened)
    groups: list[tuple[str, int, int]] = []
    pending = ""  # what the next argument is for: "^", "_", "sqrt", ...
    word_before = False  # the last piece is a word such as "log"

    def add(text: str) -> None:
        nonlocal length, word_before
        if not text:
            return
        if word_before and (text[0].isalnum() or text[0] == "\\"):
            out.append(" ")
            length += 1
        word_before = False
        out.append(text)
        length += len(text)

    def open_group(kind: str) -> None:
        nonlocal word_before
        word_before = False
        if kind:
            out.append("")  # a slot for what goes before the group
        groups.append((kind, len(out) - 1, length))

    def close_group() -> None:
        nonlocal length, pending, word_before
        kind, slot, start_length = groups.pop()
        size = length - start_length
        if kind in _TABLES and size <= _SCRIPT_MAX:
            content = "".join(out[slot + 1 :])
            table = _TABLES[kind]
            if content and all(char in table for char in content):
                del out[slot + 1 :]
                out.append("".join(table[char] for char in content))
                length = start_length + len(content)
                return
        if kind == "bb" or kind == "":
            return
        short = size <= 1
        if kind == "sqrt":
            out[slot] = "√" if short else "√("
        elif kind in ("^", "_", "frac1", "frac2"):
            out[slot] = (kind if kind in "^_" else "") + ("" if short else "(")
        if not short:
            out.append(")")
            length += 1
        length += len(out[slot])
        word_before = False
        if kind == "frac1":
            add("/")
            pending = "frac2"

    for match in _MATH_PART.finditer(source):
        part = match.group()
        if part[0].isspace():
            if not pending and out and not out[-1].endswith(" "):
                out.append(" ")
                length += 1
                word_before = False
            continue
        if part == "}":
            if groups:
                close_group()
            continue
        if pending:
            kind, pending = pending, ""
            open_group("" if kind == "group" else kind)
            if part == "{":
                continue
            # one character or one command is the argument
            single = True
        else:
            single = False
            if part == "{":
                open_group("")
                continue
        if part in ("^", "_"):
            pending = part
        elif part == "~":
            add(" ")
        elif part[0] == "\\":
            name = part[1:]
            if name == "frac" or name == "dfrac" or name == "tfrac":
                pending = "frac1"
            elif name == "sqrt":
                pending = "sqrt"
            elif name == "mathbb" or name == "mathbbm":
                pending = "bb"
            elif name in _NOTHING:
                pass
            elif name in _KEEP_ARGUMENT:
                pending = "group"
            elif name in _MATH_WORDS:
                add(_MATH_WORDS[name])
                text = _MATH_WORDS[name]
                word_before = len(text) > 1 and text.isalpha()
            elif len(name) == 1 and not name.isalpha():
                add(name)  # \{ \} \$ \% \&
        else:
            add(part)
        if single and not pending:
            close_group()
    if pending:
        add(pending if pending in "^_" else "")
        if pending == "sqrt":
            add("√")
    while groups:
        close_group()
    return "".join(out).strip()
