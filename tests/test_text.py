"""Text helpers: LaTeX to Unicode, name keys, natural name order, marks, slugs."""

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_scholar.text import latex_to_text, name_key, natural_order, slug, split_mark

# --- latex_to_text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"{\"U}ber", "Über"),
        (r"{\'A}ngeles", "Ángeles"),
        (r"Los {\'A}ngeles", "Los Ángeles"),
        (r"{\L}ukasz", "Łukasz"),
        (r"M\"{u}ller", "Müller"),
        (r"M\"uller", "Müller"),
        (r"Fran\c{c}ois", "François"),
        (r"\v{C}ech", "Čech"),
        (r"Stra{\ss}e", "Straße"),
        (r"Mart{\'\i}n", "Martín"),
    ],
)
def test_latex_accents_become_characters(latex, text):
    assert latex_to_text(latex) == text


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        # accents on a braced dotless i, as many BibTeX exporters write them
        (r"na\"{\i}ve", "naïve"),
        (r"Mart\'{\i}n", "Martín"),
    ],
    ids=["diaeresis", "acute"],
)
def test_latex_accent_on_braced_dotless_i(latex, text):
    assert latex_to_text(latex) == text


def test_latex_capital_protecting_braces_vanish():
    assert latex_to_text("{CNN}s for {ImageNet}") == "CNNs for ImageNet"
    assert latex_to_text("{{Deep}} {Learning}") == "Deep Learning"


# Pieces of titles, some of which latexcodec changes and some of which it leaves.
_TITLE_PIECES = st.sampled_from(
    ["{GPU}", "{B}ayesian", "nets", " ", "  ", "\n", "{", "}", "{{", "-", "--", "---", "'",
     "''", "`", "``", "!", "?", "<<", "~", "%", "$x$", "\\'e", "\\emph{a}", "&", "#",
     "_", "^", "\"", "ff", "Ünïcödé", "\t"]
)  # fmt: skip


@given(st.lists(_TITLE_PIECES, min_size=1, max_size=10).map("".join))
@settings(max_examples=400, derandomize=True, deadline=None)
def test_braces_and_dashes_skip_latexcodec_and_read_the_same(value):
    from sphinx_scholar.text import _decoded

    latex_to_text.cache_clear()
    if re.search(r"[{}]|--", value):  # values without LaTeX never reach latexcodec
        assert latex_to_text(value) == _decoded(value)


def test_latex_double_dash_is_en_dash():
    assert latex_to_text("1995--2000") == "1995–2000"
    assert latex_to_text("pages 1 -- 2") == "pages 1 – 2"


def test_latex_triple_dash_is_em_dash():
    assert latex_to_text("Yes---no") == "Yes—no"


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"R\&D", "R&D"),
        (r"100\% sure", "100% sure"),
        (r"costs \$5", "costs $5"),
        (r"A {\&} B", "A & B"),
    ],
)
def test_latex_escaped_specials_are_kept_as_characters(latex, text):
    assert latex_to_text(latex) == text


def test_latex_math_loses_its_dollars():
    assert latex_to_text("Learning in $T$ steps") == "Learning in T steps"
    assert latex_to_text("$k$-means") == "k-means"


def test_latex_logos():
    assert latex_to_text(r"\TeX") == "TeX"
    assert latex_to_text(r"\LaTeX") == "LaTeX"
    assert latex_to_text(r"\LaTeX{} rocks") == "LaTeX rocks"


def test_latex_control_space_after_a_logo_is_a_space():
    # "\ " is how a space is kept after a logo in LaTeX
    assert latex_to_text(r"\TeX\ users") == "TeX users"


def test_latex_line_break_becomes_a_space_and_keeps_the_next_word():
    assert latex_to_text(r"Line one\\Line two") == "Line one Line two"


@pytest.mark.parametrize("command", ["emph", "textit", "textbf", "textsc", "texttt"])
def test_latex_formatting_commands_keep_their_argument(command):
    assert latex_to_text(rf"A \{command}{{very}} good idea") == "A very good idea"


def test_latex_old_style_font_switches_keep_their_text():
    assert latex_to_text(r"{\em Deep} nets") == "Deep nets"


def test_plain_text_is_untouched_except_whitespace():
    plain = "C++ & Q&A: 100% #1 under_score (draft) é"
    assert latex_to_text(plain) == plain
    assert (
        latex_to_text("  Attention\n   is all\tyou need ")
        == "Attention is all you need"
    )


def test_latex_whitespace_is_collapsed_too():
    assert latex_to_text("  {Deep}\n    Learning  ") == "Deep Learning"


# --- name_key --------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Ada Lovelace",
        "ada lovelace",
        "ADA LOVELACE",
        "Lovelace, Ada",
        "Ada Lovelace*",
        "Ada Lovelace†",
        "Ada Lovelace *",
        "  Ada   Lovelace ",
    ],
)
def test_name_key_ignores_case_marks_order_and_spacing(spelling):
    assert name_key(spelling) == name_key("Ada Lovelace")


def test_name_key_ignores_accents():
    assert name_key("José Müller") == name_key("Jose Muller")
    assert name_key("Łukasz Kaiser") == name_key("Lukasz Kaiser")


def test_name_key_ignores_periods():
    assert name_key("George E. Dahl") == name_key("George E Dahl")
    assert name_key("Dahl, George E.") == name_key("George E Dahl")


def test_name_key_keeps_different_names_apart():
    assert name_key("Ada Lovelace") != name_key("Ada Byron")
    assert name_key("George E. Dahl") != name_key("George Dahl")


# --- natural_order -------------------------------------------------------------------


def test_natural_order_turns_last_first_around():
    assert natural_order("Lovelace, Ada") == "Ada Lovelace"
    assert natural_order("von Neumann, John") == "John von Neumann"


@pytest.mark.parametrize(
    "name",
    [
        "King, Jr.",
        "Martin Luther King, Jr.",
        "Ada Lovelace",
        "A, B, C",
        "Lovelace,",
        ", Ada",
    ],
)
def test_natural_order_leaves_other_names_as_they_are(name):
    assert natural_order(name) == name


# --- split_mark ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Ada Lovelace*", ("Ada Lovelace", "*")),
        ("Ada Lovelace†", ("Ada Lovelace", "†")),
        ("Ada Lovelace *†", ("Ada Lovelace", "*†")),
        ("Ada Lovelace", ("Ada Lovelace", "")),
        ("  Ada Lovelace  ", ("Ada Lovelace", "")),
    ],
)
def test_split_mark(written, parts):
    assert split_mark(written) == parts


def test_split_mark_only_takes_marks_at_the_end():
    assert split_mark("Ada* Lovelace") == ("Ada* Lovelace", "")


# --- slug -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["lovelace2019", "smith-2020", "a1"])
def test_slug_of_plain_lower_case_ascii_key_is_the_key(key):
    assert slug(key) == key


def test_slug_keeps_accented_keys_apart():
    slugs = {slug("Tèst"), slug("Tést"), slug("Têst"), slug("Test"), slug("test")}
    assert len(slugs) == 5


def test_slug_is_a_readable_html_id():
    for key in ["Tèst", "Lovelace:2019", "a b", "Ünïcödé key", "日本語"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug(key)), slug(key)
    assert slug("Tèst").startswith("test-")


def test_slug_keeps_keys_that_differ_only_in_punctuation_apart():
    assert slug("a b") != slug("a-b")
    assert slug("Smith2020") != slug("smith2020")


def test_slug_is_stable_across_calls_and_processes():
    keys = ["Tèst", "Tést", "Têst", "Lovelace:2019"]
    here = [slug(key) for key in keys]
    assert here == [slug(key) for key in keys]
    code = (
        "import sys; from sphinx_scholar.text import slug; "
        f"print(' '.join(slug(k) for k in {keys!r}))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert out.stdout.split() == here
