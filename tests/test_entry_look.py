"""The compact publication entry in a real browser: a typical entry (a title,
eight authors, a venue, four links) is at most four lines of body text tall at
1280 px, nothing overflows at 390 px, its buttons make one row, and axe finds
nothing serious; in sphinx-book-theme and alabaster, and pydata-sphinx-theme
and furo when installed. Screenshots go to /tmp/entry-look/.

Needs Playwright and Chromium, as ``test_browser.py``; marked ``browser``.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import io
import shutil
import threading
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from .test_browser import AXE_OPTIONS, CHROMIUM, CHROMIUM_ARGS, QuietHandler

ROOT = Path(__file__).parent / "roots" / "test-entry-look"
SHOTS = Path("/tmp/entry-look")
TYPICAL = "#pub-maddison2017filtering"

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    sync_playwright = None

THEMES = ["sphinx_book_theme", "alabaster"] + [
    theme
    for theme in ("pydata_sphinx_theme", "furo")
    if importlib.util.find_spec(theme) is not None
]


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module", params=THEMES)
def site(request, tmp_path_factory):
    """The test site built with one theme, served on 127.0.0.1."""
    theme = request.param
    srcdir = tmp_path_factory.mktemp(theme) / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        freshenv=True,
        confoverrides={"html_theme": theme},
        status=io.StringIO(),
        warning=io.StringIO(),
    )
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    handler = functools.partial(QuietHandler, directory=str(app.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield theme, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        app.cleanup()


def visit(browser, site, width: int, name: str = "index.html"):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site[1] + name)
    page.wait_for_load_state("networkidle")
    return page


MEASURE = """selector => {
    const entry = document.querySelector(selector);
    const prose = [...document.querySelectorAll('p')]
        .find(p => p.textContent.includes('body text'));
    const tops = [...entry.querySelectorAll('.scholar-button, .scholar-entry-actions button')]
        .map(button => Math.round(button.getBoundingClientRect().top));
    return {
        entry: entry.getBoundingClientRect().height,
        line: prose.getBoundingClientRect().height,
        rows: new Set(tops).size,
        buttons: tops.length,
    };
}"""


def test_a_typical_entry_is_at_most_four_lines_tall(browser, site):
    page = visit(browser, site, 1280)
    measured = page.evaluate(MEASURE, TYPICAL)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(TYPICAL).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{site[0]}-1280.png"))
    page.close()
    assert measured["entry"] <= 4 * measured["line"] + 1, measured
    # PDF, Code, ppt, pptx, Video, Details: one row
    assert measured["buttons"] == 6 and measured["rows"] == 1, measured


OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.scholar-publications, .scholar-publications *')]
        .filter(element => element.getBoundingClientRect().right > width + 0.5)
        .map(element => element.outerHTML.slice(0, 80));
}"""


@pytest.mark.parametrize("name", ["index.html", "interactive.html", "brackets.html"])
def test_nothing_overflows_on_a_phone(browser, site, name):
    page = visit(browser, site, 390, name)
    overflowing = page.evaluate(OVERFLOW)
    if name == "index.html":
        page.locator(TYPICAL).scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{site[0]}-390.png"))
    page.close()
    assert not overflowing


def test_the_toggles_join_the_button_row(browser, site):
    page = visit(browser, site, 1280, "interactive.html")
    entry = page.locator("#pub-suwajanakorn2018keypoints")
    tops = entry.locator(".scholar-button, button.scholar-toggle").evaluate_all(
        "buttons => buttons.map(b => Math.round(b.getBoundingClientRect().top))"
    )
    page.close()
    assert len(tops) == 5 and len(set(tops)) == 1, tops  # Web PDF Code Details BibTeX


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, site, mode):
    from axe_playwright_python.sync_playwright import Axe

    page = visit(browser, site, 1280, "interactive.html")
    if mode == "dark":
        page.evaluate(
            "document.documentElement.dataset.theme = 'dark';"
            "document.body.dataset.theme = 'dark'"
        )
    results = (
        Axe()
        .run(
            page,
            context={"include": [[".scholar-publications"]]},
            options=AXE_OPTIONS,
        )
        .response
    )
    page.close()
    serious = [
        f"{violation['id']}: {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
    assert "color-contrast" in [rule["id"] for rule in results["passes"]]


def test_buttons_are_reached_with_the_keyboard(browser, site):
    page = visit(browser, site, 1280)
    entry = page.locator(TYPICAL)
    entry.locator("a.scholar-button").first.focus()
    names = []
    for _ in range(6):
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
        page.keyboard.press("Tab")
    page.close()
    assert names == ["PDF", "Code", "ppt", "pptx", "Video", "Details"]
