"""Loading publication and people files: records, and problems with their lines."""

import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_scholar.loaders import load_people, load_publications, load_structured


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding=encoding)
    return str(path)


def load(tmp_path, name, text):
    return load_publications(write(tmp_path, name, text))


def problems(result, subtype):
    return [problem for problem in result.problems if problem.subtype == subtype]


def only_problem(result, subtype):
    found = problems(result, subtype)
    assert len(found) == 1, result.problems
    return found[0]


def keys(result):
    return [record.key for record in result.records]


# --- the same publications in three formats -------------------------------------

YAML_PUBLICATIONS = """
- key: lovelace2019
  type: conference
  title: Analytical Engines Revisited
  authors: [Ada Lovelace*, Charles Babbage*, Mary Somerville]
  venue: ICML
  year: 2019
  month: 6
  status: to appear
  notes: [Oral]
  links:
    pdf: https://example.org/engines.pdf
    code: https://github.com/example/engines
    web: https://example.org/engines
    slides: {ppt: https://example.org/talk.ppt, pptx: https://example.org/talk.pptx}
    image sequence: https://example.org/frames.zip
  tags: [engines, history]
  selected: true
  doi: 10.1000/xyz123
- key: babbage2017
  type: journal
  title: On the Connexion of the Physical Sciences
  authors: [Charles Babbage, Mary Somerville]
  venue: Nature
  year: 2017
"""

JSON_PUBLICATIONS = json.dumps(
    [
        {
            "key": "lovelace2019",
            "type": "conference",
            "title": "Analytical Engines Revisited",
            "authors": ["Ada Lovelace*", "Charles Babbage*", "Mary Somerville"],
            "venue": "ICML",
            "year": 2019,
            "month": 6,
            "status": "to appear",
            "notes": ["Oral"],
            "links": {
                "pdf": "https://example.org/engines.pdf",
                "code": "https://github.com/example/engines",
                "web": "https://example.org/engines",
                "slides": {
                    "ppt": "https://example.org/talk.ppt",
                    "pptx": "https://example.org/talk.pptx",
                },
                "image sequence": "https://example.org/frames.zip",
            },
            "tags": ["engines", "history"],
            "selected": True,
            "doi": "10.1000/xyz123",
        },
        {
            "key": "babbage2017",
            "type": "journal",
            "title": "On the Connexion of the Physical Sciences",
            "authors": ["Charles Babbage", "Mary Somerville"],
            "venue": "Nature",
            "year": 2017,
        },
    ],
    indent=2,
)

BIBTEX_PUBLICATIONS = r"""
@inproceedings{lovelace2019,
  title = {Analytical Engines Revisited},
  author = {Lovelace, Ada* and Babbage, Charles* and Somerville, Mary},
  booktitle = {ICML},
  year = {2019},
  month = jun,
  status = {to appear},
  note = {Oral},
  pdf = {https://example.org/engines.pdf},
  code = {https://github.com/example/engines},
  html = {https://example.org/engines},
  slides = {ppt: https://example.org/talk.ppt, pptx: https://example.org/talk.pptx},
  links = {image sequence: https://example.org/frames.zip},
  tags = {engines, history},
  selected = {true},
  doi = {10.1000/xyz123},
}

@article{babbage2017,
  title = {On the Connexion of the Physical Sciences},
  author = {Charles Babbage and Mary Somerville},
  journal = {Nature},
  year = 2017,
}
"""


def view(record, field):
    """The part of a record that must not depend on the file format."""
    if field == "authors":
        return [(author.name, author.mark) for author in record.authors]
    if field == "links":
        return [
            (link.label, [(file.url, file.name) for file in link.files])
            for link in record.links
        ]
    return getattr(record, field)


@pytest.fixture
def three_formats(tmp_path):
    results = {
        "yaml": load(tmp_path, "pubs.yaml", YAML_PUBLICATIONS),
        "json": load(tmp_path, "pubs.json", JSON_PUBLICATIONS),
        "bibtex": load(tmp_path, "pubs.bib", BIBTEX_PUBLICATIONS),
    }
    for result in results.values():
        assert result.problems == []
        assert keys(result) == ["lovelace2019", "babbage2017"]
    return results


@pytest.mark.parametrize(
    "field",
    [
        "title",
        "authors",
        "venue",
        "year",
        "month",
        "type",
        "status",
        "notes",
        "links",
        "tags",
        "selected",
        "doi",
    ],
)
def test_yaml_json_and_bibtex_give_the_same_field(three_formats, field):
    yaml_, json_, bibtex = (
        [view(record, field) for record in three_formats[kind].records]
        for kind in ("yaml", "json", "bibtex")
    )
    assert json_ == yaml_
    assert bibtex == yaml_


def test_the_shared_publications_read_as_written(three_formats):
    first = three_formats["yaml"].records[0]
    assert view(first, "authors") == [
        ("Ada Lovelace", "*"),
        ("Charles Babbage", "*"),
        ("Mary Somerville", ""),
    ]
    assert view(first, "links") == [
        ("pdf", [("https://example.org/engines.pdf", "")]),
        ("code", [("https://github.com/example/engines", "")]),
        ("web", [("https://example.org/engines", "")]),
        (
            "slides",
            [
                ("https://example.org/talk.ppt", "ppt"),
                ("https://example.org/talk.pptx", "pptx"),
            ],
        ),
        ("image sequence", [("https://example.org/frames.zip", "")]),
        ("doi", [("https://doi.org/10.1000/xyz123", "")]),
    ]
    assert (first.month, first.type, first.selected) == (6, "conference", True)


def test_bibtex_records_keep_their_source_text_and_line(three_formats):
    second = three_formats["bibtex"].records[1]
    assert second.bibtex.startswith("@article{babbage2017,")
    assert second.bibtex.endswith("}")
    assert second.line == 19


# --- BibTeX -----------------------------------------------------------------------


@pytest.mark.parametrize("written", ["Lovelace, Ada*", "Ada Lovelace*"])
def test_bibtex_mark_after_a_name_is_the_authors_mark(tmp_path, written):
    result = load(
        tmp_path,
        "m.bib",
        f"@article{{a, title={{A}}, author={{{written} and Babbage, Charles}}}}",
    )
    assert view(result.records[0], "authors") == [
        ("Ada Lovelace", "*"),
        ("Charles Babbage", ""),
    ]


def test_bibtex_names_with_latex_accents(tmp_path):
    result = load(
        tmp_path,
        "n.bib",
        r"@article{a, title={A}, author={Kaiser, {\L}ukasz and M{\"u}ller, J{\"o}rg}}",
    )
    assert [a.name for a in result.records[0].authors] == [
        "Łukasz Kaiser",
        "Jörg Müller",
    ]


def test_bibtex_string_macros_and_concatenation(tmp_path):
    result = load(
        tmp_path,
        "s.bib",
        """
        @string{icml = "International Conference on Machine Learning"}
        @string{proc = {Proceedings of the }}

        @inproceedings{a,
          title = {A},
          booktitle = proc # icml # " (ICML)",
          year = 2019,
        }
        """,
    )
    assert result.problems == []
    assert result.records[0].venue == (
        "Proceedings of the International Conference on Machine Learning (ICML)"
    )


@pytest.mark.parametrize(
    ("written", "month"), [("jun", 6), ("dec", 12), ("{June}", 6), ("{6}", 6)]
)
def test_bibtex_month(tmp_path, written, month):
    result = load(
        tmp_path, "m.bib", f"@article{{a, title={{A}}, year=2019, month={written}}}"
    )
    assert result.problems == []
    assert result.records[0].month == month


def test_bibtex_crossref_fills_booktitle_from_the_parent_title(tmp_path):
    result = load(
        tmp_path,
        "x.bib",
        """
        @inproceedings{child,
          title = {Child},
          crossref = {proc2020},
        }

        @proceedings{proc2020,
          title = {Proceedings of the Workshop},
          year = {2020},
          publisher = {ACM},
        }
        """,
    )
    assert result.problems == []
    assert keys(result) == ["child"]  # the volume itself is not a publication
    child = result.records[0]
    assert (child.title, child.venue, child.year, child.publisher) == (
        "Child",
        "Proceedings of the Workshop",
        2020,
        "ACM",
    )


def test_bibtex_crossref_does_not_override_the_childs_own_fields(tmp_path):
    result = load(
        tmp_path,
        "x.bib",
        """
        @inproceedings{child, title = {Child}, year = 2021, booktitle = {Own}, crossref = {Proc}}
        @proceedings{proc, title = {Parent}, year = 2020}
        """,
    )
    child = result.records[0]
    assert (child.venue, child.year) == ("Own", 2021)


def test_bibtex_crossref_to_a_missing_key_is_reported_on_the_entry_line(tmp_path):
    result = load(
        tmp_path,
        "x.bib",
        """
        @article{fine, title = {Fine}}

        @inproceedings{orphan,
          title = {Orphan},
          crossref = {nowhere},
        }
        """,
    )
    problem = only_problem(result, "crossref")
    assert "nowhere" in problem.message
    assert problem.line == 3
    assert keys(result) == ["fine", "orphan"]


def test_bibtex_crossref_cycle_is_reported(tmp_path):
    result = load(
        tmp_path,
        "x.bib",
        """
        @inproceedings{one,
          title = {One},
          crossref = {two},
        }

        @inproceedings{two,
          title = {Two},
          crossref = {one},
        }
        """,
    )
    problem = only_problem(result, "crossref")
    assert "cycle" in problem.message
    assert problem.line in (1, 6)
    assert sorted(keys(result)) == ["one", "two"]


def test_bibtex_crossref_to_itself_is_a_cycle(tmp_path):
    result = load(
        tmp_path,
        "x.bib",
        """
        @article{fine, title = {Fine}}

        @inproceedings{self,
          title = {Self},
          crossref = {self},
        }
        """,
    )
    problem = only_problem(result, "crossref")
    assert problem.line == 3
    assert "fine" in keys(result)


def test_bibtex_duplicate_key_names_the_line_of_the_first(tmp_path):
    result = load(
        tmp_path,
        "d.bib",
        """
        @article{a,
          title = {First},
        }

        @article{a,
          title = {Second},
        }
        """,
    )
    problem = only_problem(result, "duplicate_key")
    assert problem.line == 5
    assert "line 1" in problem.message
    assert [r.title for r in result.records] == ["First"]


def test_bibtex_keys_differing_only_in_case_are_duplicates(tmp_path):
    result = load(
        tmp_path,
        "d.bib",
        "@article{Smith20, title={A}}\n@article{smith20, title={B}}\n",
    )
    assert only_problem(result, "duplicate_key").line == 2
    assert keys(result) == ["Smith20"]


def test_bibtex_field_names_know_no_case(tmp_path):
    result = load(
        tmp_path,
        "d.bib",
        """
        @Proceedings{conf, BookTitle = {Proc. of X}, Year = 2020}
        @InProceedings{a, TITLE = {A}, Author = {Lovelace, Ada},
          CrossRef = {conf},
          title = {Again}}
        """,
    )
    problem = only_problem(result, "duplicate_field")
    assert "'title'" in problem.message and problem.line == 4
    (record,) = result.records
    assert (record.title, record.venue, record.year) == ("A", "Proc. of X", 2020)
    assert [author.name for author in record.authors] == ["Ada Lovelace"]
    # the citation names each field once, in lower case
    assert record.citation.count("booktitle") == 1
    assert "title = {A}" in record.citation and "Author" not in record.citation


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("@article{smith20\n  title = {A},\n}\n", True),
        ("@article{smith20 title = {A}}\n", True),
        ("@article{smith20,\n  title = {A},\n}\n", False),
        ("@article{ smith20 , title = {A}}\n", False),
        ("@article(smith20, title = {A})\n", False),
        ("@misc{smith20}\n", False),
        ("@misc{smith20 }\n", False),
    ],
)
def test_bibtex_key_without_comma_is_read_and_reported(tmp_path, text, warned):
    result = load(tmp_path, "c.bib", text)
    if "title" in text:  # the others are left out for want of a title
        assert keys(result) == ["smith20"]
    found = [p for p in problems(result, "syntax") if "no comma" in p.message]
    assert len(found) == warned
    if warned:
        assert found[0].line == 1 and "'smith20,'" in found[0].message


UNBALANCED = """
@article{first,
  title = {First},
}

@article{broken,
  title = {Broken {Brace},
  year = 2018,
}

@article{after,
  title = {After},
  year = 2018,
}
"""


def test_bibtex_entry_with_unbalanced_braces_is_left_out_and_others_load(tmp_path):
    result = load(tmp_path, "u.bib", UNBALANCED)
    assert problems(result, "syntax")
    assert any(
        problem.line == 5 and "broken" in problem.message for problem in result.problems
    )
    assert keys(result) == ["first", "after"]


def test_bibtex_entry_missing_two_closing_braces_costs_only_itself(tmp_path):
    result = load(
        tmp_path, "u.bib", UNBALANCED.replace("{Broken {Brace},", "{Broken {brace,")
    )
    assert problems(result, "syntax")
    assert keys(result) == ["first", "after"]


def test_bibtex_undefined_macro_is_reported_but_the_entry_loads(tmp_path):
    result = load(
        tmp_path,
        "u.bib",
        """
        @article{a,
          title = {A},
          journal = natur,
          year = 2019,
        }
        """,
    )
    problem = only_problem(result, "syntax")
    assert "natur" in problem.message
    assert problem.line == 3
    assert [(r.key, r.year) for r in result.records] == [("a", 2019)]


def test_bibtex_comment_and_preamble_are_ignored(tmp_path):
    result = load(
        tmp_path,
        "c.bib",
        r"""
        @preamble{"\newcommand{\noop}[1]{}"}
        @comment{jabref-meta: databaseType:bibtex;}

        @article{a,
          title = {A},
        }
        @Comment{x}
        """,
    )
    assert result.problems == []
    assert keys(result) == ["a"]
    assert result.records[0].line == 4


@pytest.mark.parametrize("text", ["", "\n\n  \n", "% only a comment\n"])
def test_bibtex_empty_file_gives_nothing(tmp_path, text):
    result = load_publications(write(tmp_path, "e.bib", text))
    assert result.records == []
    assert result.problems == []


def test_bibtex_after_jekyll_front_matter(tmp_path):
    result = load(
        tmp_path,
        "fm.bib",
        "---\n---\n\n@article{a,\n  title = {A},\n  year = 2020,\n}\n",
    )
    assert result.problems == []
    assert [(r.key, r.year, r.line) for r in result.records] == [("a", 2020, 4)]


def test_bibtex_link_fields_with_escapes_and_unlabelled_files(tmp_path):
    result = load(
        tmp_path,
        "l.bib",
        r"""
        @article{a,
          title = {A},
          pdf = {https://example.org/my\_paper.pdf},
          slides = {https://example.org/s.ppt https://example.org/s.pptx},
          links = {image sequence: https://example.org/f.zip, blog post: https://example.org/p},
        }
        """,
    )
    assert view(result.records[0], "links") == [
        ("pdf", [("https://example.org/my_paper.pdf", "")]),
        (
            "slides",
            [
                ("https://example.org/s.ppt", "ppt"),
                ("https://example.org/s.pptx", "pptx"),
            ],
        ),
        ("image sequence", [("https://example.org/f.zip", "")]),
        ("blog post", [("https://example.org/p", "")]),
    ]


def test_bibtex_unsafe_url_is_dropped_with_its_line(tmp_path):
    result = load(
        tmp_path,
        "l.bib",
        "@article{a,\n  title = {A},\n  pdf = {javascript:alert(1)},\n}\n",
    )
    assert only_problem(result, "url").line == 3
    assert result.records[0].links == ()


# --- YAML problems ------------------------------------------------------------------


def test_yaml_unknown_field_suggests_the_right_one(tmp_path):
    result = load(tmp_path, "p.yaml", "- key: a\n  title: A\n  venu: ICML\n")
    problem = only_problem(result, "unknown_field")
    assert "did you mean 'venue'" in problem.message
    assert problem.line == 3
    assert keys(result) == ["a"]


def test_yaml_wrong_type_is_reported_and_the_field_ignored(tmp_path):
    result = load(
        tmp_path, "p.yaml", "- key: a\n  title: A\n  year: 2019\n  authors: 5\n"
    )
    problem = only_problem(result, "field_type")
    assert "authors" in problem.message
    assert problem.line == 4
    assert result.records[0].authors == ()
    assert result.records[0].year == 2019


def test_yaml_record_without_title_is_left_out_and_others_kept(tmp_path):
    result = load(
        tmp_path,
        "p.yaml",
        """
        - key: a
          title: A
        - key: b
          venue: Nowhere
        - key: c
          title: C
        """,
    )
    problem = only_problem(result, "missing_field")
    assert problem.line == 3
    assert "'b'" in problem.message
    assert keys(result) == ["a", "c"]


def test_yaml_duplicate_key_in_a_mapping(tmp_path):
    result = load(
        tmp_path, "p.yaml", "- key: a\n  title: A\n  year: 2019\n  year: 2020\n"
    )
    problem = only_problem(result, "duplicate_field")
    assert problem.line == 4
    assert "'year'" in problem.message and "line 3" in problem.message
    assert result.records[0].year == 2020


def test_yaml_duplicate_record_key(tmp_path):
    result = load(
        tmp_path,
        "p.yaml",
        """
        - key: a
          title: First
        - key: b
          title: B
        - key: a
          title: Again
        """,
    )
    problem = only_problem(result, "duplicate_key")
    assert problem.line == 5
    assert "line 1" in problem.message
    assert [r.title for r in result.records] == ["First", "B"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("- key: a\n  title: A\n\tyear: 2019\n", 3),
        ("- key: a\n  title: A\n  links:\n\tpdf: https://example.org/a.pdf\n", 4),
        ("publications:\n\t- key: a\n\t  title: A\n", 2),
    ],
    ids=["after-a-field", "nested-mapping", "list-item"],
)
def test_yaml_tab_indentation_is_a_syntax_problem_that_mentions_tabs(
    tmp_path, text, line
):
    result = load(tmp_path, "p.yaml", text)
    problem = only_problem(result, "syntax")
    assert "tab" in problem.message and "spaces" in problem.message
    assert problem.line == line
    assert result.records == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi"]
)
def test_yaml_unsafe_link_is_dropped_and_the_record_kept(tmp_path, url):
    result = load(
        tmp_path,
        "p.yaml",
        f"""
        - key: a
          title: A
          links:
            pdf: "{url}"
            code: https://example.org/code
        """,
    )
    assert only_problem(result, "url").line == 4
    assert view(result.records[0], "links") == [
        ("code", [("https://example.org/code", "")])
    ]


def test_yaml_unsafe_file_among_several_is_dropped(tmp_path):
    result = load(
        tmp_path,
        "p.yaml",
        """
        - key: a
          title: A
          links:
            slides: {ppt: "javascript:x()", pptx: https://example.org/s.pptx}
        """,
    )
    assert len(problems(result, "url")) == 1
    assert view(result.records[0], "links") == [
        ("slides", [("https://example.org/s.pptx", "pptx")])
    ]


def test_yaml_link_list_keeps_every_url(tmp_path):
    result = load(
        tmp_path,
        "p.yaml",
        """
        - key: a
          title: A
          links:
            video: [https://example.org/part1.mp4, https://example.org/part2.mp4]
        """,
    )
    assert result.problems == []
    [video] = result.records[0].links
    assert [file.url for file in video.files] == [
        "https://example.org/part1.mp4",
        "https://example.org/part2.mp4",
    ]


def test_yaml_year_that_does_not_parse(tmp_path):
    result = load(tmp_path, "p.yaml", "- key: a\n  title: A\n  year: soon\n")
    problem = only_problem(result, "date")
    assert problem.line == 3
    assert "soon" in problem.message
    assert result.records[0].year is None


@pytest.mark.parametrize(
    ("written", "year"),
    [
        ("2019", 2019),
        ("'2019'", 2019),
        ("2019-06", 2019),
        ("2019-06-14", 2019),
        ("'1995--1996'", 1995),
    ],
)
def test_yaml_years_that_parse(tmp_path, written, year):
    result = load(tmp_path, "p.yaml", f"- key: a\n  title: A\n  year: {written}\n")
    assert result.problems == []
    assert result.records[0].year == year


def test_yaml_date_gives_year_and_month(tmp_path):
    result = load(tmp_path, "p.yaml", "- key: a\n  title: A\n  date: 2019-06-14\n")
    assert result.problems == []
    assert (result.records[0].year, result.records[0].month) == (2019, 6)


def test_file_that_is_not_utf8_is_reported_and_still_read(tmp_path):
    path = write(
        tmp_path,
        "p.yaml",
        "- key: a\n  title: A\n  venue: Café\n- key: b\n  title: B\n".encode("latin-1"),
    )
    result = load_publications(path)
    problem = only_problem(result, "data_file")
    assert problem.line == 3
    assert "UTF-8" in problem.message
    assert keys(result) == ["a", "b"]
    assert result.records[0].venue == "Café"


def test_yaml_top_level_mapping_with_a_publications_list(tmp_path):
    result = load(tmp_path, "p.yaml", "publications:\n  - key: a\n    title: A\n")
    assert result.problems == []
    assert [(r.key, r.line) for r in result.records] == [("a", 2)]


def test_yaml_top_level_scalar_is_a_problem(tmp_path):
    result = load(tmp_path, "p.yaml", "just some words\n")
    assert result.records == []
    assert len(result.problems) == 1
    assert "list of publications" in result.problems[0].message


def test_yaml_utf8_with_bom_is_fine(tmp_path):
    result = load_publications(
        write(tmp_path, "p.yaml", "\ufeff- key: a\n  title: Ü\n".encode())
    )
    assert result.problems == []
    assert result.records[0].title == "Ü"


def test_missing_file_is_a_data_file_problem(tmp_path):
    result = load_publications(str(tmp_path / "nowhere.yaml"))
    assert result.records == []
    assert any(
        "cannot read" in problem.message and problem.source.endswith("nowhere.yaml")
        for problem in problems(result, "data_file")
    )


# --- JSON --------------------------------------------------------------------------------


def test_json_syntax_error_has_its_line(tmp_path):
    result = load(
        tmp_path,
        "p.json",
        '[\n  {"key": "a",\n   "title": "A",\n   "year": 2019,,\n  }\n]\n',
    )
    problem = only_problem(result, "syntax")
    assert problem.line == 4
    assert result.records == []


def test_json_duplicate_key_is_reported_with_its_line(tmp_path):
    result = load(
        tmp_path,
        "p.json",
        '[\n  {"key": "a",\n   "title": "A",\n   "title": "B"\n  }\n]\n',
    )
    problem = only_problem(result, "duplicate_field")
    assert problem.line == 4
    assert "'title'" in problem.message
    assert result.records[0].title == "B"


def test_json_field_lines(tmp_path):
    result = load(
        tmp_path,
        "p.json",
        '[\n  {"key": "a",\n   "title": "A",\n   "venu": "X",\n   "year": "soon"}\n]\n',
    )
    assert only_problem(result, "unknown_field").line == 4
    assert only_problem(result, "date").line == 5
    assert result.records[0].line == 2


def test_json_key_line_is_not_taken_from_a_value_that_looks_like_the_key(tmp_path):
    result = load(
        tmp_path,
        "p.json",
        '[\n  {"key": "a", "title": "venu",\n   "venu": "ICML"}\n]\n',
    )
    assert only_problem(result, "unknown_field").line == 3


def test_json_key_lines_are_where_the_keys_are(tmp_path):
    # a key with letters JSON may escape, and one that a nested object has too
    data = load_structured(
        write(
            tmp_path,
            "p.json",
            '[\n {"key": "a", "links": {"pdf": "x.pdf"},\n  "année": 2020,\n'
            '  "pdf": "y.pdf"}\n]\n',
        ),
        [],
    )
    assert [data[0].line_of(key) for key in ("key", "links", "année", "pdf")] == [
        2,
        2,
        3,
        4,
    ]


def test_json_reads_what_json_means(tmp_path):
    # escapes, numbers and blanks as JSON has them, which YAML 1.1 reads otherwise
    problems = []
    data = load_structured(
        write(
            tmp_path,
            "p.json",
            '[\n\t{"url": "a\\/b", "e": "\\ud83d\\ude00", "n": 1e5,\n'
            '\t "big": 123456789012345678901234567890, "yes": "yes", "no": null}\n]',
        ),
        problems,
    )
    assert problems == []
    assert dict(data[0]) == {
        "url": "a/b",
        "e": "\U0001f600",
        "n": 100000.0,
        "big": 123456789012345678901234567890,
        "yes": "yes",
        "no": None,
    }
    assert data.item_lines == [2] and data[0].line_of("big") == 3


@pytest.mark.parametrize(
    "entry, line",
    [
        ("{'key': 'b'}", 3),  # single quotes
        ('{"key": "b",}', 3),  # a comma after the last field
        ('{"key": "b"\n   "title": "B"}', 4),  # no comma
    ],
    ids=["single-quotes", "trailing-comma", "missing-comma"],
)
def test_json_that_is_not_json_is_a_syntax_error_with_its_line(tmp_path, entry, line):
    result = load(
        tmp_path, "p.json", '[\n  {"key": "a", "title": "A"},\n  ' + entry + "\n]\n"
    )
    problem = only_problem(result, "syntax")
    assert problem.line == line and problem.message.startswith("JSON syntax error")
    assert [r.key for r in result.records] == ["a"]


# --- people ------------------------------------------------------------------------------------


def test_people_with_variants_and_groups(tmp_path):
    result = load_people(
        write(
            tmp_path,
            "people.yaml",
            """
            people:
              - id: lovelace
                name: Ada Lovelace
                variants: [A. Lovelace, "Lovelace, Augusta Ada"]
                url: https://example.org/ada
                groups: [lab, engines]
              - id: babbage
                name: Charles Babbage
                groups: lab, analytical
            """,
        )
    )
    assert result.problems == []
    ada, charles = result.records
    assert (ada.id, ada.name, ada.url) == (
        "lovelace",
        "Ada Lovelace",
        "https://example.org/ada",
    )
    assert ada.variants == ("A. Lovelace", "Lovelace, Augusta Ada")
    assert ada.groups == ("lab", "engines")
    assert charles.groups == ("lab", "analytical")


def test_person_without_id_is_left_out(tmp_path):
    result = load_people(
        write(
            tmp_path,
            "people.yaml",
            """
            - id: lovelace
              name: Ada Lovelace
            - name: No Id
              url: https://example.org/x
            """,
        )
    )
    problem = only_problem(result, "missing_field")
    assert "'id'" in problem.message
    assert problem.line == 3
    assert [p.id for p in result.records] == ["lovelace"]


def test_duplicate_person_id_is_reported_with_its_line(tmp_path):
    result = load_people(
        write(
            tmp_path,
            "people.yaml",
            """
            - id: lovelace
              name: Ada Lovelace
            - id: lovelace
              name: Ada Again
            """,
        )
    )
    problem = only_problem(result, "duplicate_key")
    assert problem.line == 3
    assert [p.name for p in result.records] == ["Ada Lovelace"]


def test_people_from_json(tmp_path):
    data = [{"id": "lovelace", "name": "Ada Lovelace", "groups": ["lab"]}]
    result = load_people(write(tmp_path, "people.json", json.dumps(data)))
    assert result.problems == []
    assert [(p.id, p.groups) for p in result.records] == [("lovelace", ("lab",))]


# -- names read without pybtex's parser, where that gives the same -----------

_NAME_PIECES = st.sampled_from(
    ["Ada", "de", "la", "van", "Lovelace", "J.", "Jr", "III", "{\\\"o}", "M{\\\"u}ller",
     "{IEEE}", "{Barnes and Noble}", "{\\c C}", "\\'e", "~", " ", "  ", ",", ", ", "-",
     "{von}", "O'Neil", "L.\\ ", "{", "}"]
)  # fmt: skip


@given(st.lists(_NAME_PIECES, min_size=1, max_size=8).map("".join))
@settings(max_examples=300, derandomize=True, deadline=None)
def test_names_read_without_pybtex_read_as_pybtex_reads_them(written):
    from pybtex.database import Person

    from sphinx_scholar.loaders.bibtex.names import reading_order as _reading_order

    fast = _reading_order(written)
    if fast is None:
        return  # pybtex reads this one
    person = Person(written)  # never raises on a name the fast path takes
    assert fast == (
        " ".join(
            person.first_names
            + person.middle_names
            + person.prelast_names
            + person.last_names
        ),
        " ".join(person.lineage_names),
    )


def test_bibtex_links_written_as_url_commands_are_their_urls(tmp_path):
    path = tmp_path / "papers.bib"
    path.write_text(
        "@misc{u1,\n  title = {With url},\n"
        "  url = {\\url{https://example.org/a_b}},\n"
        "  howpublished = {\\url{https://example.org/how}},\n"
        "  pdf = {\\href{https://example.org/p.pdf}{the PDF}},\n  year = 2020,\n}\n",
        encoding="utf-8",
    )
    result = load_publications(str(path))
    assert result.problems == []
    (record,) = result.records
    assert record.url == "https://example.org/a_b"
    assert record.venue == "https://example.org/how"
    assert [f.url for link in record.links for f in link.files] == [
        "https://example.org/p.pdf"
    ]


def test_bibtex_badge_and_picture_as_al_folio_writes_them(tmp_path):
    result = load(
        tmp_path,
        "papers.bib",
        "@inproceedings{a, title = {A}, year = 2020, abbr = {ICML},\n"
        "  preview = {a.png}}\n"
        "@article{b, title = {B}, year = 2021, thumbnail = {pics/b_1.jpg}}\n",
    )
    assert not result.problems
    a, b = result.records
    assert (a.abbr, a.preview) == ("ICML", "a.png")
    assert (b.abbr, b.preview) == ("", "pics/b_1.jpg")
