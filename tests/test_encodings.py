"""Data files as editors save them: UTF-8, with or without a byte-order
mark, UTF-16 or UTF-32 with one, Windows-1252, or UTF-8 with a stray byte."""

import pytest

from sphinx_scholar.loaders import load_publications

YAML = "- key: a\n  title: Café Müller\n  authors: [Jörg Ñúñez]\n  year: 2020\n"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "utf-16-be"])
def test_a_file_with_a_byte_order_mark_is_read_in_its_encoding(tmp_path, encoding):
    path = tmp_path / "papers.yaml"
    data = YAML.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    loaded = load_publications(str(path))
    assert loaded.problems == []
    (record,) = loaded.records
    assert record.title == "Café Müller"
    assert record.authors[0].name == "Jörg Ñúñez"


def test_a_windows_1252_file_is_read_as_such_and_reported(tmp_path):
    path = tmp_path / "papers.yaml"
    path.write_bytes(YAML.replace("Ñúñez", "Nunez").encode("cp1252"))
    loaded = load_publications(str(path))
    (record,) = loaded.records
    assert record.title == "Café Müller"
    (problem,) = loaded.problems
    assert problem.line == 2 and "Windows-1252" in problem.message
    assert "0xE9" in problem.message


def test_a_stray_byte_in_a_utf8_file_costs_only_that_byte(tmp_path):
    path = tmp_path / "papers.yaml"
    path.write_bytes(YAML.encode("utf-8").replace(b"2020", b"2020\n  note: x\xa0y"))
    loaded = load_publications(str(path))
    (record,) = loaded.records
    assert record.title == "Café Müller"  # not "CafÃ© MÃ¼ller"
    assert record.authors[0].name == "Jörg Ñúñez"
    problems = [p for p in loaded.problems if "UTF-8" in p.message]
    assert len(problems) == 1 and problems[0].line == 5


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029"])
def test_a_line_separator_inside_a_plain_value_is_read_as_a_space(tmp_path, separator):
    path = tmp_path / "papers.yaml"
    path.write_text(
        f"- key: a\n  title: Pasted{separator}From a PDF\n  year: 2020\n"
        "- key: b\n  title: Plain\n  year: 2021\n",
        encoding="utf-8",
    )
    loaded = load_publications(str(path))
    assert [r.title for r in loaded.records] == ["Pasted From a PDF", "Plain"]
    (problem,) = loaded.problems
    assert problem.subtype == "text" and problem.line == 2
    assert f"U+{ord(separator):04X}" in problem.message
