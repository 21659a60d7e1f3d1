"""``sphinx-scholar import`` of files (BibTeX, RIS, CSL-JSON) into the YAML
form, and importing again: what the source owns is updated, what the user
changed is kept, the file keeps its entries, their order and their comments.

The RIS and CSL-JSON files are the client libraries' own test data and a
recorded Crossref answer (tests/recordings/README.md names each source).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sphinx_scholar.cli import main
from sphinx_scholar.importing.files.ris import load_ris
from sphinx_scholar.loaders import load_publications

FILES = Path(__file__).parent / "recordings" / "files"

BIB = """\
@article{lovelace1843sketch,
  title = {Sketch of the analytical engine},
  author = {Lovelace, Ada},
  journal = {Scientific Memoirs},
  year = 1843,
  volume = 3,
}
@inproceedings{babbage1822note,
  title = {A note on the application of machinery},
  author = {Babbage, Charles},
  booktitle = {Memoirs of the Astronomical Society},
  year = 1822,
}
"""


def run(*args: object) -> int:
    return main(["import", *map(str, args)])


def entries(path: Path) -> dict[str, dict]:
    return {entry["key"]: entry for entry in yaml.safe_load(path.read_text("utf-8"))}


def test_ris_records_read_as_reference_managers_write_them(tmp_path, capsys):
    output = tmp_path / "papers.yaml"
    assert (
        run(FILES / "example_full.ris", FILES / "example_utf_chars.ris", "-o", output)
        == 0
    )
    papers = entries(output)
    # two records share the ID 12345 (EndNote's record number): two entries
    first, second = papers["marx2014title"], papers["marxus2006title"]
    assert first["title"] == "Title of reference"
    assert first["authors"] == ["Karl Marx", "Astrid Lindgren"]
    assert first["editors"] == ["Daniel Glattauer"]
    assert (first["venue"], first["year"], first["volume"]) == ("Lorem", 2014, "9")
    assert first["tags"] == ["Pippi", "Nordwind", "Piraten"]
    assert second["year"] == 2006 and second["pages"] == "e0815341"
    # a byte-order mark, a type spelled out, a wrapped abstract, a short title
    russian = papers["dobrokhotova2009untitled"]
    assert russian["type"] == "journal" and russian["pages"] == "52–57"
    assert russian["title"].startswith("Состояние рецепторного")
    assert "The state of the receptor apparatus" in russian["abstract"]
    assert load_publications(str(output)).problems == []


def test_ris_records_without_a_title_are_left_out_with_their_line(tmp_path, capsys):
    output = tmp_path / "papers.yaml"
    assert run(FILES / "example_multiline.ris", "-o", output) == 1
    err = capsys.readouterr().err
    assert "example_multiline.ris:1: RIS record has no title" in err
    assert "example_multiline.ris:8:" in err and "nothing to import" in err
    assert not output.exists()


def test_a_ris_record_without_its_end_is_read_and_reported(tmp_path):
    problems: list = []
    records = load_ris(
        "TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n", "x.ris", problems
    )
    assert [r["title"] for r in records] == ["One", "Two"]
    assert [(p.line, p.subtype) for p in problems] == [(1, "syntax"), (3, "syntax")]


def test_csl_json_from_doi_content_negotiation(tmp_path):
    output = tmp_path / "papers.yaml"
    assert run(FILES / "crossref-science.169.3946.635.csl.json", "-o", output) == 0
    [paper] = entries(output).values()
    assert paper["key"] == "frank1970structure"
    assert paper["title"].startswith("The Structure of Ordinary Water: New data")
    assert paper["authors"] == ["Henry S. Frank"]
    assert (paper["venue"], paper["year"], paper["month"]) == ("Science", 1970, 8)
    assert (paper["volume"], paper["number"], paper["pages"]) == (
        "169",
        "3946",
        "635–641",
    )
    assert paper["doi"] == "10.1126/science.169.3946.635"
    assert paper["abstract"].startswith("The train of thought")
    assert "<jats:" not in output.read_text("utf-8")


def test_a_broken_csl_json_file_is_one_message_with_its_line(tmp_path, capsys):
    broken = tmp_path / "refs.json"
    broken.write_text('[\n {"title": "A",\n  "type": }\n]\n', "utf-8")
    assert run(broken, "-o", tmp_path / "out.yaml") == 1
    err = capsys.readouterr().err
    assert "refs.json:3: CSL-JSON syntax error" in err
    assert "Traceback" not in err


def test_bad_sources_are_clear_messages_and_a_non_zero_status(tmp_path):
    for source, expected in (
        ("missing.bib", "missing.bib: no such file, and not an identifier"),
        ("doi:11.1/x", "doi:11.1/x: not a DOI"),
        ("arxiv:12345", "arxiv:12345: not an arXiv identifier"),
        ("orcid:0000-0002-1825-0098", "not an ORCID iD"),
        ("openalex:X1", "not an OpenAlex work"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "sphinx_scholar", "import", source],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert done.returncode == 2, source
        assert expected in done.stderr and "Traceback" not in done.stderr, done.stderr
    unknown = tmp_path / "refs.txt"
    unknown.write_text("hello", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_scholar", "import", str(unknown)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "cannot tell the format of refs.txt" in done.stderr


# --- importing again ----------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def imported(tmp_path):
    """A BibTeX file imported once, then edited by hand in the YAML."""
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    output = tmp_path / "papers.yaml"
    assert run(bib, "-o", output) == 0
    assert (tmp_path / "papers.imported.yaml").is_file()
    edit(
        output,
        "title: Sketch of the analytical engine",
        "title: Sketch of the Analytical Engine  # my capitals",
    )
    edit(
        output,
        "  bibtex: |-\n    @article",
        "  links:\n    pdf: papers/sketch.pdf\n  tags: [engines]\n  bibtex: |-\n    @article",
    )
    edit(
        output,
        "- key: babbage1822note",
        "# Charles's paper, read in 1822\n- key: babbage1822note",
    )
    return bib, output


def test_importing_again_updates_the_sources_fields_and_keeps_the_users(
    imported, capsys
):
    bib, output = imported
    edit(
        bib, "journal = {Scientific Memoirs}", "journal = {Taylor's Scientific Memoirs}"
    )
    edit(
        bib,
        "title = {Sketch of the analytical engine}",
        "title = {Sketch of the engine}",
    )
    edit(bib, "year = 1822", "year = 1823")
    before = output.read_text("utf-8")
    capsys.readouterr()

    # no terminal to ask: the diff is shown, nothing is written
    assert run(bib, "-o", output) == 1
    out, err = capsys.readouterr()
    assert "0 new, 2 updated" in out
    assert "    venue: Scientific Memoirs\n      -> Taylor's Scientific Memoirs" in out
    assert "kept your title: Sketch of the Analytical Engine" in out
    assert "(the source says: Sketch of the engine)" in out
    assert "--yes" in err and output.read_text("utf-8") == before

    assert run(bib, "-o", output, "--yes") == 0
    after = output.read_text("utf-8")
    papers = entries(output)
    sketch, note = papers["lovelace1843sketch"], papers["babbage1822note"]
    assert sketch["venue"] == "Taylor's Scientific Memoirs"
    assert sketch["title"] == "Sketch of the Analytical Engine"  # the user's
    assert sketch["links"] == {"pdf": "papers/sketch.pdf"} and sketch["tags"] == [
        "engines"
    ]
    assert note["year"] == 1823
    # the entries, their order and the comments stay; only changed lines move
    assert list(papers) == ["lovelace1843sketch", "babbage1822note"]
    assert "# my capitals" in after and "# Charles's paper, read in 1822\n" in after
    changed = [
        (a, b)
        for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
        if a != b
    ]
    assert changed == [
        ("  venue: Scientific Memoirs", "  venue: Taylor's Scientific Memoirs"),
        (
            "      title = {Sketch of the analytical engine},",
            "      title = {Sketch of the engine},",
        ),
        (
            "      journal = {Scientific Memoirs},",
            "      journal = {Taylor's Scientific Memoirs},",
        ),
        ("  year: 1822", "  year: 1823"),
        ("      year = 1822,", "      year = 1823,"),
    ]
    assert load_publications(str(output)).problems == []

    # a third time: nothing to change, nothing written
    assert run(bib, "-o", output, "--yes") == 0
    assert "nothing to change" in capsys.readouterr().err
    assert output.read_text("utf-8") == after


def test_a_field_the_user_sets_back_is_the_sources_again(imported, capsys):
    bib, output = imported
    edit(
        output,
        "title: Sketch of the Analytical Engine  # my capitals",
        "title: Sketch of the analytical engine",
    )
    edit(
        bib,
        "title = {Sketch of the analytical engine}",
        "title = {Sketch of the Engine}",
    )
    assert run(bib, "-o", output, "--yes") == 0
    assert entries(output)["lovelace1843sketch"]["title"] == "Sketch of the Engine"


def test_a_deleted_field_is_filled_again_and_an_empty_one_stays(imported):
    bib, output = imported
    edit(output, "  volume: '3'\n", "")
    edit(output, "  venue: Memoirs of the Astronomical Society\n", "  venue: ''\n")
    assert run(bib, "-o", output, "--yes") == 0
    papers = entries(output)
    assert papers["lovelace1843sketch"]["volume"] == "3"
    assert papers["babbage1822note"]["venue"] == ""


def test_asking_on_a_terminal(imported, monkeypatch, capsys):
    bib, output = imported
    edit(bib, "year = 1822", "year = 1823")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    before = output.read_text("utf-8")
    assert run(bib, "-o", output) == 0
    assert "nothing written" in capsys.readouterr().err
    assert output.read_text("utf-8") == before
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert run(bib, "-o", output) == 0
    assert entries(output)["babbage1822note"]["year"] == 1823


def test_dry_run_writes_nothing(imported, capsys):
    bib, output = imported
    edit(bib, "year = 1822", "year = 1823")
    before = output.read_text("utf-8")
    assert run(bib, "-o", output, "--dry-run") == 0
    assert "    year: 1822\n      -> 1823" in capsys.readouterr().out
    assert output.read_text("utf-8") == before


def test_an_entry_written_by_hand_only_gets_its_missing_fields(tmp_path):
    """An entry no import wrote is the user's: nothing in it is replaced."""
    output = tmp_path / "papers.yaml"
    output.write_text(
        "# my papers\n"
        "- key: sketch\n"
        "  title: Sketch of the Analytical Engine\n"
        "  authors: [Ada Lovelace]\n"
        "  venue: Sci. Memoirs  # short\n",
        "utf-8",
    )
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    assert run(bib, "-o", output, "--yes") == 0
    text = output.read_text("utf-8")
    papers = entries(output)
    assert list(papers) == ["sketch", "babbage1822note"]
    sketch = papers["sketch"]
    assert sketch["venue"] == "Sci. Memoirs" and sketch["year"] == 1843
    assert sketch["volume"] == "3" and sketch["bibtex"].startswith("@article{")
    assert text.startswith("# my papers\n- key: sketch\n")
    assert "  venue: Sci. Memoirs  # short\n" in text


def test_a_flow_style_entry_is_written_anew_and_says_so(tmp_path, capsys):
    output = tmp_path / "papers.yaml"
    output.write_text(
        "- {key: sketch, title: Sketch of the analytical engine, authors: [Ada Lovelace]}  # flow\n",
        "utf-8",
    )
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    assert run(bib, "-o", output, "--yes") == 0
    assert "comments inside these entries were not kept" in capsys.readouterr().err
    assert entries(output)["sketch"]["year"] == 1843


def test_a_mapping_with_a_publications_list_keeps_its_entries(tmp_path):
    output = tmp_path / "papers.yaml"
    output.write_text("publications:\n- key: mine\n  title: Mine\n", "utf-8")
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    assert run(bib, "-o", output, "--yes") == 0
    data = yaml.safe_load(output.read_text("utf-8"))
    assert [entry["key"] for entry in data["publications"]] == [
        "mine",
        "lovelace1843sketch",
        "babbage1822note",
    ]


def test_a_broken_yaml_file_is_not_merged_into(tmp_path, capsys):
    output = tmp_path / "papers.yaml"
    output.write_text("- key: a\n  title: [unclosed\n", "utf-8")
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    assert run(bib, "-o", output, "--yes") == 2
    err = capsys.readouterr().err
    assert "papers.yaml:" in err and "not valid YAML" in err
    assert output.read_text("utf-8") == "- key: a\n  title: [unclosed\n"


def test_printing_to_standard_output_merges_nothing(tmp_path, capsys):
    bib = tmp_path / "papers.bib"
    bib.write_text(BIB, "utf-8")
    assert run(bib, "-o", "-") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Publications imported from papers.bib")
    assert [e["key"] for e in yaml.safe_load(out)] == [
        "lovelace1843sketch",
        "babbage1822note",
    ]


def test_importing_on_another_day_with_nothing_new_writes_nothing(imported, capsys):
    bib, output = imported
    record = output.with_name("papers.imported.yaml")
    old = record.read_text("utf-8").replace("date: '20", "date: '19")
    record.write_text(old, "utf-8")
    before = output.read_text("utf-8")
    capsys.readouterr()
    assert run(bib, "-o", output) == 0
    assert "nothing to change" in capsys.readouterr().err
    assert output.read_text("utf-8") == before and record.read_text("utf-8") == old
