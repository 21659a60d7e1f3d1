"""``sphinx-scholar import`` by identifier, against recorded answers of
Crossref, arXiv, OpenAlex and ORCID (tests/recordings/README.md names the
source of each). The client libraries and sphinx-scholar's code run as they
do against the services; only the transport below them is replaced
(tests/recordings/replay.py). Nothing here reaches the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from sphinx_scholar.cli import main
from sphinx_scholar.loaders import load_publications

from .recordings.replay import Answer, answer, crossref_item, cut, replay_fixture  # noqa: F401

CROSSREF = "api.crossref.org/works/"
PLOS = "doi:10.1371/journal.pone.0033693"
PLOS_ANSWER = "crossref/work-10.1371-journal.pone.0033693.json"
PREPRINT = "doi:10.1101/014852"
PUBLISHED = "doi:10.1002/ece3.2314"


def run(*args: object) -> int:
    return main(["import", *map(str, args)])


def entries(path: Path) -> dict[str, dict]:
    return {entry["key"]: entry for entry in yaml.safe_load(path.read_text("utf-8"))}


@pytest.fixture
def services(replay):
    """Every recorded answer, each at the address its service serves it."""
    replay.on(CROSSREF + "10.1371/journal.pone.0033693", answer(PLOS_ANSWER))
    replay.on(
        CROSSREF + "10.1101/014852", crossref_item("crossref/item-10.1101-014852.json")
    )
    replay.on(
        CROSSREF + "10.1002/ece3.2314",
        crossref_item("crossref/item-10.1002-ece3.2314.json"),
    )
    replay.on(CROSSREF + "10.1371/notarealdoi", answer("crossref/not-found.txt", 404))
    replay.on("id_list=1605.08386", answer("arxiv/1605.08386.xml"))
    replay.on("id_list=0000.0000", answer("arxiv/0000.0000.xml"))
    replay.on("api.openalex.org/works/W2741809807", answer("openalex/W2741809807.json"))
    replay.on(
        "pub.orcid.org/v3.0/0000-0002-1825-0097/works", answer("orcid/works-3.0.json")
    )
    return replay


def test_a_work_from_each_service_in_the_yaml_form(services, tmp_path, capsys):
    output = tmp_path / "papers.yaml"
    assert run(PLOS, "arxiv:1605.08386", "openalex:W2741809807", "-o", output) == 0
    papers = entries(output)
    plos = papers["sadasivan2012methylphenidate"]
    assert plos["title"].startswith("Methylphenidate Exposure Induces Dopamine")
    assert plos["authors"][:2] == ["Shankar Sadasivan", "Brooks B. Pond"]
    assert (plos["type"], plos["venue"], plos["year"], plos["month"]) == (
        "journal",
        "PLoS ONE",
        2012,
        3,
    )
    assert (plos["volume"], plos["number"], plos["pages"]) == ("7", "3", "e33693")
    assert plos["doi"] == "10.1371/journal.pone.0033693"
    preprint = papers["stanley2016heatbath"]
    assert preprint["type"] == "preprint" and preprint["arxiv"] == "1605.08386"
    assert preprint["authors"] == ["Caprice Stanley", "Tobias Windisch"]
    assert preprint["abstract"].startswith("Graphs on lattice points")
    oa = papers["piwowar2018state"]
    assert oa["doi"] == "10.7717/peerj.4375" and oa["venue"] == "PeerJ"
    assert oa["type"] == "journal"  # the type PeerJ registered, not OpenAlex's guess
    assert oa["abstract"].startswith("Despite growing interest in Open Access")
    assert load_publications(str(output)).problems == []


def test_every_request_is_polite(services, tmp_path):
    assert (
        run(PLOS, "arxiv:1605.08386", "openalex:W2741809807", "-o", tmp_path / "p.yaml")
        == 0
    )
    assert len(services.seen) == 3
    for seen in services.seen:
        agent = seen.headers.get("User-Agent") or seen.headers.get("user-agent")
        assert "sphinx-scholar/" in agent and "mailto:ada@example.org" in agent, seen
        assert seen.timeout == 30.0, seen  # no request waits forever
    arxiv = next(seen for seen in services.seen if "arxiv" in seen.url)
    assert "arxiv.py/" in arxiv.headers["user-agent"]  # the library still names itself
    openalex = next(seen for seen in services.seen if "openalex" in seen.url)
    assert openalex.headers["From"] == "ada@example.org"


def test_requests_to_one_service_are_spaced(services, tmp_path, capsys):
    """arXiv asks for one request every three seconds; Crossref's public pool
    for five a second at most."""
    run(
        "arxiv:1605.08386", "arxiv:0000.0000", PLOS, PREPRINT, "-o", tmp_path / "p.yaml"
    )
    assert services.waits == [3.0, 0.2]


def test_an_arxiv_doi_is_read_from_arxiv(services, tmp_path):
    output = tmp_path / "p.yaml"
    assert run("doi:10.48550/arXiv.1605.08386", "-o", output) == 0
    assert services.urls() == [
        "https://export.arxiv.org/api/query?search_query=&id_list=1605.08386"
        "&sortBy=relevance&sortOrder=descending&start=0&max_results=1"
    ]
    assert entries(output)["stanley2016heatbath"]["arxiv"] == "1605.08386"


def test_a_persons_works_from_orcid(services, tmp_path, capsys):
    """The works list of ORCID's documented record: one work whose DOIs are
    another version's and one that ORCID could not normalise, so ORCID's own
    summary is what is imported."""
    output = tmp_path / "p.yaml"
    assert run("orcid:0000-0002-1825-0097", "-o", output) == 0
    [work] = entries(output).values()
    assert (work["title"], work["type"], work["year"], work["month"]) == (
        "Work Title",
        "journal",
        2012,
        10,
    )
    assert work["venue"] == "Jounral Title"  # as recorded
    assert services.urls() == ["https://pub.orcid.org/v3.0/0000-0002-1825-0097/works"]
    assert services.seen[0].headers["Accept"] == "application/json"


# --- a preprint and its published version ---------------------------------------


def test_a_preprint_and_its_published_version_are_one_entry(services, tmp_path, capsys):
    """bioRxiv's preprint, imported first, becomes the Wiley article that
    Crossref says has it as its preprint; its title is spelled with another
    hyphen and its first author's name is split differently."""
    output = tmp_path / "p.yaml"
    assert run(PREPRINT, "-o", output) == 0
    [preprint] = entries(output).values()
    assert (preprint["type"], preprint["venue"]) == ("preprint", "bioRxiv")
    edit = output.read_text("utf-8").replace(
        "  type: preprint\n", "  type: preprint\n  tags: [dispersal]\n"
    )
    output.write_text(edit, "utf-8")

    assert run(PUBLISHED, "-o", output, "--yes") == 0
    out = capsys.readouterr().out
    assert "0 new, 1 updated" in out and "now its published version" in out
    [paper] = entries(output).values()
    assert paper["key"] == preprint["key"]
    assert (paper["type"], paper["venue"], paper["year"]) == (
        "journal",
        "Ecology and Evolution",
        2016,
    )
    assert (paper["volume"], paper["number"], paper["pages"]) == (
        "6",
        "18",
        "6425–6434",
    )
    assert paper["doi"] == "10.1002/ece3.2314" and paper["tags"] == ["dispersal"]
    assert paper["title"].startswith("After the games are over: life‐history")
    record = yaml.safe_load((tmp_path / "p.imported.yaml").read_text("utf-8"))
    assert record[paper["key"]]["identifiers"] == [
        "doi:10.1101/014852",
        "doi:10.1002/ece3.2314",
    ]

    # the preprint again: recognised by its DOI, it changes nothing
    assert run(PREPRINT, "-o", output, "--yes") == 0
    assert entries(output)[paper["key"]]["venue"] == "Ecology and Evolution"


def test_both_versions_in_one_import_make_one_entry(services, tmp_path, capsys):
    output = tmp_path / "p.yaml"
    assert run(PUBLISHED, PREPRINT, "-o", output) == 0
    [paper] = entries(output).values()
    assert paper["type"] == "journal" and paper["doi"] == "10.1002/ece3.2314"


def test_a_preprint_written_by_hand_is_found_by_its_title(services, tmp_path, capsys):
    output = tmp_path / "p.yaml"
    output.write_text(
        "- key: perkins2015games  # the bioRxiv version\n"
        "  type: preprint\n"
        "  title: After the Games are Over - Life-History Trade-Offs Drive Dispersal"
        " Attenuation Following Range Expansion\n"
        "  authors: [T. Alex Perkins, Carl Boettiger, Benjamin L. Phillips]\n"
        "  venue: bioRxiv\n"
        "  year: 2015\n"
        "  links: {code: 'https://github.com/cboettig/dispersal'}\n",
        "utf-8",
    )
    assert run(PUBLISHED, "-o", output, "--yes") == 0
    [paper] = entries(output).values()
    assert paper["key"] == "perkins2015games"
    assert (paper["type"], paper["venue"], paper["year"]) == (
        "journal",
        "Ecology and Evolution",
        2016,
    )
    assert paper["title"].startswith("After the Games are Over")  # the user's
    assert paper["links"] == {"code": "https://github.com/cboettig/dispersal"}
    assert "# the bioRxiv version" in output.read_text("utf-8")


def test_what_the_service_owns_is_updated_and_what_the_user_changed_is_kept(
    services, tmp_path, capsys
):
    """As if Crossref had said "PLOS One" at the last import: the venue the
    user left alone follows Crossref; the title the user fixed, and the
    notes, tags and highlight the user added, stay."""
    output = tmp_path / "p.yaml"
    assert run(PLOS, "-o", output) == 0
    record = tmp_path / "p.imported.yaml"
    key = "sadasivan2012methylphenidate"
    text = output.read_text("utf-8")
    text = text.replace("venue: PLoS ONE", "venue: PLOS One")
    text = text.replace(
        "  title: Methylphenidate Exposure", "  title: Methylphenidate exposure"
    )
    text = text.replace(
        "  month: 3\n", "  month: 3\n  notes: [Oral]\n  selected: true\n"
    )
    output.write_text(text, "utf-8")
    record.write_text(
        record.read_text("utf-8").replace("venue: PLoS ONE", "venue: PLOS One"), "utf-8"
    )

    assert run(PLOS, "-o", output, "--yes") == 0
    out = capsys.readouterr().out
    assert "    venue: PLOS One\n      -> PLoS ONE" in out
    assert "kept your title: Methylphenidate exposure" in out
    paper = entries(output)[key]
    assert paper["venue"] == "PLoS ONE"
    assert paper["title"].startswith("Methylphenidate exposure")
    assert paper["notes"] == ["Oral"] and paper["selected"] is True


# --- when the services do not answer as they should ------------------------------


def test_an_unknown_identifier_is_named_and_the_others_are_imported(
    services, tmp_path, capsys
):
    output = tmp_path / "p.yaml"
    services.on("api.openalex.org/works/W1", Answer(404))
    code = run(
        "doi:10.1371/notarealdoi", "arxiv:0000.0000", "openalex:W1", PLOS, "-o", output
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "error: doi:10.1371/notarealdoi: Crossref does not know it" in err
    assert "error: arxiv:0000.0000: arXiv does not know it" in err
    assert "error: openalex:W1: OpenAlex does not know it" in err
    assert "Traceback" not in err
    assert list(entries(output)) == ["sadasivan2012methylphenidate"]
    # a 404 is not tried again
    assert (
        services.urls().count("https://api.crossref.org/works/10.1371/notarealdoi") == 1
    )


def test_rate_limiting_is_waited_out_as_the_service_asks(services, tmp_path, capsys):
    services.routes.insert(
        0, (CROSSREF, [Answer(429, headers={"Retry-After": "7"}), answer(PLOS_ANSWER)])
    )
    output = tmp_path / "p.yaml"
    assert run(PLOS, "-o", output) == 0
    assert services.waits == [7.0]
    assert list(entries(output)) == ["sadasivan2012methylphenidate"]


def test_rate_limiting_that_lasts_keeps_the_file_as_it_was(services, tmp_path, capsys):
    services.routes.insert(0, (CROSSREF, [Answer(429, headers={"Retry-After": "1"})]))
    output = tmp_path / "p.yaml"
    output.write_text("- key: mine\n  title: Mine\n", "utf-8")
    assert run(PLOS, "-o", output, "--yes") == 1
    err = capsys.readouterr().err
    assert f"error: {PLOS}: Crossref limits the requests (HTTP 429)" in err
    assert "after 4 tries" in err
    assert services.waits == [2.0, 4.0, 8.0]  # backoff, at least what it asks
    assert output.read_text("utf-8") == "- key: mine\n  title: Mine\n"


def test_a_retry_after_too_long_to_wait_gives_up_at_once(services, tmp_path, capsys):
    services.routes.insert(
        0, ("api.openalex.org", [Answer(429, headers={"Retry-After": "3600"})])
    )
    assert run("openalex:W2741809807", "-o", tmp_path / "p.yaml") == 1
    assert "asks to wait 3600 s; try again later" in capsys.readouterr().err
    assert len(services.seen) == 1 and services.waits == []


@pytest.mark.parametrize(
    ("identifier", "host"),
    [
        (PLOS, "api.crossref.org"),
        ("arxiv:1605.08386", "arxiv.org"),
        ("openalex:W2741809807", "openalex.org"),
    ],
)
def test_a_service_that_times_out_is_tried_again_then_reported(
    services, tmp_path, capsys, identifier, host
):
    services.routes.insert(0, (host, [Answer(error="timeout")]))
    assert run(identifier, "-o", tmp_path / "p.yaml", "--timeout", "5") == 1
    err = capsys.readouterr().err
    assert f"error: {identifier}:" in err and "timed out (4 tries, 5 s each)" in err
    assert len(services.seen) == 4 and {seen.timeout for seen in services.seen} == {5.0}
    assert "Traceback" not in err


def test_a_server_error_then_an_answer(services, tmp_path, capsys):
    services.routes.insert(
        0, ("export.arxiv.org", [Answer(503), answer("arxiv/1605.08386.xml")])
    )
    assert run("arxiv:1605.08386", "-o", tmp_path / "p.yaml") == 0
    # the backoff, then what is left of arXiv's three seconds between requests
    assert services.waits == [2.0, 1.0]


def test_answers_cut_short_are_reported_not_imported(services, tmp_path, capsys):
    services.routes.insert(0, (CROSSREF, [cut(answer(PLOS_ANSWER))]))
    services.routes.insert(
        0, ("export.arxiv.org", [cut(answer("arxiv/1605.08386.xml"), 0.8)])
    )
    services.routes.insert(
        0, ("api.openalex.org", [cut(answer("openalex/W2741809807.json"))])
    )
    code = run(
        PLOS, "arxiv:1605.08386", "openalex:W2741809807", "-o", tmp_path / "p.yaml"
    )
    assert code == 1
    err = capsys.readouterr().err
    assert f"error: {PLOS}: Crossref sent an answer that cannot be read" in err
    assert "error: arxiv:1605.08386: arXiv's answer was cut short" in err
    assert (
        "error: openalex:W2741809807: OpenAlex sent an answer that cannot be read"
        in err
    )
    assert "nothing to import" in err and not (tmp_path / "p.yaml").exists()


def test_an_answer_that_is_not_a_work_is_reported(services, tmp_path, capsys):
    """Crossref's answer about another thing (the DOI's registration agency):
    well-formed, but not the work."""
    services.routes.insert(
        0, (CROSSREF, [answer("crossref/agency-10.1126-science.169.3946.635.json")])
    )
    assert run(PLOS, "-o", tmp_path / "p.yaml") == 1
    assert "Crossref answered without the work" in capsys.readouterr().err


def test_without_the_client_libraries_the_message_says_what_to_install(
    services, tmp_path, monkeypatch, capsys
):
    monkeypatch.setitem(sys.modules, "habanero", None)
    assert run(PLOS, "-o", tmp_path / "p.yaml") == 1
    assert "pip install 'sphinx-scholar[import]'" in capsys.readouterr().err


def test_text_from_the_services_reaches_the_file_without_markup(services, tmp_path):
    """Crossref's abstracts are JATS (``<jats:p>``); the YAML holds text."""
    output = tmp_path / "p.yaml"
    assert run(PUBLISHED, "-o", output) == 0
    [paper] = entries(output).values()
    assert paper["abstract"].startswith("Increased dispersal propensity")
    assert "<" not in output.read_text("utf-8")
