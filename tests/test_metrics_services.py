"""``sphinx-scholar metrics --source semanticscholar`` and ``--source
inspire``: citation counts from Semantic Scholar's Graph API and INSPIRE's
REST API, replayed from recorded answers (tests/recordings/README.md)."""

from __future__ import annotations

import pytest
import yaml

from sphinx_scholar.cli import main
from sphinx_scholar.metrics.data import Count, Work, write_metrics

from .recordings.replay import Answer, answer, cut, replay_fixture  # noqa: F401

S2 = "api.semanticscholar.org/graph/v1/paper/"
S2_PAPER = "semanticscholar/item-10.2139-ssrn.2250500.json"
INSPIRE = "inspirehep.net/api/"
INSPIRE_RECORD = "inspire/literature-1842768.json"

PUBLICATIONS = """\
- key: banerjee2015miracle
  title: 'The Miracle of Microfinance? Evidence from a Randomized Evaluation'
  authors: [Abhijit Banerjee, Esther Duflo]
  doi: 10.2139/ssrn.2250500
- key: tabar2021systematics
  title: Systematics of electric dipole excitations in 233-239U
  authors: [E. Tabar, H. Yakut]
  doi: 10.1016/j.nuclphysa.2021.122138
- key: stanley2016heatbath
  title: Heat-bath random walks with Markov bases
  authors: [Caprice Stanley, Tobias Windisch]
  arxiv: '1605.08386'
"""


def metrics(*args: object) -> int:
    return main(["metrics", *map(str, args)])


def counts(path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    return {
        key: {source: c["count"] for source, c in entry["citations"].items()}
        for key, entry in data.items()
    }


@pytest.fixture
def site(tmp_path):
    papers = tmp_path / "publications.yaml"
    papers.write_text(PUBLICATIONS, "utf-8")
    return papers, tmp_path / "metrics.yaml"


def serve_semantic_scholar(replay):
    replay.on(S2 + "DOI:10.2139/ssrn.2250500", answer(S2_PAPER))
    replay.on(S2, answer("semanticscholar/not-found-0.json", 404))


def serve_inspire(replay):
    replay.on(INSPIRE + "doi/10.1016/j.nuclphysa.2021.122138", answer(INSPIRE_RECORD))
    replay.on(INSPIRE, Answer(404))


# --- Semantic Scholar -------------------------------------------------------------


def test_semantic_scholar_counts_by_doi_and_arxiv_id(replay, site, capsys):
    papers, output = site
    serve_semantic_scholar(replay)
    assert metrics(papers, "-o", output, "--source", "semanticscholar") == 0
    found = counts(output)
    assert found["banerjee2015miracle"] == {"semanticscholar": 2185}
    assert found["tabar2021systematics"] == {}
    assert replay.urls() == [
        "https://api.semanticscholar.org/graph/v1/paper/DOI:10.2139/ssrn.2250500"
        "?fields=citationCount",
        "https://api.semanticscholar.org/graph/v1/paper/"
        "DOI:10.1016/j.nuclphysa.2021.122138?fields=citationCount",
        "https://api.semanticscholar.org/graph/v1/paper/ARXIV:1605.08386"
        "?fields=citationCount",
    ]
    err = capsys.readouterr().err
    assert (
        "stanley2016heatbath: arxiv:1605.08386: Semantic Scholar does not know it"
        in err
    )
    # without a key, the shared pool: three seconds between requests
    assert replay.waits == [3.0, 3.0]
    assert all("x-api-key" not in seen.headers for seen in replay.seen)


def test_semantic_scholar_key_is_sent_and_spaces_requests_by_a_second(
    replay, site, monkeypatch, capsys
):
    papers, output = site
    serve_semantic_scholar(replay)
    monkeypatch.setenv("SEMANTIC_SCHOLAR_API_KEY", "s2-key")
    assert metrics(papers, "-o", output, "--source", "semanticscholar") == 0
    assert {seen.headers["x-api-key"] for seen in replay.seen} == {"s2-key"}
    assert replay.waits == [1.0, 1.0]
    for seen in replay.seen:
        assert "mailto:ada@example.org" in seen.headers["User-Agent"]
        assert seen.timeout == 30.0


def test_semantic_scholar_rate_limit_is_waited_out_then_given_up(replay, site, capsys):
    papers, output = site
    output.write_text(
        write_metrics(
            {
                "tabar2021systematics": Work(
                    counts={
                        "semanticscholar": Count(3, "semanticscholar", "2025-01-06")
                    }
                )
            }
        ),
        "utf-8",
    )
    replay.on(
        S2 + "DOI:10.2139",
        Answer(429, headers={"Retry-After": "20"}),
        answer(S2_PAPER),
    )
    replay.on(S2, Answer(429, headers={"Retry-After": "1"}))
    assert metrics(papers, "-o", output, "--source", "semanticscholar") == 0
    found = counts(output)
    assert found["banerjee2015miracle"] == {"semanticscholar": 2185}
    assert found["tabar2021systematics"] == {"semanticscholar": 3}  # kept
    err = capsys.readouterr().err
    assert "Semantic Scholar limits the requests (HTTP 429)" in err
    assert "Semantic Scholar is not asked again in this run" in err
    # the 20 s asked for; then four tries of the next DOI, and no more
    assert replay.waits[0] == 20.0 and len(replay.seen) == 2 + 4


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (Answer(error="timeout"), "Semantic Scholar timed out (4 tries, 30 s each)"),
        (cut(answer(S2_PAPER)), "Semantic Scholar sent an answer that is not JSON"),
        (
            answer("inspire/literature-1842768.json"),
            "Semantic Scholar answered without 'citationCount'",
        ),
    ],
    ids=["timeout", "cut-short", "not-a-paper"],
)
def test_semantic_scholar_failures_keep_the_last_count(
    replay, site, capsys, given, message
):
    papers, output = site
    output.write_text(
        write_metrics(
            {
                "banerjee2015miracle": Work(
                    counts={
                        "semanticscholar": Count(2000, "semanticscholar", "2025-01-06")
                    }
                )
            }
        ),
        "utf-8",
    )
    replay.on(S2 + "DOI:10.2139", given)
    replay.on(S2 + "ARXIV:", answer(S2_PAPER))
    replay.on(S2, answer("semanticscholar/not-found-0.json", 404))
    assert metrics(papers, "-o", output, "--source", "semanticscholar") == 0
    assert counts(output)["banerjee2015miracle"] == {"semanticscholar": 2000}
    err = capsys.readouterr().err
    assert f"banerjee2015miracle: doi:10.2139/ssrn.2250500: {message}" in err
    assert "the count of 2025-01-06 (2000) is kept" in err
    assert "Traceback" not in err


# --- INSPIRE ------------------------------------------------------------------------


def test_inspire_counts_by_doi_and_arxiv_id(replay, site, capsys):
    papers, output = site
    serve_inspire(replay)
    assert metrics(papers, "-o", output, "--source", "inspire") == 0
    found = counts(output)
    assert found["tabar2021systematics"] == {"inspire": 0}
    assert found["banerjee2015miracle"] == {}
    assert replay.urls() == [
        "https://inspirehep.net/api/doi/10.2139/ssrn.2250500",
        "https://inspirehep.net/api/doi/10.1016/j.nuclphysa.2021.122138",
        "https://inspirehep.net/api/arxiv/1605.08386",
    ]
    err = capsys.readouterr().err
    assert (
        "banerjee2015miracle: doi:10.2139/ssrn.2250500: INSPIRE does not know it" in err
    )
    assert replay.waits == [0.35, 0.35]  # 15 requests in 5 s at most
    assert {seen.headers["Accept"] for seen in replay.seen} == {"application/json"}


def test_an_arxiv_doi_is_asked_of_inspire_by_arxiv_id(replay, tmp_path, capsys):
    papers = tmp_path / "p.yaml"
    papers.write_text("- key: a\n  title: A\n  doi: 10.48550/arXiv.1605.08386\n")
    replay.on(INSPIRE, Answer(404))
    metrics(papers, "-o", tmp_path / "m.yaml", "--source", "inspire")
    assert replay.urls() == ["https://inspirehep.net/api/arxiv/1605.08386"]


def test_inspire_429_without_retry_after_waits_its_five_second_window(
    replay, site, capsys
):
    papers, output = site
    replay.on(
        INSPIRE + "doi/10.1016/j.nuclphysa.2021.122138",
        Answer(429),
        answer(INSPIRE_RECORD),
    )
    replay.on(INSPIRE, Answer(404))
    assert metrics(papers, "-o", output, "--source", "inspire") == 0
    assert counts(output)["tabar2021systematics"] == {"inspire": 0}
    # the pause before the DOI, then INSPIRE's window (more than the backoff)
    assert 5.0 in replay.waits and 2.0 not in replay.waits


def test_inspire_429_with_retry_after_is_honoured(replay, site, capsys):
    papers, output = site
    replay.on(INSPIRE, Answer(429, headers={"Retry-After": "9"}))
    assert metrics(papers, "-o", output, "--source", "inspire") == 1
    err = capsys.readouterr().err
    assert "INSPIRE limits the requests (HTTP 429)" in err
    assert "no count could be fetched" in err
    assert replay.waits[:3] == [9.0, 9.0, 9.0] and len(replay.seen) == 4


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (Answer(error="timeout"), "INSPIRE timed out (4 tries, 30 s each)"),
        (Answer(503), "INSPIRE is not answering (HTTP 503, 4 tries)"),
        (cut(answer(INSPIRE_RECORD), 0.3), "INSPIRE sent an answer that is not JSON"),
        (answer(S2_PAPER), "INSPIRE answered without the record's 'citation_count'"),
    ],
    ids=["timeout", "server-error", "cut-short", "not-a-record"],
)
def test_inspire_failures_keep_the_last_count(replay, site, capsys, given, message):
    papers, output = site
    output.write_text(
        write_metrics(
            {
                "tabar2021systematics": Work(
                    counts={"inspire": Count(1, "inspire", "2025-01-06")}
                )
            }
        ),
        "utf-8",
    )
    replay.on(INSPIRE + "doi/10.1016", given)
    replay.on(INSPIRE + "arxiv/1605.08386", answer(INSPIRE_RECORD))
    replay.on(INSPIRE, Answer(404))
    assert metrics(papers, "-o", output, "--source", "inspire") == 0
    assert counts(output)["tabar2021systematics"] == {"inspire": 1}
    err = capsys.readouterr().err
    assert (
        f"tabar2021systematics: doi:10.1016/j.nuclphysa.2021.122138: {message}" in err
    )
    assert "the count of 2025-01-06 (1) is kept" in err


def test_without_source_only_openalex_and_crossref_are_asked(replay, site, capsys):
    papers, output = site
    replay.on("api.", Answer(404))
    metrics(papers, "-o", output)
    hosts = {url.split("/")[2] for url in replay.urls()}
    assert hosts == {"api.openalex.org", "api.crossref.org"}
