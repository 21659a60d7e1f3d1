"""``sphinx-scholar import dblp:...``: a dblp record by its key and a
person's records by their dblp id, replayed from dblp's BibTeX as recorded
by two dblp clients' tests (tests/recordings/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sphinx_scholar.cli import main
from sphinx_scholar.importing.identifiers import BadIdentifier, Identifier, parse
from sphinx_scholar.loaders import load_publications

from .recordings.replay import Answer, answer, cut, replay_fixture  # noqa: F401

PERSON = "dblp.org/pid/l/MichaelLey.bib"
RECORD = "dblp.org/rec/series/sci/2023-1062.bib"
RECORD_ID = "dblp:series/sci/2023-1062"


def run(*args: object) -> int:
    return main(["import", *map(str, args)])


def entries(path: Path) -> dict[str, dict]:
    return {entry["key"]: entry for entry in yaml.safe_load(path.read_text("utf-8"))}


@pytest.fixture
def dblp(replay):
    replay.on(PERSON, answer("dblp/pid-michael-ley.bib"))
    replay.on(RECORD, answer("dblp/rec-series-sci-2023-1062.bib"))
    return replay


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dblp:pid/l/MichaelLey", "pid/l/MichaelLey"),
        ("dblp:pid/74/4209", "pid/74/4209"),
        ("dblp:pid/61/3234-34", "pid/61/3234-34"),
        ("https://dblp.org/pid/74/4209.html", "pid/74/4209"),
        ("dblp:conf/nips/VaswaniSPUJGKP17", "conf/nips/VaswaniSPUJGKP17"),
        ("dblp:rec/journals/corr/abs-1706-03762", "journals/corr/abs-1706-03762"),
        ("https://dblp.org/rec/series/sci/2023-1062.html", "series/sci/2023-1062"),
        (
            "https://dblp.uni-trier.de/rec/conf/iccg/EncarnacaoAFFGM93.bib",
            "conf/iccg/EncarnacaoAFFGM93",
        ),
    ],
)
def test_dblp_identifiers(text, value):
    assert parse(text) == Identifier("dblp", value)


@pytest.mark.parametrize(
    "text", ["dblp:", "dblp:Michael Ley", "dblp:conf", "dblp:/x/y"]
)
def test_what_is_not_a_dblp_identifier_is_said_before_any_request(text):
    with pytest.raises(BadIdentifier, match="not a dblp person or record"):
        parse(text)


def test_a_record_by_its_key(dblp, tmp_path):
    output = tmp_path / "p.yaml"
    assert run("https://dblp.org/rec/series/sci/2023-1062.html", "-o", output) == 0
    [book] = entries(output).values()
    assert book["key"] == "anastassiou2023banach"  # not dblp's DBLP:... key
    assert book["title"] == (
        "Banach Space Valued Neural Network - Ordinary and Fractional "
        "Approximation and Interpolation"
    )
    assert (book["type"], book["authors"], book["year"]) == (
        "book",
        ["George A. Anastassiou"],
        2023,
    )
    assert (book["venue"], book["volume"], book["publisher"]) == (
        "Studies in Computational Intelligence",
        "1062",
        "Springer",
    )
    assert book["doi"] == "10.1007/978-3-031-16400-2"
    assert "bibtex" not in book and "url" not in book  # dblp's stamps stay out
    assert dblp.urls() == ["https://dblp.org/rec/series/sci/2023-1062.bib"]
    seen = dblp.seen[0]
    assert "mailto:ada@example.org" in seen.headers["User-Agent"]
    assert seen.headers["Accept"] == "application/x-bibtex" and seen.timeout == 30.0


def test_a_persons_records(dblp, tmp_path, capsys):
    output = tmp_path / "p.yaml"
    assert run("dblp:pid/l/MichaelLey", "-o", output) == 0
    papers = entries(output)
    assert len(papers) >= 30
    lessons = papers["ley2009dblp"]
    assert (lessons["title"], lessons["venue"], lessons["pages"]) == (
        "DBLP - Some Lessons Learned",
        "PVLDB",
        "1493–1500",
    )
    assert lessons["doi"] == "10.14778/1687553.1687577"
    oxpath = papers["michels2017oxpathbased"]
    assert oxpath["type"] == "conference" and "Michael Ley" in oxpath["authors"]
    assert oxpath["venue"].startswith("2017 ACM/IEEE Joint Conference on Digital")
    assert load_publications(str(output)).problems == []
    assert dblp.urls() == ["https://dblp.org/pid/l/MichaelLey.bib"]


def test_requests_to_dblp_are_a_second_apart(dblp, tmp_path, capsys):
    assert run("dblp:pid/l/MichaelLey", RECORD_ID, "-o", tmp_path / "p.yaml") == 0
    assert dblp.waits == [1.0]


def test_an_unknown_key_is_named_and_not_tried_again(replay, tmp_path, capsys):
    replay.on("dblp.org/rec/conf/nips/Nobody99.bib", Answer(404))
    assert run("dblp:conf/nips/Nobody99", "-o", tmp_path / "p.yaml") == 1
    err = capsys.readouterr().err
    assert "error: dblp:conf/nips/Nobody99: dblp does not know it" in err
    assert len(replay.seen) == 1 and "Traceback" not in err


def test_rate_limiting_is_waited_out_as_dblp_asks(replay, tmp_path, capsys):
    replay.on(
        RECORD,
        Answer(429, headers={"Retry-After": "30"}),
        answer("dblp/rec-series-sci-2023-1062.bib"),
    )
    output = tmp_path / "p.yaml"
    assert run(RECORD_ID, "-o", output) == 0
    assert replay.waits == [30.0]
    assert list(entries(output)) == ["anastassiou2023banach"]


def test_rate_limiting_that_lasts_is_reported(replay, tmp_path, capsys):
    replay.on(PERSON, Answer(429, headers={"Retry-After": "600"}))
    assert run("dblp:pid/l/MichaelLey", "-o", tmp_path / "p.yaml") == 1
    err = capsys.readouterr().err
    assert "dblp limits the requests and asks to wait 600 s" in err
    assert len(replay.seen) == 1


def test_a_timeout_is_tried_again_then_reported(replay, tmp_path, capsys):
    replay.on(PERSON, Answer(error="timeout"))
    code = run("dblp:pid/l/MichaelLey", "-o", tmp_path / "p.yaml", "--timeout", "5")
    assert code == 1
    err = capsys.readouterr().err
    assert "error: dblp:pid/l/MichaelLey: dblp timed out (4 tries, 5 s each)" in err
    assert len(replay.seen) == 4


@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_a_persons_list_cut_short_imports_nothing(replay, tmp_path, capsys, keep):
    """A list that stops inside an entry is not imported without its end."""
    replay.on(PERSON, cut(answer("dblp/pid-michael-ley.bib"), keep))
    assert run("dblp:pid/l/MichaelLey", "-o", tmp_path / "p.yaml") == 1
    err = capsys.readouterr().err
    assert "error: dblp:pid/l/MichaelLey: dblp sent BibTeX that cannot be read" in err
    assert not (tmp_path / "p.yaml").exists()


def test_an_answer_that_is_not_bibtex_is_reported(replay, tmp_path, capsys):
    """dblp's HTML page where its BibTeX was asked for (a recorded body of
    another service stands in for any such answer)."""
    replay.on(RECORD, answer("orcid/works-3.0.json"))
    assert run(RECORD_ID, "-o", tmp_path / "p.yaml") == 1
    assert "dblp answered without BibTeX entries" in capsys.readouterr().err
