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
