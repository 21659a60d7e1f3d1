"""The three example sites and the documentation build cleanly in every
builder, and each example reads like the page it reproduces."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).parent.parent


EXAMPLES = REPO / "example_site"
SITES = ("homepage", "blog", "profile")
BUILDERS = ("html", "dirhtml", "singlehtml", "latex", "text", "epub", "man")


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("site", SITES)
def test_example_sites_build_without_warnings(make_app, tmp_path, site, builder):
    app = make_app(builder, srcdir=EXAMPLES / site, builddir=tmp_path, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""


def test_docs_build_without_warnings(make_app, tmp_path):
    app = make_app("html", srcdir=REPO / "docs", builddir=tmp_path, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""


def test_example_homepage_reads_like_the_seed(make_app, tmp_path):
    app = make_app(
        "html", srcdir=EXAMPLES / "homepage", builddir=tmp_path, freshenv=True
    )
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    groups = [
        section.find(["h2", "h3"]).get_text(strip=True).rstrip("#¶")
        for section in soup.select("section.scholar-group")
    ]
    assert groups == ["2019", "2018", "2017", "2016", "≤ 2015"]
    entries = soup.select("li.scholar-publication")
    assert len(entries) == 38
    by_title = {e.select_one(".scholar-title").get_text(): e for e in entries}
    icml = by_title["Learning to Generalize from Sparse and Underspecified Rewards"]
    assert (
        icml.select_one(".scholar-venue").get_text() == "ICML, 2019 (to appear). [pdf]"
    )
    keypoints = by_title[
        "Discovery of Latent 3D Keypoints via End-to-end Geometric Reasoning"
    ]
    assert (
        keypoints.select_one(".scholar-venue").get_text()
        == "NeurIPS, 2018 (Oral). [pdf] [code] [web]"
    )
    zero_shot = by_title[
        "Zero-Shot Learning by Convex Combination of Semantic Embeddings"
    ]
    assert zero_shot.select_one(".scholar-venue").get_text() == (
        "ICLR, 2014. [pdf] [slides:pptx] [dataset: 2-hop, 3-hop]"
    )
    kmeans = by_title["Cartesian k-means"]
    assert (
        kmeans.select_one(".scholar-venue").get_text()
        == "CVPR, 2013. [pdf] [code] [slides:ppt/pptx]"
    )
    tpami = by_title["Fast Exact Search in Hamming Space with Multi-Index Hashing"]
    assert (
        tpami.select_one(".scholar-venue")
        .get_text()
        .startswith("TPAMI, vol. 36, no. 6, 2014.")
    )
    # the site owner is highlighted in every entry, under every spelling
    assert all(e.select(".scholar-highlight") for e in entries)
    assert {h.get_text() for h in soup.select(".scholar-highlight")} == {
        "Mohammad Norouzi"
    }
    last = entries[-1]
    assert (
        last.select_one(".scholar-related")
        .get_text()
        .startswith(
            "Extended version: Master's thesis at Simon Fraser University, 2009. [pdf] [slides:ppt]"
        )
    )


def test_example_homepage_has_the_seeds_talks_and_cv(make_app, tmp_path):
    app = make_app(
        "html", srcdir=EXAMPLES / "homepage", builddir=tmp_path, freshenv=True
    )
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    talks = [
        li.select_one(".scholar-title").get_text()
        for li in soup.select("li.scholar-talk")
    ]
    # as the seed writes them: no full stop, no [paper] link
    assert talks[0] == "[53 mins] Sequence Prediction Meets Reinforcement Learning"
    assert talks[3] == (
        '[81 mins] Lecture on "Towards a unified view of supervised learning and '
        'reinforcement learning" at UC Berkeley, 2017'
    )
    assert (
        talks[-1]
        == "[20 mins] Minimal Loss Hashing for Compact Binary Codes at ICML 2011"
    )
    assert len(talks) == 7
    cv = [
        [line.get_text() for line in li.select(".line")]
        for li in soup.select("li.scholar-cv-entry")
    ]
    assert cv[0][:2] == [
        "PhD student, Computer Science, University of Toronto",
        "Advisor: David Fleet, Sep 2010 - Dec 2015",
    ]
    assert cv[1] == [
        "Research Intern, Google, Mountain View, CA USA.",
        "Mentors: Samy Bengio, Yoram Singer - Summer 2013.",
    ]
    assert cv[2] == [
        "Research Intern, Microsoft Research, Cambridge UK.",
        "Mentor: Pushmeet Kohli - Spring 2013.",
    ]
    assert cv[3][0] == "Teaching assistant for"
    assert cv[3][-1] == "CSC236: Intro to Theory of Computation."
    # the CV page's talks link the paper they present, on the same page
    cv_page = BeautifulSoup(
        (app.outdir / "cv.html").read_text(encoding="utf-8"), "html.parser"
    )
    paper = cv_page.select("li.scholar-talk")[-1].select(".scholar-links a")[-1]
    assert paper["href"] == "#pub-norouzi2011minimal"


def test_example_profile_page(make_app, tmp_path):
    app = make_app(
        "html", srcdir=EXAMPLES / "profile", builddir=tmp_path, freshenv=True
    )
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    # the page's title is the name, which the profile repeats, as the seed
    # does (tests/test_seed_profile.py compares the whole page)
    assert soup.select_one("h1").get_text().rstrip("#¶") == "Hugo Larochelle"
    profile = soup.select_one(".scholar-profile")
    assert [line.get_text() for line in profile.select(".line")] == ["Hugo Larochelle"]
    assert (
        profile.select("p")[0]
        .get_text()
        .startswith("I am a Principal Scientist in the Google DeepMind team")
    )
    entries = soup.select("li.scholar-publication")
    assert len(entries) == 10
    assert all(entry.select_one(".scholar-abstract") for entry in entries)


def test_docs_have_no_broken_internal_links(make_app, tmp_path):
    import json

    app = make_app(
        "linkcheck",
        srcdir=REPO / "docs",
        builddir=tmp_path,
        freshenv=True,
        # no network here: other hosts are not checked
        confoverrides={
            "linkcheck_ignore": [r"example/.*", r"https?://.*", r"mailto:.*"]
        },
    )
    app.build()
    results = [
        json.loads(line)
        for line in (app.outdir / "output.json")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    ]
    assert results, "linkcheck found no links at all"
    assert [r for r in results if r["status"] == "broken"] == []
