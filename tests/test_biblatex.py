"""BibTeX and biblatex as people write them."""

import textwrap

import pytest

from sphinx_scholar.loaders import load_publications

BIG = 100_000


def load(tmp_path, text, name="papers.bib"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return load_publications(str(path))


def subtypes(result):
    return [problem.subtype for problem in result.problems]


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
