"""``sphinx-scholar metrics``: citation counts from OpenAlex and Crossref,
replayed from recorded answers (tests/recordings/README.md), into the
metrics file; what cannot be fetched keeps its last value, and says so."""

from __future__ import annotations

import yaml

from sphinx_scholar.cli import main
from sphinx_scholar.metrics.data import Count, Work, read_metrics, write_metrics
from sphinx_scholar.metrics.totals import h_index, totals

from .recordings.replay import Answer, answer, crossref_item, cut, replay_fixture  # noqa: F401

PUBLICATIONS = """\
- key: piwowar2018state
  title: 'The state of OA'
  authors: [Heather Piwowar, Jason Priem]
  doi: https://doi.org/10.7717/peerj.4375
- key: sadasivan2012methylphenidate
  title: Methylphenidate Exposure Induces Dopamine Neuron Loss
  authors: [Shankar Sadasivan]
  doi: 10.1371/journal.pone.0033693
- key: perkins2016after
  title: After the games are over
  authors: [T. Alex Perkins, Carl Boettiger]
  doi: 10.1002/ece3.2314
- key: stanley2016heatbath
  title: Heat-bath random walks with Markov bases
  authors: [Caprice Stanley, Tobias Windisch]
  arxiv: '1605.08386'
- key: nodoi
  title: A paper without an identifier
"""

OPENALEX = "api.openalex.org/works/"
CROSSREF = "api.crossref.org/works/"


def metrics(*args: object) -> int:
    return main(["metrics", *map(str, args)])


def counts(path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    return {
        key: {
            source: (c["count"], c["date"]) for source, c in entry["citations"].items()
        }
        for key, entry in data.items()
    }


def site(tmp_path):
    papers = tmp_path / "data" / "publications.yaml"
    papers.parent.mkdir()
    papers.write_text(PUBLICATIONS, "utf-8")
    return papers, tmp_path / "data" / "metrics.yaml"


def serve_all(replay):
    replay.on(
        OPENALEX + "doi%3A10.7717%2Fpeerj.4375", answer("openalex/W2741809807.json")
    )
    replay.on(OPENALEX, Answer(404))  # OpenAlex has no other recorded work
    replay.on(
        CROSSREF + "10.1371/journal.pone.0033693",
        answer("crossref/work-10.1371-journal.pone.0033693.json"),
    )
    replay.on(
        CROSSREF + "10.1002/ece3.2314",
        crossref_item("crossref/item-10.1002-ece3.2314.json"),
    )
    replay.on(CROSSREF, answer("crossref/not-found.txt", 404))


def test_counts_of_each_source_by_key_with_their_date(
    replay, tmp_path, monkeypatch, capsys
):
    papers, output = site(tmp_path)
    serve_all(replay)
    monkeypatch.chdir(tmp_path)
    assert metrics() == 0
    found = counts(output)
    today = next(iter(found["piwowar2018state"].values()))[1]
    assert found == {
        "piwowar2018state": {"openalex": (1149, today)},
        "sadasivan2012methylphenidate": {"crossref": (72, today)},
        "perkins2016after": {"crossref": (25, today)},
        "stanley2016heatbath": {},
    }
    data = yaml.safe_load(output.read_text("utf-8"))
    assert data["perkins2016after"]["authors"] == ["T. Alex Perkins", "Carl Boettiger"]
    assert data["piwowar2018state"]["doi"] == "10.7717/peerj.4375"
    err = capsys.readouterr().err
    assert "doi:10.7717/peerj.4375: Crossref does not know it" in err
    # an arXiv preprint is asked of OpenAlex by arXiv's DOI, not of Crossref
    assert (
        "https://api.openalex.org/works/doi%3A10.48550%2Farxiv.1605.08386"
        in replay.urls()
    )
    assert not any("10.48550" in url for url in replay.urls("crossref"))
    assert "wrote data/metrics.yaml: 3 count(s) fetched" in err


def test_a_failed_count_keeps_the_last_one_and_says_so(replay, tmp_path, capsys):
    papers, output = site(tmp_path)
    output.write_text(
        write_metrics(
            {
                "piwowar2018state": Work(
                    counts={"openalex": Count(1100, "openalex", "2025-01-06")}
                ),
                "perkins2016after": Work(
                    counts={"crossref": Count(20, "crossref", "2025-01-06")}
                ),
            }
        ),
        "utf-8",
    )
    replay.on(
        OPENALEX + "doi%3A10.7717%2Fpeerj.4375",
        cut(answer("openalex/W2741809807.json")),
    )
    replay.on(OPENALEX, Answer(404))
    replay.on(CROSSREF + "10.1002/ece3.2314", Answer(error="timeout"))
    replay.on(
        CROSSREF + "10.1371/journal.pone.0033693",
        answer("crossref/work-10.1371-journal.pone.0033693.json"),
    )
    replay.on(CROSSREF, answer("crossref/not-found.txt", 404))
    assert metrics(papers, "-o", output) == 0
    found = counts(output)
    assert found["piwowar2018state"]["openalex"] == (1100, "2025-01-06")
    assert found["perkins2016after"]["crossref"] == (20, "2025-01-06")
    assert found["sadasivan2012methylphenidate"]["crossref"][0] == 72
    err = capsys.readouterr().err
    assert (
        "piwowar2018state: doi:10.7717/peerj.4375: OpenAlex sent an answer that cannot be read"
        in err
    )
    assert "the count of 2025-01-06 (1100) is kept" in err
    assert "perkins2016after: doi:10.1002/ece3.2314: Crossref timed out" in err
    assert "the count of 2025-01-06 (20) is kept" in err
    assert "Traceback" not in err


def test_a_rate_limited_source_is_not_asked_again_and_keeps_its_counts(
    replay, tmp_path, capsys
):
    papers, output = site(tmp_path)
    output.write_text(
        write_metrics(
            {
                "sadasivan2012methylphenidate": Work(
                    counts={"crossref": Count(70, "crossref", "2025-01-06")}
                ),
                "perkins2016after": Work(
                    counts={"crossref": Count(20, "crossref", "2025-01-06")}
                ),
            }
        ),
        "utf-8",
    )
    replay.on(CROSSREF, Answer(429, headers={"Retry-After": "2"}))
    replay.on(
        OPENALEX + "doi%3A10.7717%2Fpeerj.4375", answer("openalex/W2741809807.json")
    )
    replay.on(OPENALEX, Answer(404))
    assert metrics(papers, "-o", output) == 0
    found = counts(output)
    assert found["sadasivan2012methylphenidate"]["crossref"] == (70, "2025-01-06")
    assert found["perkins2016after"]["crossref"] == (20, "2025-01-06")
    assert found["piwowar2018state"]["openalex"][0] == 1149
    err = capsys.readouterr().err
    assert "Crossref limits the requests (HTTP 429)" in err
    assert "Crossref is not asked again in this run" in err
    # four tries of the first DOI, then no more requests to Crossref
    assert len(replay.urls("crossref")) == 4


def test_when_nothing_can_be_fetched_the_file_stays(replay, tmp_path, capsys):
    papers, output = site(tmp_path)
    before = write_metrics(
        {
            "perkins2016after": Work(
                counts={"crossref": Count(20, "crossref", "2025-01-06")}
            )
        }
    )
    output.write_text(before, "utf-8")
    replay.on("api.", Answer(error="connection"))
    assert metrics(papers, "-o", output, "--source", "crossref") == 1
    assert "no count could be fetched" in capsys.readouterr().err
    assert output.read_text("utf-8") == before


def test_bad_input_is_a_message_and_a_non_zero_status(tmp_path, capsys):
    assert metrics(tmp_path / "missing.yaml") == 2
    assert "missing.yaml: no such publications file" in capsys.readouterr().err
    empty = tmp_path / "papers.yaml"
    empty.write_text("- key: a\n  title: A\n", "utf-8")
    assert metrics(empty) == 1
    assert "no publication in" in capsys.readouterr().err


def test_the_file_reads_back_and_bad_values_are_left_out():
    works = {
        "a": Work(
            "A",
            ("Ada Lovelace",),
            "10.1/a",
            "",
            {"openalex": Count(3, "openalex", "2025-02-03")},
        ),
    }
    again, problems = read_metrics(write_metrics(works))
    assert again == works and problems == []
    broken, problems = read_metrics(
        "a:\n  citations:\n    openalex: {count: -1, date: 2025-02-03}\n"
        "    crossref: {count: 4, date: soon}\n"
        "    inspire: {count: 5, date: 2025-02-03}\n"
    )
    assert list(broken["a"].counts) == ["inspire"]
    assert [p.message for p in problems] == [
        "'a': the count of 'openalex' should be {count: a whole number, date: YYYY-MM-DD}; it is left out",
        "'a': the count of 'crossref' should be {count: a whole number, date: YYYY-MM-DD}; it is left out",
    ]
    nothing, problems = read_metrics("a: [\n")
    assert nothing == {} and problems[0].line == 2


def test_h_index_and_totals():
    assert h_index([]) == 0
    assert h_index([0, 0]) == 0
    assert h_index([10, 8, 5, 4, 3]) == 4
    assert h_index([25, 8, 5, 3, 3]) == 3
    assert h_index([1, 1, 1]) == 1
    works = [
        Work(
            counts={
                "openalex": Count(10, "openalex", "2025-02-03"),
                "crossref": Count(7, "crossref", "2025-02-01"),
            }
        ),
        Work(counts={"openalex": Count(3, "openalex", "2025-01-30")}),
    ]
    best, other = totals(works)
    assert (best.source, best.citations, best.h_index, best.works, best.date) == (
        "openalex",
        13,
        2,
        2,
        "2025-01-30",
    )
    assert (other.source, other.citations, other.h_index) == ("crossref", 7, 1)


def test_100_kb_of_counts(tmp_path):
    """One pass over the file, whatever its size."""
    text = "".join(
        f"k{n}:\n  citations:\n    openalex: {{count: {n}, date: 2025-02-03}}\n"
        for n in range(2500)
    )
    assert len(text) > 100_000
    works, problems = read_metrics(text)
    assert len(works) == 2500 and problems == []
    assert h_index(work.counts["openalex"].count for work in works.values()) == 1250
