"""BibTeX and biblatex as people write them: date ranges, the extended name
format, and math in titles and abstracts (YAML's too)."""

import json
import textwrap

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar.loaders import load_publications
from sphinx_scholar.math_text import latex_pieces, safe_math, split_math, text_and_math
from sphinx_scholar.math_unicode import math_to_text
from sphinx_scholar.model import Publication

BIG = 100_000


def load(tmp_path, text, name="papers.bib"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_publications(str(path))


def subtypes(result):
    return [problem.subtype for problem in result.problems]


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- biblatex date ranges ------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "year", "month", "years"),
    [
        ("1984/1986", 1984, None, "1984–1986"),
        ("1979-01-02/1980-04-08", 1979, 1, "1979–1980"),
        ("1988/", 1988, None, "1988–"),
        ("1996-01-01/..", 1996, 1, "1996–"),
        ("/1990", 1990, None, "–1990"),
        ("../1990-05", 1990, 5, "–1990"),
        ("1996-12-10/1996-12-12", 1996, 12, ""),  # one year: shown as one
        ("1487~/1490", 1487, None, "1487–1490"),
        ("2001-01-03T15:00:00", 2001, 1, ""),
        ("1034~", 1034, None, ""),
        ("2003-21", 2003, None, ""),  # spring 2003
        ("2019-06", 2019, 6, ""),
    ],
)
def test_a_biblatex_date_or_range_gives_the_year_it_starts(
    tmp_path, date, year, month, years
):
    result = load(tmp_path, f"@misc{{k, title = {{T}}, date = {{{date}}}}}")
    assert result.problems == []
    (record,) = result.records
    assert (record.year, record.month, record.years) == (year, month, years)


@pytest.mark.parametrize(
    "date", ["1996-13-03/1997", "1984/1986/1990", "/", "../..", "199X", "1985-1030"]
)
def test_a_date_that_is_not_one_is_still_reported(tmp_path, date):
    result = load(tmp_path, f"@misc{{k, title = {{T}}, date = {{{date}}}}}")
    assert subtypes(result) == ["date"]
    assert result.records[0].years == ""


def test_a_year_field_wins_over_the_range(tmp_path):
    result = load(tmp_path, "@misc{k, title = {T}, year = 2000, date = {1984/1986}}")
    (record,) = result.records
    assert (record.year, record.years) == (2000, "")


def test_a_long_date_field_is_read_in_linear_time(tmp_path):
    for date in (
        "1" * BIG,
        "1984/" + " " * BIG + "x",
        "1984-01" * (BIG // 7),
        "/" * BIG,
    ):
        result = load(tmp_path, f"@misc{{k, title = {{T}}, date = {{{date}}}}}")
        assert subtypes(result) == ["date"]
        assert result.records[0].year is None


# --- biblatex's extended name format ---------------------------------------------


def names(result):
    return [author.display for author in result.records[0].authors]


def test_extended_names_read_as_the_usual_ones_among_them(tmp_path):
    result = load(
        tmp_path,
        r"""
        @misc{k, title = {T}, author = {given=Richard, prefix=von, family=Rabble
          and Doe, John and family={van Beethoven}, given=Ludwig, useprefix=true
          and family = "M{\"u}ller-Schmidt", given-i = {J.}
          and given={Jean Paul}, family=Sartre, suffix=Jr.
          and prefix=de, family=la Fontaine, given=Jean*}}
        """,
    )
    assert result.problems == []
    assert names(result) == [
        "Richard von Rabble",
        "John Doe",
        "Ludwig van Beethoven",
        "J. Müller-Schmidt",
        "Jean Paul Sartre, Jr.",
        "Jean de la Fontaine*",
    ]


def test_an_extended_name_with_an_unknown_part_is_read_and_reported(tmp_path):
    result = load(
        tmp_path,
        """
        @misc{k, title = {T},
          author = {given=Ada, family=Lovelace, nickname=Countess}}
        """,
    )
    assert names(result) == ["Ada Lovelace"]
    (problem,) = result.problems
    assert (problem.subtype, problem.line) == ("field_type", 2)
    assert "'nickname'" in problem.message


def test_an_extended_name_without_family_or_given_is_shown_as_written(tmp_path):
    result = load(tmp_path, "@misc{k, title = {T}, author = {prefix=von}}")
    assert names(result) == ["prefix=von"]
    assert subtypes(result) == ["field_type"]


def test_a_name_with_an_equals_sign_in_the_usual_format_stays_one(tmp_path):
    result = load(tmp_path, "@misc{k, title = {T}, author = {Doe, J=hn}}")
    assert names(result) == ["J=hn Doe"]


def test_a_long_extended_name_is_read_in_linear_time(tmp_path):
    for author in (
        "given=" + "{" * BIG,
        "family=" + '"' * BIG,
        "given=a, " * (BIG // 9) + "family=B",
        "family=" + "{a," * (BIG // 3),
    ):
        result = load(tmp_path, f"@misc{{k, title = {{T}}, author = {{{author}}}}}")
        assert len(result.records) <= 1


# --- math in titles and abstracts ------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"\mathcal{O}(\sqrt{n})", "O(√n)"),
        (r"\alpha \leq n^2", "α ≤ n²"),
        (r"\frac{1}{2}", "1/2"),
        (r"\sqrt{n+1}", "√(n+1)"),
        (r"x^{10}", "x¹⁰"),
        (r"e^{i\pi}", "e^(iπ)"),
        (r"a_{ij}", "aᵢⱼ"),
        (r"\Omega_2", "Ω₂"),
        (r"\mathbb{R}^d", "ℝᵈ"),
        (r"O(n \log n / \! \log\log n)", "O(n log n / log log n)"),
        (r"\text{rank}(A)", "rank(A)"),
        (r"\left(\frac{a}{b}\right)", "(a/b)"),
        (r"\unknown{kept}", "kept"),
        (r"\{x\}", "{x}"),
    ],
)
def test_math_reads_as_text(latex, text):
    assert math_to_text(latex) == text


@pytest.mark.parametrize(
    ("value", "pieces"),
    [
        (r"An $\mathcal{O}(n)$ way", ("An ", r"\mathcal{O}(n)", " way")),
        (r"An {$O(n)$} {S}orting", ("An ", "O(n)", " Sorting")),
        (r"$$x$$ and $y$", ("", "x", " and ", "y", "")),
        (r"costs US\$ 5", ("costs US$ 5",)),
        ("costs US$ 5", ("costs US$ 5",)),  # a $ alone is a dollar sign
        (r"\$x\$", ("$x$",)),
        (r"$a$ b $c", ("", "a", " b $c")),
        (r"{\'E}t{\'e} $\beta$", ("Été ", r"\beta", "")),
    ],
)
def test_bibtex_values_keep_their_math(value, pieces):
    assert latex_pieces(value) == pieces


@pytest.mark.parametrize(
    ("value", "text", "pieces"),
    [
        ("An $O(n)$ way", "An O(n) way", ("An ", "O(n)", " way")),
        ("from $5 to $10", "from $5 to $10", ()),  # no math: blanks inside
        ("US$ 5", "US$ 5", ()),
        (r"costs \$5", "costs $5", ()),
        ("$ x $", "$ x $", ()),
        (r"$\input{/etc/passwd}$ x", r"$\input{/etc/passwd}$ x", ()),
        ("$}x{$", "$}x{$", ()),
        ("$x%$", "$x%$", ()),
    ],
)
def test_yaml_math_is_dollars_around_non_blanks(value, text, pieces):
    assert text_and_math(value) == (text, pieces)


@pytest.mark.parametrize(
    "math",
    [r"\input{x}", r"\href{javascript:alert(1)}{x}", "}{", "x % y", "^^5cinput",
     r"\def\x{y}", r"\end{document}", "a & b", "#1", "{"],
)  # fmt: skip
def test_math_that_latex_or_mathjax_would_act_on_is_not_math(math):
    assert not safe_math(math)
    assert safe_math(r"\frac{\mathcal{O}(n)}{\{x\}} \% \& \#")


def test_a_record_keeps_its_math_through_replace():
    import dataclasses

    record = Publication("k", r"US\$x\$ and $\beta$")
    assert record.title == "US$x$ and β"
    moved = dataclasses.replace(record, line=3)
    assert (moved.title, moved.title_math) == (record.title, record.title_math)


def test_dollars_and_braces_are_read_in_linear_time(tmp_path):
    for value in (
        "$" * BIG,
        "${" * (BIG // 2),
        "$}{" * (BIG // 3),
        "\\$" * (BIG // 2),
        "$a " * (BIG // 3),
        "$$a$" * (BIG // 4),
        "^{" * (BIG // 2),
        "x^{" * (BIG // 3) + "}" * (BIG // 3),
        "\\sqrt{" * (BIG // 6),
        "\\frac{" * (BIG // 6),
        "$" + "\\sqrt{" * (BIG // 12) + "x" + "}" * (BIG // 12) + "$",
    ):
        assert len(split_math(value)) % 2 == 1
        assert len(split_math(value, latex=False)) % 2 == 1
        latex_pieces(value)
        text_and_math(value)
        math_to_text(value)
        result = load(tmp_path, f"@misc{{k, title = {{{value}}}, year = 2000}}")
        assert len(result.records) <= 1


# --- a site ---------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="biblatex", freshenv=True)
def test_ranges_names_and_math_on_the_html_site(app):
    app.build()
    index = soup_of(app.outdir / "index.html")
    entries = {li["id"]: li for li in index.select("li.scholar-publication")}
    venue = {
        key: li.select_one(".scholar-venue").get_text() for key, li in entries.items()
    }
    assert venue["pub-rabble1984"] == "Harmonie, 1984–1986."
    assert venue["pub-doe1979"] == "Journal of Scores, 1979–1980."
    assert venue["pub-open1988"] == "1988–."
    assert venue["pub-until1990"] == "–1990."
    # grouped by the year the range starts
    assert [h.get_text().rstrip("#¶") for h in index.select("section h2")][:5] == [
        "1990", "1988", "1984", "1979", "More",
    ]  # fmt: skip
    authors = entries["pub-rabble1984"].select_one(".scholar-authors")
    assert (
        authors.get_text() == "Richard von Rabble, Jr., John Doe, Ludwig van Beethoven"
    )
    assert [h.get_text() for h in authors.select(".scholar-highlight")] == [
        "Ludwig van Beethoven"
    ]
    assert (
        entries["pub-doe1979"].select_one(".scholar-authors").get_text()
        == "John Doe, L. van Beethoven"
    )
    title = entries["pub-doe1979"].select_one(".scholar-title")
    assert [m.get_text() for m in title.select("span.math")] == [
        r"\(\mathcal{O}(\sqrt{n})\)",
        r"\(\alpha \leq 2^k\)",
    ]
    assert title.get_text() == (
        r"An \(\mathcal{O}(\sqrt{n})\) algorithm for \(\alpha \leq 2^k\) scores"
    )
    abstract = entries["pub-doe1979"].select_one(".scholar-abstract")
    assert abstract.get_text() == (
        r"We show that \(n^2\) rehearsals cost US$ 5 each, or US$ 5."
    )
    yaml_title = entries["pub-yaml-math"].select_one(".scholar-title")
    assert yaml_title.get_text() == r"Sorting in \(O(n \log n)\) time, from $5 to $10"
    # Sphinx loads MathJax on the page, though the list is rendered late
    assert any("mathjax" in (s.get("src") or "") for s in index.find_all("script"))

    page = soup_of(app.outdir / "pub" / "doe1979.html")
    plain = "An O(√n) algorithm for α ≤ 2ᵏ scores"
    assert [m["content"] for m in page.select('meta[name="citation_title"]')] == [plain]
    assert page.title.get_text().startswith(plain)
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["name"] == data["headline"] == plain
    assert data["abstract"] == "We show that n² rehearsals cost US$ 5 each, or US$ 5."
    assert [a["name"] for a in data["author"]] == ["John Doe", "L. van Beethoven"]
    assert data["datePublished"] == "1979-01"
    # the page's heading and abstract keep their math, with MathJax to show it
    heading = page.select_one("section.scholar-publication-page h1")
    assert [m.get_text() for m in heading.select("span.math")][0] == (
        r"\(\mathcal{O}(\sqrt{n})\)"
    )
    assert page.select_one(".scholar-abstract span.math").get_text() == r"\(n^2\)"
    assert any("mathjax" in (s.get("src") or "") for s in page.find_all("script"))
    # each page has its own script, not the lists'; MathJax only where there
    # is math, though the pages' lists of scripts are made once per build
    for name, math in [("doe1979", True), ("rabble1984", False)]:
        sources = [
            s.get("src") or ""
            for s in soup_of(app.outdir / "pub" / f"{name}.html")("script")
        ]
        assert sum("sphinx-scholar-page.js" in s for s in sources) == 1
        assert not any("sphinx-scholar.js" in s for s in sources)
        assert any("mathjax" in s for s in sources) == math
    yaml_page = soup_of(app.outdir / "pub" / "yaml-math.html")
    assert r"title = {Sorting in $O(n \log n)$ time, from \$5 to \$10}" in (
        yaml_page.select_one("pre").get_text()
    )

    feed = (app.outdir / "publications.atom").read_text(encoding="utf-8")
    assert f"<title>{plain}</title>" in feed
    assert "<title>Sorting in O(n log n) time, from $5 to $10</title>" in feed
    bibtex = (app.outdir / "publications.bib").read_text(encoding="utf-8")
    assert r"title = {An $\mathcal{O}(\sqrt{n})$ algorithm for" in bibtex
    assert "date = {1984/1986}" in bibtex


@pytest.mark.sphinx("latex", testroot="biblatex", freshenv=True)
def test_ranges_names_and_math_in_latex(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    assert (
        r"An \(\mathcal{O}(\sqrt{n})\) algorithm for \(\alpha \leq 2^k\) scores" in text
    )
    assert r"We show that \(n^2\) rehearsals cost US\$ 5 each" in text
    assert r"Harmonie, 1984\textendash{}1986." in text
    assert "Richard von Rabble, Jr., John Doe" in text
    assert r"\input{/etc" not in text


@pytest.mark.sphinx("text", testroot="biblatex", freshenv=True)
def test_ranges_names_and_math_in_text(app):
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Harmonie, 1984–1986." in text
    assert "Journal of Scores, 1979–1980." in text
    assert "Richard von Rabble, Jr., John Doe, **Ludwig van Beethoven**" in text
    assert r"\mathcal{O}(\sqrt{n})" in text  # Sphinx's text output of math
