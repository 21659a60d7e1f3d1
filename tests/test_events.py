"""Event roundups, sponsorship, awards and the news list, as a visitor reads them."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from .test_build import read_and_written, replace_in


def html(app, name):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def lines(node):
    return [line.get_text() for line in node.select(".line")]


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_sponsorship_roles_and_program(app):
    app.build()
    soup = html(app, "news/icml")
    assert (
        soup.select_one("p.scholar-sponsorship").get_text()
        == "Engines Inc is a Platinum Sponsor of ICML 2015."
    )
    assert lines(soup.select_one(".scholar-roles")) == [
        "ICML Program Committee",
        "Area Chair - Corinna Cortes, Samy Bengio",
        "IMLS Board Member - Corinna Cortes",
    ]
    items = soup.select("li.scholar-program-item")
    assert lines(items[0]) == [
        "Workshop on Deep Learning",
        "Geoff Hinton - Organizer",
        "Tara Sainath, O. Vinyals - Invited Speakers",
        "Poster - A Neural Conversational Model",
        "Oriol Vinyals, Quoc Le",
        "Oral Presentation - Massively Parallel Methods",
        "Arun Nair",
    ]
    assert (
        items[0].select_one(".scholar-title a")["href"]
        == "https://example.org/dl-workshop"
    )
    # members are highlighted through the registry's groups and name variants
    assert [h.get_text() for h in items[0].select(".scholar-highlight")] == [
        "O. Vinyals",
        "Oriol Vinyals",
    ]
    assert lines(items[1]) == ["Looking at People (sponsor)"]


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_a_whole_roundup_from_one_event_file(app):
    app.build()
    soup = html(app, "news/roundup")
    headings = [
        s.find("h2").get_text().rstrip("¶#")
        for s in soup.select("section.scholar-group")
    ]
    assert headings == ["Papers", "Tutorials", "Workshops", "Challenges"]
    papers = soup.select("li.scholar-publication")
    assert [p.select_one(".scholar-title").get_text() for p in papers] == [
        "Batch Normalization: Accelerating Deep Network Training"
    ]
    challenge = soup.select("section.scholar-group")[-1]
    assert lines(challenge) == [
        "Scene Understanding Challenge",
        "Winners of the Caption Challenge: Oriol Vinyals, Samy Bengio",
    ]
    assert {h.get_text() for h in challenge.select(".scholar-highlight")} == {
        "Oriol Vinyals",
        "Samy Bengio",
    }


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_an_event_has_a_calendar_file_and_json_ld(app):
    app.build()
    soup = html(app, "news/icml")
    link = soup.select_one("a.scholar-calendar")
    assert link.get_text() == "Add ICML 2015 to your calendar"
    ics = (app.outdir / "news" / link["href"]).resolve().read_text(encoding="utf-8")
    assert "SUMMARY:2015 International Conference on Machine Learning" in ics
    assert "DTSTART;VALUE=DATE:20150706" in ics
    assert "DTEND;VALUE=DATE:20150712" in ics  # all day, the end exclusive
    assert "LOCATION:Lille\\, France" in ics
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1  # once per page, however many directives show the event
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2015-07-06", "2015-07-11")
    assert data["location"]["name"] == "Lille, France"


@pytest.mark.sphinx("text", testroot="events", freshenv=True)
def test_other_builders_have_no_calendar_link_or_script(app):
    app.build()
    text = (app.outdir / "news" / "icml.txt").read_text(encoding="utf-8")
    assert "calendar" not in text and "schema.org" not in text
    assert "Engines Inc is a Platinum Sponsor of ICML 2015." in text


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_awards_projects_and_fellows(app):
    app.build()
    soup = html(app, "news/awards")
    project = soup.select_one("li.scholar-project")
    assert lines(project) == [
        "SCAN: Systematic Content Analysis of User Comments",
        "Walid Maalej, Professor of Informatics, University of Hamburg",
        "Wiebke Loosen, Senior Researcher",
    ]
    assert (
        project.select_one(".scholar-description").get_text()
        == "This project aims at developing a framework."
    )
    fellows = [li.get_text() for li in soup.select("li.scholar-recipient")]
    assert fellows == [
        "Thang Bui, Fellowship in Speech Technology (University of Cambridge)",
        "Felix Hill, Fellowship in Language Understanding (University of Cambridge)",
    ]
    assert (
        soup.select("li.scholar-recipient")[0].select_one(".scholar-highlight") is None
    )
    assert (
        soup.select("li.scholar-recipient")[1]
        .select_one(".scholar-highlight")
        .get_text()
        == "Felix Hill"
    )


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_news_lists_dated_pages_newest_first(app):
    app.build()
    items = html(app, "index").select("li.scholar-news-item")
    assert [lines(item) for item in items] == [
        ["July 7, 2015 — The whole roundup"],
        ["July 6, 2015 — Engines at ICML 2015", "Our people at ICML 2015."],
        ["June 25, 2015 — A narrative post"],
        ["June 20, 2015 — Awards", "Awards and fellowships."],
    ]
    assert items[1].a["href"] == "news/icml.html"


def test_the_news_page_follows_its_posts(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-events", srcdir)
    read_and_written(make_app, srcdir)
    (srcdir / "news" / "later.rst").write_text(
        ":date: 2015-08-01\n\nA later post\n============\n", encoding="utf-8"
    )
    story = srcdir / "news" / "story.rst"
    replace_in(story, "A narrative post", "A retitled post")
    app, read, written = read_and_written(make_app, srcdir)
    assert "index" in written
    items = html(app, "index").select("li.scholar-news-item")
    assert lines(items[0]) == ["August 1, 2015 — A later post"]
    assert "June 25, 2015 — A retitled post" in [lines(item)[0] for item in items]


@pytest.mark.sphinx("latex", testroot="events", freshenv=True)
def test_events_and_news_in_latex(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Engines Inc is a Platinum Sponsor of ICML 2015." in tex
    assert "Fellowship in Speech Technology" in tex
    assert "The whole roundup" in tex


@pytest.mark.sphinx("html", testroot="events", freshenv=True)
def test_role_lines_in_the_wording_of_a_research_blog(app):
    app.build()
    assert app.warning.getvalue() == ""
    soup = html(app, "wording")
    assert lines(soup.select_one(".scholar-roles")) == [
        "Area Chair - Ada Lovelace & Mary Somerville",
        # a role's own join comes before the directive's
        "Board - Ada Lovelace, Mary Somerville, Charles Babbage",
    ]
    workshop, challenge = soup.select("section")[0].select("li.scholar-program-item")
    assert lines(workshop) == [
        "Difference Engines",
        # only the organisation's share of the committee: "includes"
        "Program Committee includes: Charles Babbage",
        "Program organizers include: Ada Lovelace, Mary Somerville",
        "Includes speaker Ada Lovelace - “Engines at scale”",
    ]
    assert lines(challenge) == [
        "The Loom Challenge (sponsor)",
        "Winners: A, B and C",
        "Runners-up: D, E, and F",
        "Judges: G and H",
        "Includes speaker Ada Lovelace - “Punched cards”",
        "Includes speaker  - “A note”",
    ]
    # :hide: calendar on the page's first directive of the event
    assert not soup.select(".scholar-calendar")
    default = soup.select("section")[1].select_one("li.scholar-program-item")
    assert lines(default)[-3:] == [
        "Poster - Punched cards",
        "Ada Lovelace",
        "A note",  # no label: the template's "{label} - " is left out
    ]
