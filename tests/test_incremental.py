"""An edited BibTeX file is parsed again only where it changed, and reads
exactly as if it were read from scratch."""

import os
import re

import pytest

from sphinx_scholar import cache
from sphinx_scholar.loaders import load_publications

BIBTEX = r"""@string{icml = "International Conference on Machine Learning"}

@inproceedings{first,
  title = {First {Paper}},
  author = {Lovelace, Ada and M{\"u}ller, J{\"o}rg},
  booktitle = icml,
  year = 2019,
}

@article{second,
  title = {Second},
  author = {Babbage, Charles},
  journal = {Journal},
  year = {twenty},
}

@inproceedings{child,
  title = {Child},
  crossref = {parent},
}

@proceedings{parent,
  title = {Proceedings of Parents},
  year = 2018,
}

@article{last,
  title = {Last},
  year = 2020,
}
"""

EDITS = {
    "a title": lambda t: t.replace("Second", "Second, edited"),
    "an entry above the others": lambda t: t.replace(
        "@inproceedings{first", "@misc{new,\n  title = {New},\n\n  year = 2021,\n}\n\n@inproceedings{first", 1
    ),
    "an entry removed": lambda t: t.replace("@article{last,\n  title = {Last},\n  year = 2020,\n}\n", ""),
    "a macro": lambda t: t.replace("International Conference", "Intl. Conference"),
    "a crossref's parent": lambda t: t.replace("Proceedings of Parents", "Parents' Proceedings"),
    "a syntax error": lambda t: t.replace("journal = {Journal},", "journal = {Journal,"),
    "a blank line at the top": lambda t: "\n\n" + t,
    "nothing but the time": lambda t: t,
}  # fmt: skip


def read(path, previous=None):
    result = load_publications(str(path), previous)
    return result.records, [(p.subtype, p.message, p.line) for p in result.problems]


def read_after_edit(path, original: str, edit):
    """The file read incrementally after ``edit``, read from scratch, and the
    lines of the edited text."""
    path.write_text(original, encoding="utf-8")
    before = load_publications(str(path))
    text = edit(original)
    path.write_text(text, encoding="utf-8")
    return read(path, before), read(path), text.splitlines()


@pytest.mark.parametrize("edit", EDITS)
def test_an_edited_file_reads_as_if_read_from_scratch(tmp_path, edit):
    again, fresh, lines = read_after_edit(tmp_path / "papers.bib", BIBTEX, EDITS[edit])
    assert again == fresh
    for record in again[0]:  # each record at its own line
        assert (
            lines[record.line - 1].startswith("@")
            and record.key in lines[record.line - 1]
        )
    for _, message, line in again[1]:
        assert line and ("twenty" in lines[line - 1] or "year" not in message)


def test_only_the_edited_entry_is_parsed_again(tmp_path, monkeypatch):
    from sphinx_scholar.loaders.bibtex import pieces

    path = tmp_path / "papers.bib"
    path.write_text(BIBTEX, encoding="utf-8")
    cache_dir = str(tmp_path / "cache")
    cache.load(str(path), "publications", cache_dir)

    parsed = []
    real = pieces._parse_piece
    monkeypatch.setattr(
        pieces,
        "_parse_piece",
        lambda text, *args: parsed.append(text) or real(text, *args),
    )
    path.write_text(BIBTEX.replace("Second", "Second, edited"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a new stamp, whatever the clock
    result = cache.load(str(path), "publications", cache_dir)
    # the edited entry, and the piece defining a macro (always read: it
    # changes the pieces after it)
    assert [text.split("{")[0] for text in parsed] == ["@string", "@article"]
    assert "Second, edited" in [record.title for record in result.records]


YAML = """# my papers
- key: first
  title: First "Paper"
  authors: [Ada Lovelace, Jörg Müller]
  venue: ICML
  year: 2019

- key: second
  title: Second
  year: 2018

- key: third
  title: Third
  year: 2020

- key: last
  title: Last
  year: 2020
"""

YAML_EDITS = {
    "a title": lambda t: t.replace("title: Second", "title: Second, edited"),
    "an entry above the others": lambda t: t.replace(
        "- key: first", "- key: new\n  title: New\n\n  year: 2021\n\n- key: first", 1
    ),
    "an entry removed": lambda t: t.replace("- key: last\n  title: Last\n  year: 2020\n", ""),
    "a syntax error": lambda t: t.replace("title: Last", "title: [Last"),
    "an anchor": lambda t: t.replace("year: 2019", "year: &y 2019").replace("year: 2020\n", "year: *y\n"),
    "a document start": lambda t: "---\n" + t,
    "a key made twice": lambda t: t.replace("key: last", "key: first"),
    "an item without a key": lambda t: t.replace("- key: third\n  title", "- title"),
    "a year that is no year": lambda t: t.replace("2018", "twenty"),
    "nothing but the time": lambda t: t,
}  # fmt: skip


@pytest.mark.parametrize("edit", YAML_EDITS)
def test_an_edited_yaml_list_reads_as_if_read_from_scratch(tmp_path, edit):
    again, fresh, lines = read_after_edit(
        tmp_path / "papers.yaml", YAML, YAML_EDITS[edit]
    )
    assert again == fresh
    for record in again[0]:  # each record at its own line
        assert lines[record.line - 1].startswith("- ")


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("- key: a\n  title: Q&A, R&D! 5*3\n", True),
        ("- key: a\n  title: &t Title\n", False),
        ("- key: a\n  authors: [*t]\n", False),
        ("- key: a\n  tags: {x: !!str 1}\n", False),
        ("- key: a\n  notes:\n  -&n Oral\n", False),
        ("- key: a\n  year: 2020\n...\n", False),
        ("%YAML 1.2\n---\n- key: a\n", False),
    ],
)
def test_yaml_items_that_may_not_be_read_alone_send_the_file_whole(text, alone):
    from sphinx_scholar.loaders.yaml_items import split_items

    assert (split_items(text) is not None) == alone


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("- key: a\n- key: b\n", [(0, "- key: a\n"), (1, "- key: b\n")]),
        ("---\n# papers\n-\tkey: a\n", [(2, "-\tkey: a\n")]),
        ("-\n  key: a\n-", [(0, "-\n  key: a\n"), (2, "-")]),
        ("- key: a\n  notes:\n  - x\n-b: 1\n", [(0, "- key: a\n  notes:\n  - x\n-b: 1\n")]),
        ("-key: a\n", None),
    ],
)  # fmt: skip
def test_a_yaml_list_is_cut_where_its_items_start(text, items):
    from sphinx_scholar.loaders.yaml_items import split_items

    found = split_items(text)
    assert (found and [(line, piece) for line, piece, _ in found]) == items


def test_only_the_edited_yaml_item_is_parsed_again(tmp_path, monkeypatch):
    from sphinx_scholar import loaders
    from sphinx_scholar.loaders import yaml_items

    path = tmp_path / "papers.yaml"
    clean = YAML
    path.write_text(clean, encoding="utf-8")
    before = load_publications(str(path))

    def whole_file(*args):
        raise AssertionError("the whole file was parsed")

    parsed = []
    real = yaml_items._parse_yaml_at
    monkeypatch.setattr(loaders, "load_yaml", whole_file)
    monkeypatch.setattr(
        yaml_items,
        "_parse_yaml_at",
        lambda text, *args: parsed.append(text) or real(text, *args),
    )
    path.write_text(
        clean.replace("title: Last", "title: Last, edited"), encoding="utf-8"
    )
    result = load_publications(str(path), before)
    assert [text.split("\n")[0] for text in parsed] == ["- key: last"]
    assert "Last, edited" in [record.title for record in result.records]


def many(text: str, copies: int) -> str:
    """The entries of ``text`` (BibTeX after its ``@string``, or YAML)
    repeated with keys of their own: a file long enough that one edit leaves
    most of it as it was."""
    head, entries = text.split("\n\n", 1) if text.startswith("@string") else ("", text)
    keys = re.compile(r"(?:@\w+\{|crossref = \{|key: )\w+")
    return f"{head}\n\n" + "".join(
        keys.sub(lambda match, n=n: f"{match.group()}{n}", entries)
        for n in range(copies)
    )


FILES = {"papers.bib": many(BIBTEX, 20), "papers.yaml": many(YAML, 20)}


def pickles(cache_dir) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(cache_dir.iterdir())}


def load_again(path, cache_dir, monkeypatch):
    """What the next build reads from the cache on disk, without parsing."""
    from sphinx_scholar import loaders

    def parse(*args):
        raise AssertionError("parsed again")

    with monkeypatch.context() as patch:
        patch.setitem(loaders.LOADERS, "publications", parse)
        return cache.load(str(path), "publications", str(cache_dir)).records


def edit_file(path, old: str, new: str, count: int = 1) -> None:
    path.write_text(
        path.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8"
    )
    stamp = os.stat(path).st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))  # a new stamp, whatever the clock


@pytest.mark.parametrize("name", FILES)
def test_an_edited_file_is_pickled_as_it_reads(tmp_path, monkeypatch, name):
    path, cache_dir = tmp_path / name, tmp_path / "cache"
    path.write_text(FILES[name], encoding="utf-8")
    cache.load(str(path), "publications", str(cache_dir))
    for n in range(3):
        edit_file(path, "Second", f"Second, edited {n}")
        cache.load(str(path), "publications", str(cache_dir))
        assert len(pickles(cache_dir)) == 1
        assert load_again(path, cache_dir, monkeypatch) == read(path)[0]


def test_an_edit_that_keeps_the_size_and_time_is_read_with_a_fresh_environment(
    make_app, root_copy
):
    """``sphinx-build -E`` reads every page again; the pickled data of a file
    whose size and time an edit kept is not taken for the file."""
    srcdir = root_copy("basic")
    make_app("html", srcdir=srcdir).build()
    data = srcdir / "data" / "papers.yaml"
    before = os.stat(data)
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("A First Program", "A Fifth Program"), "utf-8")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(data).st_size == before.st_size
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert "A Fifth Program" in (app.outdir / "papers.html").read_text("utf-8")
