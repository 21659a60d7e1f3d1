"""The cv, people and profile directives, read from the HTML a visitor gets."""

import re

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
    page = html(app, "ada")
    profile = page.select_one(".scholar-profile")
    head = profile.select_one(".scholar-profile-head")
    assert head.select_one("img.scholar-photo")["alt"] == "Ada Lovelace"
    # the page is titled with her name: the profile does not say it again
    assert page.select_one("h1").get_text().rstrip("¶#") == "Ada Lovelace"
    assert not profile.select(".scholar-name")
    assert entry_lines(head)[:2] == ["Principal investigator", "Analytical Engine Lab"]
    # the links are icons, named by their sites for screen readers
    links = head.select(".scholar-profile-links a.scholar-icon-link")
    assert [
        (a.select_one(".scholar-visually-hidden").get_text(), a["title"], a["href"])
        for a in links
    ] == [
        ("Google Scholar", "Google Scholar", "https://example.org/ada/scholar"),
        ("GitHub", "GitHub", "https://example.org/ada/github"),
        ("Email", "Email", "mailto:ada%40example.org"),
    ]
    for a in links:
        svg = a.select_one("svg.scholar-icon")
        assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"
        assert "currentColor" in (svg.get("fill"), svg.get("stroke"))
        assert not svg.select("title")
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


PROFILES = """\
Our lab
=======

.. profile:: ada

.. profile:: ada
   :name: hide
   :photo: square

Ada Lovelace
------------

.. profile:: ada
   :name: show

.. profile:: mary
"""
OTHER_LINKS = """\
- id: ada
  name: Ada Lovelace
  links:
    blog: https://example.org/ada/blog
    cv: {en: https://example.org/cv.pdf, fr: https://example.org/cv-fr.pdf}
    x: https://x.example.org/ada
"""


def build_profiles(tmp_path, builder: str, people: str | None = None):
    import io
    import shutil
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    shutil.copytree(Path(__file__).parent / "roots" / "test-people", srcdir)
    (srcdir / "profiles.rst").write_text(PROFILES, encoding="utf-8")
    if people is not None:
        (srcdir / "data" / "people.yaml").write_text(people, encoding="utf-8")
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        status=io.StringIO(),
        warning=io.StringIO(),
        confoverrides={
            "latex_documents": [("profiles", "profiles.tex", "P", "A", "howto")],
            "man_pages": [("profiles", "profiles", "Profiles", [], 1)],
        },
    )
    app.build()
    return app


def test_the_profile_names_the_person_unless_the_title_does(tmp_path):
    app = build_profiles(tmp_path, "html")
    profiles = html(app, "profiles").select(".scholar-profile")
    names = [
        [line.get_text() for line in profile.select(".scholar-name")]
        for profile in profiles
    ]
    # under "Our lab"; hidden; under "Ada Lovelace" but shown; Mary
    assert names == [["Ada Lovelace"], [], ["Ada Lovelace"], ["Mary Somerville"]]
    photos = [profile.select_one("img.scholar-photo") for profile in profiles]
    assert "scholar-photo-round" in photos[0]["class"]
    assert "scholar-photo-square" in photos[1]["class"]
    # no photo, no links: no empty line or link row is left
    assert photos[3] is None and not profiles[3].select(".scholar-profile-links")
    app.cleanup()


def test_other_links_keep_their_text_beside_an_icon(tmp_path):
    app = build_profiles(tmp_path, "html", OTHER_LINKS)
    profile = html(app, "profiles").select_one(".scholar-profile")
    links = profile.select("a.scholar-icon-link")
    assert [
        (a.get_text(), [span["class"][0] for span in a.select("span")]) for a in links
    ] == [
        ("blog", ["scholar-link-text"]),
        ("CV: en", ["scholar-link-text"]),
        ("CV: fr", ["scholar-link-text"]),
        ("X", ["scholar-visually-hidden"]),
    ]
    assert all(a.select_one("svg.scholar-icon") for a in links)
    app.cleanup()


@pytest.mark.parametrize("builder", ["text", "latex", "man"])
def test_other_builders_show_the_profile_as_text(tmp_path, builder):
    app = build_profiles(tmp_path, builder)
    output = "\n".join(
        path.read_text(encoding="utf-8")
        for path in app.outdir.iterdir()
        if path.suffix in (".txt", ".tex", ".1")
    )
    assert "<svg" not in output and "scholar-icon" not in output
    for text in ("Ada Lovelace", "Principal investigator", "Analytical Engine Lab"):
        assert text in output
    assert re.search(
        r"Google Scholar.{0,80}·.{0,80}GitHub.{0,80}·.{0,80}Email", output, re.S
    )
    app.cleanup()
