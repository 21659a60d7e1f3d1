"""A CV laid out as a timeline (``.. cv:: :layout: timeline``): in HTML the
dates of each entry in a column of their own, left of it (above it on a
phone); the other builders write the entries as the default layout does."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

TIMELINE = "Timeline\n========\n\n.. cv:: data/cv.yaml\n   :layout: timeline\n"


@pytest.fixture
def srcdir(root_copy):
    srcdir = root_copy("cv")
    (srcdir / "timeline.rst").write_text(TIMELINE, encoding="utf-8")
    index = (srcdir / "index.rst").read_text(encoding="utf-8")
    (srcdir / "index.rst").write_text(
        index.replace("   parts\n", "   parts\n   timeline\n"), encoding="utf-8"
    )
    return srcdir


def entry(soup: BeautifulSoup, words: str):
    return next(
        item for item in soup.select("li.scholar-cv-entry") if words in item.get_text()
    )


def test_the_dates_stand_apart_and_are_not_repeated(make_app, srcdir):
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    soup = BeautifulSoup(
        (app.outdir / "timeline.html").read_text("utf-8"), "html.parser"
    )
    assert soup.select("ul.scholar-cv-timeline")
    phd = entry(soup, "PhD student")
    first = phd.find(True)
    assert "scholar-cv-dates" in first["class"]
    assert first.get_text() == "Sep 2010 - Dec 2015"
    details = " ".join(phd.select_one(".scholar-details").get_text().split())
    assert details == "Advisor: David Fleet"
    # the default layout keeps the dates in the line
    plain = BeautifulSoup((app.outdir / "index.html").read_text("utf-8"), "html.parser")
    assert not plain.select("ul.scholar-cv-timeline, .scholar-cv-dates")
    assert "Sep 2010 - Dec 2015" in entry(plain, "PhD student").get_text()


def test_other_builders_write_the_dates_in_the_line(make_app, srcdir):
    app = make_app("text", srcdir=srcdir, freshenv=True)
    app.build()
    text = (app.outdir / "timeline.txt").read_text("utf-8")
    assert "Advisor: David Fleet, Sep 2010 - Dec 2015" in " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize(("width", "beside"), [(1280, True), (390, False)])
def test_the_dates_are_a_column_on_a_wide_screen(make_app, srcdir, width, beside):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is missing: pip install -e '.[test]'")
    from .static_server import served
    from .test_browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    with served(app.outdir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url + "timeline.html")
        dates, text = page.evaluate(
            """() => {
                const item = [...document.querySelectorAll('li.scholar-cv-dated')]
                    .find(li => li.textContent.includes('PhD student'));
                const box = e => e.getBoundingClientRect().toJSON();
                return [box(item.querySelector('.scholar-cv-dates')),
                        box(item.querySelector('.scholar-entry'))];
            }"""
        )
        browser.close()
    if beside:
        assert dates["right"] <= text["left"]
        assert abs(dates["top"] - text["top"]) < 12
    else:
        assert dates["bottom"] <= text["top"] + 1
