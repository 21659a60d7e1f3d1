"""Math as readable text, for what cannot show math (``citation_title``,
JSON-LD, feeds, search, sort keys): ``\\mathcal{O}(\\sqrt{n})`` -> ``O(√n)``.
Common commands become Unicode; an unknown command keeps its argument."""

from __future__ import annotations

import re

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
