"""A publication page and a research blog in a real browser, on a laptop and
on a phone (390 px wide): nothing runs off the side of the screen, the BibTeX
wraps and its copy button copies it exactly, from the mouse and the keyboard,
there is a way back to the list, posts show their date; no serious
accessibility violation (axe-core), no console error, no request leaving the
site. Screenshots of each page at both widths go to /tmp/page-look/.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium, as
tests/test_browser.py does; marked ``browser``.
"""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from .test_browser import QuietHandler

ROOT = Path(__file__).parent / "roots" / "test-page-look"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
SCREENSHOTS = Path("/tmp/page-look")
LONG = "pub/lovelace2024longest.html"
POST = "news/engines.html"
WIDTHS = {"phone": 390, "laptop": 1280}

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `site` fixture, as a failure
    expect = sync_playwright = None
else:
    expect.set_options(timeout=3000)


@dataclass
class Site:
    outdir: Path
    url: str
    browser: object
    warnings: str
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if sync_playwright is None:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    srcdir = tmp_path_factory.mktemp("page-look") / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        freshenv=True,
        status=io.StringIO(),
        warning=io.StringIO(),
    )
    app.build()
    handler = functools.partial(QuietHandler, directory=str(app.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            yield Site(
                outdir=app.outdir,
                url=f"http://127.0.0.1:{server.server_address[1]}/",
                browser=browser,
                warnings=app.warning.getvalue(),
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
        app.cleanup()


def open_page(site: Site, name: str, width: int, request, mode: str = "light"):
    context = site.browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900},
        permissions=["clipboard-read", "clipboard-write"],
        color_scheme=mode,
    )
    request.addfinalizer(context.close)
    page = context.new_page()
    where = request.node.name

    def on_console(message):
        if message.type == "error":
            site.problems.append(f"{where}: console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: site.problems.append(f"{where}: {error}"))
    page.on("request", lambda r: site.requests.append(r.url))
    page.on(
        "response",
        lambda r: (
            r.status >= 400 and site.problems.append(f"{where}: {r.status} {r.url}")
        ),
    )
    page.goto(site.url + name)
    page.wait_for_load_state("load")
    return page


def overflow(page) -> dict:
    """How far the page, and each element of the content, reaches past the
    viewport's right edge (0 when nothing does)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const past = {page: document.documentElement.scrollWidth - width};
          for (const el of document.querySelectorAll("article *")) {
            const right = el.getBoundingClientRect().right;
            if (right > width + 0.5 && el.offsetParent !== null) {
              past[el.tagName + "." + el.className] = right - width;
            }
          }
          return past;
        }"""
    )


def bibtex_in_html(site: Site, name: str = LONG) -> str:
    soup = BeautifulSoup(
        (site.outdir / name).read_text(encoding="utf-8"), "html.parser"
    )
    return soup.select_one(".scholar-bibtex pre").get_text()


def test_the_site_builds_without_warnings(site):
    assert site.warnings == ""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", [LONG, POST, "news/index.html", "index.html"])
def test_nothing_runs_off_the_screen(site, request, name, width):
    page = open_page(site, name, width, request)
    assert overflow(page) == {"page": 0}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = name.replace("/", "-").removesuffix(".html")
    page.screenshot(path=str(SCREENSHOTS / f"{shot}-{width}.png"), full_page=True)


def test_on_a_phone_the_bibtex_wraps_and_the_title_fits(site, request):
    page = open_page(site, LONG, 390, request)
    pre = page.locator(".scholar-bibtex pre")
    sizes = pre.evaluate("p => [p.scrollWidth, p.clientWidth]")
    assert sizes[0] <= sizes[1]
    title = page.locator("section.scholar-publication-page h1")
    size = float(title.evaluate("h => getComputedStyle(h).fontSize").removesuffix("px"))
    assert 22 <= size <= 30
    # the title takes a few lines, not the whole screen
    assert title.bounding_box()["height"] < 844 * 0.6


def test_the_copy_button_copies_the_bibtex_exactly(site, request):
    page = open_page(site, LONG, 390, request)
    button = page.get_by_role("button", name="Copy BibTeX")
    expect(button).to_be_visible()
    expect(button).to_have_text("Copy")
    button.click()
    expect(button).to_have_text("Copied")
    expect(page.locator(".scholar-bibtex .scholar-copy-status")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == bibtex_in_html(site)
    assert copied.startswith("@inproceedings{lovelace2024longest,\n")
    # the long URL is one line, whatever the wrapping on the screen
    assert "  url = {https://example.org/publications/2024/sketch-of-the" in copied
    expect(button).to_have_text("Copy")  # after two seconds
    expect(page.locator(".scholar-bibtex .scholar-copy-status")).to_have_text("")


@pytest.mark.parametrize(
    ("name", "block", "author"),
    [("Copy citation", ".scholar-cite .scholar-copy-text", "Ada Lovelace"),
     ("Copy RIS", ".scholar-ris pre", "AU  - Lovelace, Ada")],
)  # fmt: skip
def test_the_citation_and_the_ris_are_copied_as_shown(
    site, request, name, block, author
):
    page = open_page(site, LONG, 390, request)
    button = page.get_by_role("button", name=name)
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator(block).text_content()
    assert author in copied


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_the_copy_button_works_from_the_keyboard(site, request, key):
    page = open_page(site, "pub/lovelace2023short.html", 1280, request)
    page.evaluate("navigator.clipboard.writeText('')")
    button = page.get_by_role("button", name="Copy BibTeX")
    for _ in range(60):  # tab to it, as a keyboard user does
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("the copy button cannot be reached with Tab")
    page.keyboard.press(key)
    expect(button).to_have_text("Copied")
    expected = bibtex_in_html(site, "pub/lovelace2023short.html")
    assert page.evaluate("navigator.clipboard.readText()") == expected


def test_a_publication_page_leads_back_to_its_list(site, request):
    page = open_page(site, LONG, 390, request)
    back = page.locator("p.scholar-back a")
    expect(back).to_have_text("← Back to Ada Lovelace")
    back.scroll_into_view_if_needed()
    expect(back).to_be_visible()
    back.click()
    page.wait_for_url("**/index.html#pub-lovelace2024longest")
    expect(page.locator("#pub-lovelace2024longest")).to_be_in_viewport()


def test_without_javascript_the_bibtex_is_there_and_no_button(site, request):
    context = site.browser.new_context(java_script_enabled=False)
    request.addfinalizer(context.close)
    page = context.new_page()
    page.goto(site.url + LONG)
    expect(page.locator(".scholar-bibtex pre")).to_contain_text("@inproceedings")
    expect(page.locator("button.scholar-copy")).to_have_count(0)


def test_a_post_shows_its_date_under_its_title(site, request):
    page = open_page(site, POST, 390, request)
    meta = page.locator("h1 + .scholar-post-meta")
    expect(meta).to_have_text("June 14, 2024 · Ada Lovelace")
    expect(meta.locator("time")).to_have_attribute("datetime", "2024-06-14")
    news = open_page(site, "news/index.html", 390, request)
    expect(news.locator(".scholar-excerpt").first).to_contain_text(
        "The Analytical Engine weaves algebraical patterns"
    )
    feed = news.locator('link[rel="alternate"][type="application/atom+xml"]')
    assert feed.get_attribute("href") == "../news.atom"


AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", [LONG, POST, "news/index.html"])
def test_no_serious_accessibility_violation(site, request, name, mode):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(site, name, 390, request, mode=mode)
    if mode == "dark":
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
    context = {"include": [["article"]]}
    results = Axe().run(page, context=context, options=AXE_OPTIONS).response
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['html']}" for node in violation["nodes"])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
    assert "color-contrast" in [rule["id"] for rule in results["passes"]]


def test_no_console_error_and_no_request_leaves_the_site(site):
    assert site.requests, "the tests visited no page"
    assert site.problems == []
    here = urlsplit(site.url).netloc
    outside = {url for url in site.requests if urlsplit(url).netloc != here}
    assert outside == set()
