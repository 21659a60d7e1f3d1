"""A corpus of broken data files: none crashes a build or loses a good entry.

Each file in ``tests/bad_data`` holds one mistake next to entries without one.
For each, the warning names the file and the line, says what is wrong and how
to fix it, and has the right ``scholar.<subtype>``; every good entry of the
file is still read (checked on the loader for all files, and in the HTML of a
real Sphinx build for every file at once).
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import hypothesis
import pytest
from bs4 import BeautifulSoup
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_scholar.loaders import LOADERS

BAD_DATA = Path(__file__).parent / "bad_data"

# (file, kind, subtype, line (0: none), words in the message, good titles)
CASES = [
    # YAML
    ("yaml-tabs.yaml", "publications", "syntax", 6,
     ["tab", "indent with spaces", "this entry is left out"],
     ["Good Before The Tab", "Good After The Tab"]),
    ("yaml-document-start.yaml", "publications", "syntax", 7,
     ["indent with spaces, not tabs", "this entry is left out"],
     ["After The Marker", "Last After The Marker"]),
    ("yaml-indentation.yaml", "publications", "syntax", 6,
     ["mapping values are not allowed", "check the indentation", "left out"],
     ["Good First Entry", "Good Last Entry"]),
    ("yaml-duplicate-keys.yaml", "publications", "duplicate_field", 3,
     ["duplicate key 'title'", "first on line 2", "remove one of them"],
     ["The Second Title", "Untouched Neighbour"]),
    ("yaml-number-for-list.yaml", "publications", "field_type", 3,
     ["'authors' should be a list of names", "not a number 42"],
     ["Authors Given As A Number", "Authors Given As A List"]),
    ("yaml-mapping-for-string.yaml", "publications", "field_type", 3,
     ["'venue' should be text", "not a mapping {'name': 'NeurIPS'}"],
     ["Venue Given As A Mapping", "Venue Given As Text"]),
    ("yaml-unknown-field.yaml", "publications", "unknown_field", 2,
     ["unknown publication field 'tittle'", "did you mean 'title'?"],
     ["Title Spelt Right", "Nothing Misspelt"]),
    ("yaml-missing-title.yaml", "publications", "missing_field", 1,
     ["'untitled' has no 'title'", "left out until it has one"],
     ["Has A Title"]),
    ("yaml-empty.yaml", "publications", "data_file", 0,
     ["has no publications", "empty", "write a list of publications"], []),
    ("yaml-only-comments.yaml", "publications", "data_file", 0,
     ["has no publications", "only comments"], []),
    ("yaml-latin1.yaml", "publications", "data_file", 2,
     ["not UTF-8", "0xE9", "line 2, column 13", "save the file as UTF-8"],
     ["Café Society", "Plain Ascii Title"]),
    ("yaml-bom.yaml", "publications", None, 0, [],
     ["Starts With A Byte Order Mark"]),
    ("yaml-wrapped-syntax.yaml", "publications", "syntax", 6,
     ["check the indentation", "this entry is left out"],
     ["Wrapped Good Before", "Wrapped Good After"]),
    ("yaml-unbalanced-braces.yaml", "publications", None, 0, [],
     ["An {Unclosed Brace", "Braces {Balanced}"]),
    ("yaml-date-as-title.yaml", "publications", None, 0, [],
     ["2020-01-01", "Good Neighbour Of A Date"]),
    ("yaml-control-characters.yaml", "publications", "text", 1,
     ["control characters removed", "'Ada\\x0bLovelace'"],
     ["Pastedfrom a PDF with a form feed", "Plain Neighbour Of Control Characters"]),
    ("yaml-key-line-break.yaml", "publications", "field_type", 1,
     ["key 'broken\\nkey' holds a line break", "write it on one line"],
     ["A Key Written On Two Lines", "A Key On One Line"]),
    ("yaml-bad-dates.yaml", "publications", "date", 3,
     ["'year': 'soon' is not a year", "write a year like 2020"],
     ["Year Is A Word", "Month Is Made Up", "Date Out Of Range", "Dated Properly"]),
    ("yaml-bad-dates.yaml", "publications", "date", 7,
     ["'month': 'Smarch' is not a month", "write 1-12 or a month name"], []),
    ("yaml-bad-dates.yaml", "publications", "date", 10,
     ["'date': '2020-13-45' is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD"], []),
    # JSON
    ("json-syntax.json", "publications", "syntax", 3,
     ["Expecting ',' delimiter", "column 46", "this entry is left out"],
     ["Before The Missing Comma"]),
    ("json-truncated.json", "publications", "syntax", 3,
     ["a string is not closed on its line", "this entry is left out"],
     ["Whole Entry Before The End"]),
    ("json-unclosed-entry.json", "publications", "syntax", 2,
     ["not closed before the next one starts on line 3", "close it with '}'"],
     ["After An Unclosed Entry"]),
    ("json-duplicate-keys.json", "publications", "duplicate_field", 4,
     ["duplicate key 'title'", "remove one of them"],
     ["Second Title", "Neighbour Of A Duplicate"]),
    ("json-unknown-field.json", "publications", "unknown_field", 4,
     ["unknown publication field 'authros'", "did you mean 'authors'?"],
     ["Author Field Misspelt", "Spelt Correctly"]),
    ("json-wrong-type.json", "publications", "field_type", 3,
     ["'title' should be text", "not a list ['Not', 'A', 'String']"],
     ["A String Title"]),
    ("json-latin1.json", "publications", "data_file", 1,
     ["not UTF-8", "0xEF", "line 1, column 31", "save the file as UTF-8"],
     ["Naïve Title", "Plain Title"]),
    ("json-bom.json", "publications", None, 0, [], ["JSON With A BOM"]),
    ("json-empty.json", "publications", "data_file", 0,
     ["has no publications", "empty"], []),
    # BibTeX
    ("bib-unbalanced-braces.bib", "publications", "syntax", 6,
     ["entry 'unbalanced' is left out", "syntax error on line 11"],
     ["Good Before The Open Brace", "Good After The Open Brace"]),
    ("bib-unbalanced-braces.bib", "publications", "syntax", 11,
     ["premature end of file", "check that its braces balance"], []),
    ("bib-unbalanced-string.bib", "publications", "syntax", 1,
     ["unbalanced braces", "make them pair up"],
     ["A Book After A Broken String"]),
    ("bib-missing-comma.bib", "publications", "syntax", 3,
     ["'}' expected", "put a comma after each field"],
     ["Commas Everywhere"]),
    ("bib-duplicate-keys.bib", "publications", "duplicate_key", 6,
     ["duplicate BibTeX key 'Same'", "first on line 1", "give it a key of its own"],
     ["The First Of The Same Key", "A Different Key"]),
    ("bib-duplicate-fields.bib", "publications", "duplicate_field", 4,
     ["'twofields' has a second 'title' field", "remove one of them"],
     ["The Title That Is Kept", "One Title Only"]),
    ("bib-duplicate-fields.bib", "publications", "duplicate_field", 15,
     ["'twocases' has a second 'TITLE' field", "remove one of them"],
     ["The First Spelling Is Kept"]),
    ("bib-undefined-macro.bib", "publications", "syntax", 5,
     ["undefined @string macro 'unknownjournal'", "define it with @string"],
     ["Uses An Undefined Macro", "Uses A Defined Macro"]),
    ("bib-crossref-cycle.bib", "publications", "crossref", 7,
     ["crossref cycle: chicken -> egg -> chicken", "remove the crossref"],
     ["The Chicken", "The Egg", "Neither Chicken Nor Egg"]),
    ("bib-too-many-commas.bib", "publications", "field_type", 3,
     ["cannot read the name 'Lovelace, Ada, Augusta, King'", "Too many commas",
      "'Last, First'"],
     ["A Name With Too Many Commas", "A Name Written Right"]),
    ("bib-no-key.bib", "publications", "syntax", 1,
     ["entry key expected", "write the key first"],
     ["An Entry With A Key"]),
    ("bib-garbage.bib", "publications", "syntax", 9,
     ["'(' or '{' expected", "remove the stray '@'"],
     ["First After The Garbage", "Second After The Garbage"]),
    ("bib-truncated.bib", "publications", "syntax", 6,
     ["entry 'cut' is left out", "syntax error on line 7"],
     ["Complete Entry"]),
    ("bib-truncated.bib", "publications", "syntax", 7,
     ["premature end of file", "braces balance"], []),
    ("bib-bad-dates.bib", "publications", "date", 3,
     ["'year': 'someday' is not a year"],
     ["The Year Is Not A Number", "The Month Is Not A Month", "Dated Right"]),
    ("bib-bad-dates.bib", "publications", "date", 9,
     ["'month': 'Smarch' is not a month"], []),
    ("bib-latin1.bib", "publications", "data_file", 2,
     ["not UTF-8", "0xFC", "line 2, column 13"],
     ["Müller Was Here", "Plain Title"]),
    # the other kinds of data: unknown fields with a hint, dates, missing fields
    ("talks-problems.yaml", "talks", "unknown_field", 3,
     ["unknown talk field 'speekers'", "did you mean 'speakers'?"],
     ["A Talk With A Misspelt Field", "A Talk On No Day", "A Talk Without Problems"]),
    ("talks-problems.yaml", "talks", "date", 7,
     ["'date': 'next tuesday' is not a date", "write YYYY"], []),
    ("cv-problems.yaml", "cv", "unknown_field", 3,
     ["unknown education entry field 'institusion'", "did you mean 'institution'?"],
     ["PhD", "MSc", "BSc"]),
    ("cv-tabs.yaml", "cv", "syntax", 6,
     ["indent with spaces, not tabs", "this entry is left out"],
     ["PhD", "BSc", "Research Scientist"]),
    ("cv-problems.yaml", "cv", "date", 8,
     ["'start': 'the autumn' is not a date", "or present"], []),
    ("cv-problems.yaml", "cv", "date", 9, ["'end': '2009-13' is not a date"], []),
    ("people-problems.yaml", "people", "unknown_field", 3,
     ["unknown person field 'affilation'", "did you mean 'affiliation'?"],
     ["Ada Lovelace", "Mary Somerville"]),
    ("people-problems.yaml", "people", "missing_field", 4,
     ["person has no 'name'", "left out until it has one"], []),
    ("event-problems.yaml", "event", "unknown_field", 5,
     ["unknown event field 'plase'", "did you mean 'place'?"],
     ["A Tutorial With A Misspelt Field", "A Workshop Without Problems"]),
    ("event-problems.yaml", "event", "date", 3,
     ["'start': '2015-07-40' is not a date", "write YYYY"], []),
    ("event-problems.yaml", "event", "date", 4,
     ["'end': 'the week after' is not a date"], []),
    ("event-problems.yaml", "event", "unknown_field", 10,
     ["unknown programme item field 'peeple'", "did you mean 'people'?"], []),
    ("awards-problems.yaml", "awards", "unknown_field", 7,
     ["unknown project field 'descripton'", "did you mean 'description'?"],
     ["A Project With A Misspelt Field", "A Project Without Problems"]),
    ("awards-problems.yaml", "awards", "unknown_field", 6,
     ["unknown investigator field 'afiliation'", "did you mean 'affiliation'?"], []),
    ("awards-problems.yaml", "awards", "missing_field", 8,
     ["project has no 'title'", "left out until it has one"], []),
    ("awards-problems.yaml", "awards", "date", 2,
     ["'year': 'twenty fifteen' is not a year", "write a year like 2020"], []),
]  # fmt: skip

#: The HTML elements that hold one entry's title, per kind (and directive).
TITLE_SELECTORS = {
    "publications": ".scholar-title",
    "talks": ".scholar-title",
    "cv": ".scholar-entry",
    "people": ".scholar-person",
    "event": ".scholar-entry",
    "awards": ".scholar-entry",
}


def titles_of(kind: str, records) -> list[str]:
    if kind == "people":
        return [person.name for person in records]
    if kind == "event":
        return [item.title for event in records for item in event.program]
    if kind == "awards":
        return [project.title for award in records for project in award.projects]
    return [record.title for record in records]


def case_id(case) -> str:
    return f"{case[0]}:{case[3]}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_loader_reports_the_problem_and_keeps_good_entries(case):
    name, kind, subtype, line, words, good = case
    result = LOADERS[kind](str(BAD_DATA / name))
    if subtype is None:
        assert result.problems == []
    else:
        matching = [
            problem
            for problem in result.problems
            if problem.line == line and all(word in problem.message for word in words)
        ]
        assert len(matching) == 1, result.problems
        assert matching[0].subtype == subtype
        assert matching[0].source == str(BAD_DATA / name)
    assert set(good) <= set(titles_of(kind, result.records))


def test_every_file_of_the_corpus_is_in_the_table():
    assert {path.name for path in BAD_DATA.iterdir()} - {
        "keys-accent-case.yaml",
        "keys-accent-case.bib",
    } == {case[0] for case in CASES}


def warning_lines(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def page_name(file_name: str) -> str:
    return re.sub(r"\W", "-", file_name)


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    """One Sphinx build with a page for every file of the corpus."""
    srcdir = tmp_path_factory.mktemp("bad-data")
    shutil.copytree(BAD_DATA, srcdir / "data")
    (srcdir / "conf.py").write_text('extensions = ["sphinx_scholar"]\n', "utf-8")
    files = sorted({(case[0], case[1]) for case in CASES})
    for name, kind in files:
        (srcdir / f"{page_name(name)}.rst").write_text(
            f"{name}\n{'=' * len(name)}\n\n.. {kind}:: data/{name}\n",
            "utf-8",
        )
    toctree = "\n".join(f"   {page_name(name)}" for name, _ in files)
    (srcdir / "index.rst").write_text(
        f"Bad data\n========\n\n.. toctree::\n\n{toctree}\n", "utf-8"
    )
    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        # at once, not at the end of the module: another app cannot start before
        app.cleanup()
    return app


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_build_warns_and_renders_every_good_entry(corpus_build, case):
    name, kind, subtype, line, words, good = case
    app = corpus_build
    # the corpus shows many files that reuse keys ("good"): that is reported
    # once per key and file, and is not the problem each file is about
    lines = [line for line in warning_lines(app) if " is also in " not in line]
    assert not any("Traceback" in line or "Exception" in line for line in lines)
    about_file = [line for line in lines if f"data/{name}" in line]
    if subtype is None:
        assert about_file == []
    else:
        where = f"data/{name}:{line}:" if line else f"data/{name}:"
        found = [
            text
            for text in about_file
            if where in text
            and f"[scholar.{subtype}]" in text
            and all(word in text for word in words)
        ]
        assert len(found) == 1, about_file
    html = (Path(app.outdir) / f"{page_name(name)}.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    shown = [
        " ".join(element.get_text(" ").split())
        for element in soup.select(TITLE_SELECTORS[kind])
    ]
    for title in good:
        assert any(title in text for text in shown), (title, shown)


def test_control_characters_are_left_out_of_the_feed(corpus_build):
    """XML cannot hold them: the feed writer would fail the whole build on them."""
    feed = BeautifulSoup(
        (Path(corpus_build.outdir) / "publications.atom").read_text("utf-8"), "xml"
    )
    titles = [title.get_text() for title in feed.select("entry > title")]
    assert "Pastedfrom a PDF with a form feed" in titles


#: A conf.py whose HTML build makes no search index: Sphinx's indexing of a
#: megabyte of text is linear but slow, and none of these tests search.
NO_SEARCH_CONF = """extensions = ["sphinx_scholar"]

def setup(app):
    app.connect("builder-inited", lambda app: setattr(app.builder, "search", False))
"""


def build(make_app, srcdir: Path, pages: dict[str, str], data=(), conf=None):
    """A Sphinx project in ``srcdir`` with these pages (``index`` first), built."""
    (srcdir / "data").mkdir(parents=True, exist_ok=True)
    for name in data:
        shutil.copyfile(BAD_DATA / name, srcdir / "data" / name)
    (srcdir / "conf.py").write_text(
        conf or 'extensions = ["sphinx_scholar"]\n', "utf-8"
    )
    for name, text in pages.items():
        (srcdir / f"{name}.rst").parent.mkdir(parents=True, exist_ok=True)
        (srcdir / f"{name}.rst").write_text(text, "utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_a_people_file_shown_by_a_directive_reports_its_problems_once(
    make_app, tmp_path
):
    app = build(
        make_app,
        tmp_path,
        {"index": "People\n======\n\n.. people:: data/people-problems.yaml\n"},
        data=["people-problems.yaml"],
        conf='extensions = ["sphinx_scholar"]\n'
        'scholar_people_file = "data/people-problems.yaml"\n',
    )
    warnings = app._warning.getvalue()
    assert warnings.count("unknown person field 'affilation'") == 1
    assert warnings.count("person has no 'name'") == 1


KEYS = {
    "müller2020": "Written By Müller",
    "muller2020": "Written By Muller",
    "Muller2020": "Written By Muller In Capitals",
    "müller2021": "Müller In BibTeX",
    "muller2021": "Muller In BibTeX",
}


def test_keys_differing_by_accent_or_case_stay_apart(make_app, tmp_path):
    roles = ", ".join(f":scholar:pub:`{key}`" for key in KEYS)
    app = build(
        make_app,
        tmp_path,
        {
            "index": "Keys\n====\n\n"
            ".. publications:: data/keys-accent-case.yaml\n\n"
            ".. publications:: data/keys-accent-case.bib\n\n"
            f"See {roles}.\n"
        },
        data=["keys-accent-case.yaml", "keys-accent-case.bib"],
    )
    assert warning_lines(app) == []
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    entries = soup.select("li.scholar-publication")
    ids = [entry["id"] for entry in entries]
    assert len(entries) == len(KEYS) == len(set(ids))
    id_of_title = {entry.select_one(".scholar-title").get_text(strip=True): entry["id"]
                   for entry in entries}  # fmt: skip
    assert set(id_of_title) == set(KEYS.values())
    # each role links to its own entry, by its own title
    links = {a.get_text(): a["href"] for a in soup.select("p a.reference")}
    assert links == {title: f"#{id_of_title[title]}" for title in KEYS.values()}
    # and each entry has a page of its own, showing that entry
    pages = {
        entry.select_one("a.scholar-details-link")["href"]: entry.select_one(
            ".scholar-title"
        ).get_text(strip=True)
        for entry in entries
    }
    assert len(pages) == len(KEYS)
    for href, title in pages.items():
        page = BeautifulSoup((app.outdir / href).read_text("utf-8"), "html.parser")
        assert page.find("meta", attrs={"name": "citation_title"})["content"] == title


def test_very_large_fields_build(make_app, tmp_path):
    authors = "\n".join(f"    - Author Number{n} Surname{n}" for n in range(10_000))
    long_title = "Long " * 20_000  # 100,000 characters
    abstract = "word " * 200_000  # 1 MB
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "large.yaml").write_text(
        f"- key: many-authors\n  title: Ten Thousand Authors\n  year: 2020\n"
        f"  authors:\n{authors}\n"
        f"- key: long-title\n  title: {long_title}\n  year: 2020\n"
        f"- key: long-abstract\n  title: A Megabyte Of Abstract\n  year: 2020\n"
        f"  abstract: {abstract}\n",
        "utf-8",
    )
    bib_authors = " and ".join(f"Surname{n}, Author" for n in range(10_000))
    (tmp_path / "data" / "large.bib").write_text(
        f"@article{{bibmany,\n  title = {{Ten Thousand BibTeX Authors}},\n"
        f"  author = {{{bib_authors}}},\n  year = 2020,\n"
        f"  abstract = {{{abstract}}},\n}}\n",
        "utf-8",
    )
    app = build(
        make_app,
        tmp_path,
        {
            "index": "Large\n=====\n\n.. publications:: data/large.yaml\n"
            "   :show: title, authors, abstract\n\n"
            ".. publications:: data/large.bib\n   :show: title, authors, abstract\n"
        },
        conf=NO_SEARCH_CONF,
    )
    assert warning_lines(app) == []
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    titles = [t.get_text(strip=True) for t in soup.select(".scholar-title")]
    assert "Ten Thousand Authors" in titles
    assert long_title.strip() in titles
    assert "Ten Thousand BibTeX Authors" in titles
    many = soup.find(id="pub-many-authors")
    assert "Author Number9999 Surname9999" in many.get_text()
    bib_many = soup.find(id="pub-bibmany")
    assert "Author Surname9999" in bib_many.get_text()


def test_news_post_with_a_bad_date_is_reported_at_its_line(make_app, tmp_path):
    app = build(
        make_app,
        tmp_path,
        {
            "index": "News\n====\n\n.. toctree::\n   :glob:\n\n   posts/*\n\n"
            ".. news:: posts/*\n",
            "posts/good": ":date: 2020-05-04\n\nA Good Post\n===========\n",
            "posts/bad": ":author: me\n:date: the day after\n\nA Bad Post\n==========\n",
        },
    )
    (found,) = [line for line in warning_lines(app) if "posts/bad" in line]
    assert "posts/bad.rst:2:" in found
    assert "':date: the day after' is not a date (write YYYY-MM-DD)" in found
    assert "[scholar.date]" in found
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    news = [
        item.get_text(" ", strip=True) for item in soup.select(".scholar-news-item")
    ]
    assert len(news) == 1 and "A Good Post" in news[0]


# A broken entry costs only itself, wherever it is and however it is broken.
_TITLE = st.text(alphabet="abcdefgh", min_size=1, max_size=12).map(
    lambda text: "T " + text
)
_YAML_BREAKS = {
    "tab": "  title: {title}\n\tyear: 2020\n",
    "indentation": "  title: {title}\n   year: 2020\n",
    "flow": "  title: {title}\n  tags: [a, b\n",
    "quote": '  title: "{title}\n',
}
_JSON_BREAKS = {
    "comma": '{{"key": "k{number}", "title": "{title}" "year": 2020}}',
    "quote": '{{"key": "k{number}", "title": "{title}}}',
    "brace": '{{"key": "k{number}", "title": "{title}"',
}


@hypothesis.settings(derandomize=True, deadline=None, max_examples=40)
@hypothesis.given(
    titles=st.lists(_TITLE, min_size=1, max_size=6, unique=True),
    broken=st.integers(min_value=0, max_value=5),
    how=st.sampled_from(sorted(_YAML_BREAKS)),
)
def test_a_broken_yaml_entry_costs_only_itself(tmp_path_factory, titles, broken, how):
    broken %= len(titles)
    text = ""
    for number, title in enumerate(titles):
        if number == broken:
            first = text.count("\n") + 1
        text += f"- key: k{number}\n"
        if number == broken:
            text += _YAML_BREAKS[how].format(title=title)
            last = text.count("\n") + 1  # YAML may find the error at the next line
        else:
            text += f"  title: {title}\n  year: 2020\n"
    path = tmp_path_factory.mktemp("yaml") / "papers.yaml"
    path.write_text(text, "utf-8")
    result = LOADERS["publications"](str(path))
    good = [title for number, title in enumerate(titles) if number != broken]
    assert [record.title for record in result.records] == good
    (problem,) = result.problems
    assert problem.subtype == "syntax" and "this entry is left out" in problem.message
    assert first <= problem.line <= last


@hypothesis.settings(derandomize=True, deadline=None, max_examples=40)
@hypothesis.given(
    titles=st.lists(_TITLE, min_size=1, max_size=6, unique=True),
    broken=st.integers(min_value=0, max_value=5),
    how=st.sampled_from(sorted(_JSON_BREAKS)),
)
def test_a_broken_json_entry_costs_only_itself(tmp_path_factory, titles, broken, how):
    broken %= len(titles)
    entries = [
        _JSON_BREAKS[how].format(number=number, title=title)
        if number == broken
        else f'{{"key": "k{number}", "title": "{title}", "year": 2020}}'
        for number, title in enumerate(titles)
    ]
    path = tmp_path_factory.mktemp("json") / "papers.json"
    path.write_text("[\n  " + ",\n  ".join(entries) + "\n]\n", "utf-8")
    result = LOADERS["publications"](str(path))
    good = [title for number, title in enumerate(titles) if number != broken]
    assert [record.title for record in result.records] == good
    syntax = [problem for problem in result.problems if problem.subtype == "syntax"]
    # the entry's line, or the next one when the parser notices only there
    assert syntax and broken + 2 <= syntax[0].line <= broken + 3
    assert "this entry is left out" in syntax[0].message
