"""Inputs and build sequences that once went wrong."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar.loaders import load_event, load_publications
from sphinx_scholar.loaders.bibtex import load_bibtex
from sphinx_scholar.model import Person
from sphinx_scholar.query import parse_sort, sort_records

from .test_build import read_and_written, replace_in


def test_event_end_less_precise_than_its_start(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text(
        "event: {name: ICML 2015, start: 2015-07-06, end: 2015-07}\n", encoding="utf-8"
    )
    result = load_event(str(path))
    assert result.records[0].end == (2015, 7, None)
    assert result.problems == []


def test_json_number_too_long_to_read(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('[{"title": "x", "year": ' + "9" * 5000 + "}]", encoding="utf-8")
    result = load_publications(str(path))
    assert [p.subtype for p in result.problems] == ["syntax"]


def test_json_lone_surrogate_is_replaced_and_reported(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('[{"key": "a", "title": "x\\ud800y"}]', encoding="utf-8")
    result = load_publications(str(path))
    assert result.records[0].title == "x\ufffdy"
    assert "surrogate" in result.problems[0].message


def test_yaml_nested_too_deep(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    result = load_publications(str(path))
    assert result.records == [] and "nested" in result.problems[0].message


def test_long_crossref_chain():
    text = "\n".join(
        f"@misc{{e{i}, title={{T{i}}}, crossref={{e{i + 1}}}}}" for i in range(1500)
    )
    text += "\n@proceedings{e1500, title={Top}, year=2020}\n"
    problems = []
    records = load_bibtex(text, "x.bib", problems)
    assert len(records) == 1500 and problems == []
    assert records[0].year == 2020


def test_made_up_keys_that_meet_are_numbered(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "- {title: Learning to rank, authors: [Ada Lovelace], year: 2019}\n"
        "- {title: Learning deep features, authors: [Ada Lovelace], year: 2019}\n",
        encoding="utf-8",
    )
    result = load_publications(str(path))
    assert [r.key for r in result.records] == [
        "lovelace2019learning",
        "lovelace2019learning-2",
    ]
    assert result.problems == []


def test_people_sort_by_author_does_not_fail():
    people = [Person("b", "Bea Zed"), Person("a", "Al Young")]
    assert [p.id for p in sort_records(people, parse_sort("author"))] == ["b", "a"]
    assert [p.id for p in sort_records(people, parse_sort("name"))] == ["a", "b"]


def test_an_empty_list_writes_no_empty_itemize(make_app, root_copy):
    srcdir = root_copy("talks")
    (srcdir / "empty.rst").write_text(
        "Empty\n=====\n\n.. talks:: data/talks.yaml\n   :filter: year > 3000\n",
        encoding="utf-8",
    )
    app = make_app("latex", srcdir=srcdir)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "\\begin{itemize}\n\\end{itemize}" not in tex


def test_news_follows_a_changed_post_and_then_rests(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-events", srcdir)
    read_and_written(make_app, srcdir)
    story = srcdir / "news" / "story.rst"
    story.write_text(
        story.read_text(encoding="utf-8")
        .replace("2015-06-25", "2015-06-26")
        .replace("A narrative post", "Renamed"),
        encoding="utf-8",
    )
    app, read, written = read_and_written(make_app, srcdir)
    assert read == ["news/story"] and "index" in written
    news = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "June 26, 2015 — Renamed" in news.get_text()
    (srcdir / "news" / "new.rst").write_text(
        ":date: 2015-09-01\n\nNew\n===\n", encoding="utf-8"
    )
    read_and_written(make_app, srcdir)
    _, read, written = read_and_written(make_app, srcdir)  # nothing changed since
    assert read == [] and written == []


def test_a_news_page_does_not_list_itself_in_singlehtml(make_app, root_copy):
    srcdir = root_copy("events")
    (srcdir / "news" / "all.rst").write_text(
        ":date: 2015-12-31\n\nAll news\n========\n\n.. news:: news/*\n",
        encoding="utf-8",
    )
    app = make_app("singlehtml", srcdir=srcdir)
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    own = next(
        s
        for s in soup.select("section")
        if s.find(["h1", "h2"]).get_text().startswith("All news")
    )
    assert "Engines at ICML 2015" in own.select_one("ul.scholar-news").get_text()
    assert "All news" not in own.select_one("ul.scholar-news").get_text()


def test_deleting_the_page_that_lists_a_publication(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-talks", srcdir)
    read_and_written(make_app, srcdir)
    (srcdir / "papers.rst").unlink()
    index = srcdir / "index.rst"
    replace_in(index, "   papers\n", "")
    app, read, written = read_and_written(make_app, srcdir)
    assert "by-kind" in written and "by-kind" not in read
    page = BeautifulSoup(
        (app.outdir / "by-kind.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "papers.html" not in str(page)


@pytest.mark.sphinx(
    "html", testroot="cv", freshenv=True, confoverrides={"language": "fr"}
)
def test_cv_months_follow_the_site_language(app):
    app.build()
    text = BeautifulSoup(
        (app.outdir / "parts.html").read_text(encoding="utf-8"), "html.parser"
    ).get_text()
    assert "sept. 2010" in text


@pytest.mark.sphinx(
    "html",
    testroot="basic",
    freshenv=True,
    confoverrides={
        "scholar_highlight": 5,
        "scholar_file_dirs": [1],
        "scholar_people": "x",
    },
)
def test_config_values_of_the_wrong_type_are_warnings(app):
    app.build()
    warnings = app.warning.getvalue()
    for name in ("scholar_highlight", "scholar_file_dirs"):
        assert f"conf.py: {name} should be" in warnings
    # Sphinx makes the override a list of one string: each entry is checked
    assert "scholar_people): each of the people should be a mapping" in warnings
    assert (app.outdir / "index.html").exists()


def test_problems_without_a_line_name_the_file_not_a_document(make_app, root_copy):
    srcdir = root_copy("warnings")
    (srcdir / "data" / "empty.yaml").write_text("", encoding="utf-8")
    (srcdir / "empty.rst").write_text(
        ":orphan:\n\nE\n=\n\n.. publications:: data/empty.yaml\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    line = next(
        line
        for line in app.warning.getvalue().splitlines()
        if "has no publications" in line
    )
    assert (
        "empty.yaml.rst" not in line
        and "empty.yaml: data file has no publications" in line
    )


def test_json_ld_cannot_be_closed_by_data():
    from sphinx_scholar.event_calendar import script_json

    text = script_json({"name": "</script><script>alert(1)</script>"})
    assert "</script>" not in text and json.loads(text)["name"].startswith("</script>")


def test_arxiv_from_dblp_and_google_scholar_exports():
    text = (
        "@article{dblp, title={T}, journal={CoRR}, volume={abs/2007.12020}, year={2020},"
        " eprinttype={arXiv}, eprint={2007.12020}, timestamp={x}, biburl={y}, bibsource={z}}\n"
        "@article{scholar, title={U}, journal={arXiv preprint arXiv:1901.00001}, year={2019}}\n"
    )
    dblp, scholar = load_bibtex(text, "x.bib", [])
    assert (dblp.arxiv, dblp.type) == ("2007.12020", "preprint")
    assert (scholar.arxiv, scholar.type) == ("1901.00001", "preprint")
    from sphinx_scholar.citation import citation_bibtex

    assert "timestamp" not in citation_bibtex(dblp) and "biburl" not in citation_bibtex(
        dblp
    )


def test_bibtex_made_from_a_record_keeps_month_and_pages(tmp_path):
    from sphinx_scholar.citation import citation_bibtex

    path = tmp_path / "p.yaml"
    path.write_text(
        "- {key: a, title: T, venue: V, type: journal, year: 2020, month: 6, pages: 1--9}\n",
        encoding="utf-8",
    )
    bibtex = citation_bibtex(load_publications(str(path)).records[0])
    assert "month = {6}" in bibtex and "pages = {1--9}" in bibtex


def test_the_year_shows_unless_the_venue_names_it(make_app, root_copy):
    srcdir = root_copy("basic")
    data = srcdir / "data" / "papers.yaml"
    data.write_text(
        data.read_text(encoding="utf-8")
        + "- {key: arx, title: Preprint, venue: 'arXiv:2007.12020', year: 2020}\n",
        encoding="utf-8",
    )
    app = make_app("text", srcdir=srcdir)
    app.build()
    assert "arXiv:2007.12020, 2020." in (app.outdir / "index.txt").read_text(
        encoding="utf-8"
    )


def test_an_author_given_by_person_id_shows_the_persons_name(make_app, root_copy):
    srcdir = root_copy("basic")
    data = srcdir / "data" / "papers.yaml"
    data.write_text(
        data.read_text(encoding="utf-8")
        + "- {key: byid, title: By Id, authors: [{person: ada}, Charles Babbage], year: 2021}\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    entry = soup.select_one("#pub-byid")
    assert (
        entry.select_one(".scholar-authors").get_text()
        == "Ada Lovelace, Charles Babbage"
    )


def test_yaml_error_at_the_end_of_a_file_without_a_final_newline(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- title: x\n- {", encoding="utf-8")
    result = load_publications(str(path))
    assert [(p.subtype, p.line) for p in result.problems] == [("syntax", 2)]


def test_yaml_lines_are_the_lines_an_editor_shows(tmp_path):
    # YAML also breaks lines at U+0085 and U+2028; editors do not
    path = tmp_path / "p.yaml"
    path.write_text(
        '- title: "a\x85b\u2028c"\n  year: 2019\n  venu: x\n', encoding="utf-8"
    )
    result = load_publications(str(path))
    # (they are read as spaces, which is said on their line)
    assert [(p.subtype, p.line) for p in result.problems] == [
        ("text", 1),
        ("unknown_field", 3),
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_give_the_same_lines(tmp_path, newline):
    bib = tmp_path / "p.bib"
    bib.write_bytes(
        newline.join(
            ["@article{a,", "  title = {A},", "  year = {soon},", "}", "@article{"]
        ).encode("utf-8")
    )
    yaml_file = tmp_path / "p.yaml"
    yaml_file.write_bytes(
        newline.join(["- title: A", "  year: soon", "  venu: x"]).encode()
    )
    bib_problems = load_publications(str(bib)).problems
    assert sorted(p.line for p in bib_problems) == [3, 5, 5]
    assert sorted(p.line for p in load_publications(str(yaml_file)).problems) == [2, 3]


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_publication_removed_from_the_data_leaves_no_page_behind(
    make_app, root_copy, builder
):
    srcdir = root_copy("basic")
    make_app(builder, srcdir=srcdir).build()
    data = srcdir / "data" / "papers.yaml"
    kept = data.read_text(encoding="utf-8").split("- key: somerville2017connexion")[0]
    data.write_text(kept, encoding="utf-8")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    written = {p.relative_to(app.outdir).as_posix() for p in app.outdir.rglob("*")}
    assert not [name for name in written if "somerville2017connexion" in name]
    assert [name for name in written if "lovelace2019engines" in name]


def test_exports_go_when_no_publication_is_left(make_app, root_copy):
    srcdir = root_copy("basic")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "publications.bib").exists()
    (srcdir / "data" / "papers.yaml").write_text("[]\n", encoding="utf-8")
    (srcdir / "data" / "papers.bib").write_text("", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert not (app.outdir / "publications.bib").exists()
    assert not (app.outdir / "publications.atom").exists()


def test_a_control_character_in_yaml_is_reported_at_its_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- title: A\n  year: 2019\n  venue: x\x01y\n", encoding="utf-8")
    (problem,) = load_publications(str(path)).problems
    assert (problem.subtype, problem.line) == ("syntax", 3)
    assert "U+0001" in problem.message and "<unicode string>" not in problem.message


def test_an_item_that_is_not_a_mapping_is_reported_at_its_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- title: A\n  year: 2019\n- just a title\n", encoding="utf-8")
    result = load_publications(str(path))
    assert [r.title for r in result.records] == ["A"]
    assert [(p.subtype, p.line) for p in result.problems] == [("field_type", 3)]


def test_json_problems_name_their_line(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(
        '[\n {"key": "a", "title": "\\ud83d\\ude00"},\n "just a title",\n'
        ' {"key": "b", "title": "x\\udc00"}\n]',
        encoding="utf-8",
    )
    result = load_publications(str(path))
    assert [r.title for r in result.records] == ["\U0001f600", "x\ufffd"]
    assert sorted((p.subtype, p.line) for p in result.problems) == [
        ("data_file", 4),
        ("field_type", 3),
    ]


@pytest.mark.sphinx("html", testroot="files", freshenv=True)
def test_a_missing_linked_file_is_reported_once_not_again_by_the_page(app):
    # the list reports it; the publication's own page says nothing more
    app.build()
    warnings = app.warning.getvalue()
    assert warnings.count("'files2020' links to 'missing.pdf'") == 1
    assert warnings.count("'all-missing' links to 'nowhere.pdf'") == 1
