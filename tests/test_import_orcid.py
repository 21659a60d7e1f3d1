"""``sphinx-scholar import orcid:...`` of a person whose works carry DOIs:
each DOI asked of Crossref, ORCID's own summary kept where Crossref cannot
give the work.

What is combined: the ORCID answer is rorcid's recording of Peter
Binfield's works (0000-0002-9341-7985: eight works, four with a DOI). No
source we found recorded Crossref's answers for those four DOIs, so the
test serves recorded Crossref answers of other works in their place:
PLOS ONE's work for the first DOI asked (the path is what is tested, not
that the two records match) and Crossref's recorded 404 for another, a
503 for the third. tests/recordings/README.md names each source.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from sphinx_scholar.cli import main

from .recordings.replay import Answer, answer, replay_fixture  # noqa: F401

ORCID = "pub.orcid.org/v3.0/0000-0002-9341-7985/works"
CROSSREF = "api.crossref.org/works/"


def entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text("utf-8"))


def test_works_with_dois_are_read_from_crossref(replay, tmp_path, capsys):
    replay.on(ORCID, answer("orcid/works-0000-0002-9341-7985.json"))
    replay.on(
        CROSSREF + "10.3233/isu-130714",
        answer("crossref/work-10.1371-journal.pone.0033693.json"),
    )
    replay.on(
        CROSSREF + "10.1038/npre.2009.2801", answer("crossref/not-found.txt", 404)
    )
    replay.on(CROSSREF + "10.1080/03615260801973992", Answer(503))
    replay.on(CROSSREF, answer("crossref/not-found.txt", 404))
    output = tmp_path / "p.yaml"
    assert main(["import", "orcid:0000-0002-9341-7985", "-o", str(output)]) == 0

    # the list, then each DOI of ORCID's list in its order, lower case
    crossref = [url.split("/works/")[1] for url in replay.urls("crossref")]
    assert replay.urls()[0] == "https://pub.orcid.org/v3.0/0000-0002-9341-7985/works"
    assert list(dict.fromkeys(crossref)) == [
        "10.3233/isu-130714",
        "10.1038/npre.2009.2801",
        "10.1080/03615260801973992",
        "10.1080/03615260801973414",
    ]
    assert crossref.count("10.1080/03615260801973992") == 4  # busy: tried again
    assert not replay.urls("arxiv")

    papers = entries(output)
    titles = [paper["title"] for paper in papers]
    # Crossref's record where Crossref answered ...
    assert titles[0].startswith("Methylphenidate Exposure Induces Dopamine")
    assert papers[0]["venue"] == "PLoS ONE"
    # ... ORCID's summary for the others, the works without a DOI among them
    assert "Reputation, authority and incentives" in " ".join(titles)
    assert "Reciprocity failure in continuous wave holography" in titles
    assert len(papers) == 8
    holography = next(p for p in papers if p["title"].startswith("Reciprocity"))
    assert (holography["type"], holography["year"]) == ("journal", 1993)

    err = capsys.readouterr().err
    assert (
        "orcid:0000-0002-9341-7985: doi:10.1038/npre.2009.2801: Crossref does not know it; ORCID's summary is used"
        in err
    )
    assert "doi:10.1080/03615260801973992: Crossref is not answering (HTTP 503" in err

    record = yaml.safe_load((tmp_path / "p.imported.yaml").read_text("utf-8"))
    assert any(
        "doi:10.1371/journal.pone.0033693" in entry["identifiers"]
        for entry in record.values()
    )
