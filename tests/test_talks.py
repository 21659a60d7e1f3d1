"""The talks directive, and links from talks and prose to publications."""

import pytest
from bs4 import BeautifulSoup


def html(app, name="index"):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def lines(soup):
    return [
        li.select_one(".scholar-title").get_text()
        for li in soup.select("li.scholar-talk")
    ]


@pytest.mark.sphinx("html", testroot="talks", freshenv=True)
def test_talks_read_like_a_homepage(app):
    app.build()
    assert lines(html(app)) == [
        "[18 mins] Analytical Engines Revisited at ICML 2019. [slides] [paper]",
        "[81 mins] Lecture on “Towards a unified view of engines” at UC Berkeley, 2017.",
        "[53 mins] Poetical Science at Royal Society, 2016.",
        "A Talk Before Recordings (2012).",
    ]


@pytest.mark.sphinx("html", testroot="talks", freshenv=True)
def test_a_talk_links_its_recording_and_the_paper_it_presents(app):
    app.build()
    first = html(app).select("li.scholar-talk")[0]
    assert (
        first.select_one(".scholar-title a")["href"]
        == "https://example.org/video/engines"
    )
    paper = first.select(".scholar-links a")[-1]
    assert paper.get_text() == "paper"
    assert paper["href"] == "papers.html#pub-lovelace2019engines"
    speakers = first.select_one(".scholar-authors")
    assert (
        speakers.select_one(".scholar-highlight a")["href"] == "https://example.org/ada"
    )


@pytest.mark.sphinx("html", testroot="talks", freshenv=True)
def test_prose_cites_a_publication_by_its_title(app):
    app.build()
    refs = {a.get_text(): a["href"] for a in html(app).select("p a.reference.internal")}
    assert refs["Analytical Engines Revisited"] == "papers.html#pub-lovelace2019engines"
    assert refs["the notes"] == "papers.html#pub-lovelace2014notes"
    warnings = app.warning.getvalue()
    assert "'nowhere2020' is shown by no publications list of the site" in warnings
    assert "[scholar.reference]" in warnings


@pytest.mark.sphinx("html", testroot="talks", freshenv=True)
def test_talks_group_by_kind_and_filter_like_publications(app):
    app.build()
    soup = html(app, "by-kind")
    headings = [
        s.find("h2").get_text().rstrip("¶#")
        for s in soup.select("section.scholar-group")
    ]
    assert headings == ["Keynotes", "Lectures", "Conference talks"]
    assert lines(soup) == [
        "[53 mins] Poetical Science at Royal Society, 2016.",
        "[81 mins] Lecture on “Towards a unified view of engines” at UC Berkeley, 2017.",
        "[18 mins] Analytical Engines Revisited at ICML 2019. [paper]",
    ]
    assert not soup.select(".scholar-authors")
