"""The cv, people and profile directives, read from the HTML a visitor gets."""

import pytest
from bs4 import BeautifulSoup


def html(app, name="index"):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def entry_lines(item):
    return [line.get_text() for line in item.select(".line")]


@pytest.mark.sphinx("html", testroot="cv", freshenv=True)
def test_cv_sections_read_like_the_seed(app):
    app.build()
    soup = html(app, "parts")
    education, internships, recent = soup.select("ul.scholar-cv")
    phd = education.select("li.scholar-cv-entry")[0]
    assert entry_lines(phd) == [
        "PhD student, Computer Science, University of Toronto",
        "Advisor: David Fleet, Sep 2010 - Dec 2015",
    ]
    assert phd.select_one(".scholar-details a")["href"] == "https://example.org/fleet"
    assert entry_lines(education.select("li")[1])[-1] == (
        "Thesis: Stacks of Convolutional Restricted Boltzmann Machines"
    )
    assert [entry_lines(li) for li in internships.select("li")] == [
        [
            "Research Intern, Google, Mountain View, CA USA.",
            "Mentors: Samy Bengio, Yoram Singer - Summer 2013.",
        ],
        [
            "Research Intern, Microsoft Research, Cambridge UK.",
            "Mentor: Pushmeet Kohli - Spring 2013.",
        ],
    ]
    assert [entry_lines(li) for li in recent.select("li")] == [
        ["Senior Research Scientist, Google Brain, Toronto.", "Jan 2018 - present"],
        ["Research Scientist, Google Brain, Mountain View.", "Jan 2016 - Dec 2017"],
    ]
    # one section alone has no heading of its own: the page has one
    assert not soup.select(".scholar-group")


@pytest.mark.sphinx("html", testroot="cv", freshenv=True)
def test_whole_cv_has_a_heading_per_section_and_teaching_by_role(app):
    app.build()
    soup = html(app)
    headings = [
        s.find("h2").get_text().rstrip("¶#")
        for s in soup.select("section.scholar-group")
    ]
    assert headings == [
        "Positions",
        "Education",
        "Honors and awards",
        "Teaching",
        "Service",
    ]
    teaching = soup.select_one("ul.scholar-cv-teaching")
    assert [entry_lines(li) for li in teaching.select("li")] == [
        [
            "Teaching assistant for",
            "CSC2503: Foundations of Computer Vision (Grad),",
            "CSC411: Machine Learning and Data Mining (Fall 2012, Fall 2013).",
        ],
        ["Instructor for", "CSC100: Computing for Everyone."],
    ]
    assert entry_lines(soup.select_one("ul.scholar-cv-honors li")) == [
        "Google PhD Fellowship in Machine Learning, Google",
        "2013",
    ]
    assert entry_lines(soup.select_one("ul.scholar-cv-service li")) == [
        "Area chair, NeurIPS",
        "2019",
    ]


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_people_by_role_with_photos_links_and_highlight(app):
    app.build()
    soup = html(app)
    headings = [
        s.find("h3").get_text().rstrip("¶#")
        for s in soup.select("section.scholar-group")
    ]
    assert headings == ["Principal investigator", "PhD student"]
    members = soup.select("section.scholar-group li.scholar-person")
    assert [m.select_one(".scholar-name").get_text() for m in members] == [
        "Ada Lovelace",
        "Mary Somerville",
    ]
    ada = members[0]
    photo = ada.select_one("img.scholar-photo")
    assert photo["alt"] == "Ada Lovelace"
    assert (app.outdir / photo["src"]).exists()
    assert ada.select_one(".scholar-highlight a")["href"] == "https://example.org/ada"
    links = {a.get_text(): a["href"] for a in ada.select(".scholar-links a")}
    assert links == {
        "Google Scholar": "https://example.org/ada/scholar",
        "GitHub": "https://example.org/ada/github",
        "Email": "mailto:ada%40example.org",
    }
    alumni = soup.select("ul.scholar-people")[-1]
    assert [p.select_one(".scholar-name").get_text() for p in alumni.select("li")] == [
        "Charles Babbage"
    ]
    # his photo is not there: reported where he is in the people file, and left out
    assert not alumni.select("img")
    assert (
        "people.yaml:18: WARNING: picture 'photos/charles.jpg' of 'charles' not found"
        in app.warning.getvalue()
    )


@pytest.mark.sphinx("html", testroot="people", freshenv=True)
def test_profile_opens_a_homepage(app):
    app.build()
    profile = html(app, "ada").select_one(".scholar-profile")
    assert profile.select_one("img.scholar-photo")["alt"] == "Ada Lovelace"
    assert entry_lines(profile)[:3] == [
        "Ada Lovelace",
        "Principal investigator",
        "Analytical Engine Lab",
    ]
    assert (
        profile.select_one(".scholar-areas").get_text()
        == "Research areas: Computing, Poetical science."
    )
    assert (
        profile.select("p")[-1].get_text()
        == "I write programs for engines that do not exist yet."
    )
    warnings = app.warning.getvalue()
    assert (
        "ada.rst:8: WARNING: profile: no person 'nobody' in the people registry"
        in warnings
    )
