"""The homepage a new site opens with, in each theme the how-to
(docs/howto/homepage.rst) sets up: it builds with ``-W``, and in a real browser
the profile fits a phone's width, and is accessible (axe-core) in light and
dark mode.

The build tests run everywhere (a theme that is not installed is skipped,
with its name). The browser tests need Playwright for Python and Debian's
Chromium, as tests/test_browser.py does, and are marked ``browser``. They save
screenshots of the starter's home page in /tmp/profile-look/.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import re
import textwrap
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import main as sphinx_build

from sphinx_scholar.cli import main

from .test_browser import QuietHandler

REPO = Path(__file__).parent.parent
HOWTO = REPO / "docs" / "howto" / "homepage.rst"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path("/tmp/profile-look")
WIDTHS = (1280, 390)
#: theme -> the module it is installed as
THEMES = {
    "sphinx_book_theme": "sphinx_book_theme",
    "pydata_sphinx_theme": "pydata_sphinx_theme",
    "furo": "furo",
    "alabaster": "alabaster",
}
#: how a theme is switched to dark mode (alabaster has none)
DARK = {
    "sphinx_book_theme": "document.documentElement.dataset.theme = 'dark'",
    "pydata_sphinx_theme": "document.documentElement.dataset.theme = 'dark'",
    "furo": "document.body.dataset.theme = 'dark'",
}


def howto_settings() -> dict[str, str]:
    """The conf.py block of the how-to for each theme (the first one that
    names the theme)."""
    text = HOWTO.read_text(encoding="utf-8")
    blocks = re.findall(
        r"^\.\. code-block:: python\n\n((?:   .*\n|\n)+)", text, re.MULTILINE
    )
    settings: dict[str, str] = {}
    for block in map(textwrap.dedent, blocks):
        found = re.search(r'^html_theme = "(\w+)"', block, re.MULTILINE)
        if found:
            settings.setdefault(found.group(1), block)
    return settings


def test_the_howto_sets_up_each_of_the_four_themes():
    assert sorted(howto_settings()) == sorted(THEMES)


def needs_theme(theme: str) -> None:
    if importlib.util.find_spec(THEMES[theme]) is None:
        pytest.skip(f"{theme} is not installed")


def starter_with(theme: str, target: Path) -> Path:
    """A new site whose theme settings are the how-to's for ``theme``."""
    assert main(["new", str(target), "--name", "Ada Lovelace"]) == 0
    conf = target / "conf.py"
    text = conf.read_text(encoding="utf-8")
    start = text.index('html_theme = "')
    end = text.index("# Your site's address")
    conf.write_text(
        text[:start] + howto_settings()[theme] + text[end:], encoding="utf-8"
    )
    if theme != "furo":  # a file-wide option of furo's, which the starter has
        index = target / "index.rst"
        text = index.read_text(encoding="utf-8")
        index.write_text(text.replace(":hide-toc:\n\n", "", 1), encoding="utf-8")
    return target


def build_html(site: Path, out: Path) -> Path:
    code = sphinx_build(["-b", "html", str(site), str(out), "-W", "--keep-going", "-q"])
    assert code == 0
    return out


@pytest.mark.parametrize("theme", THEMES)
def test_the_howto_settings_build_with_W(theme, tmp_path):
    needs_theme(theme)
    site = starter_with(theme, tmp_path / "site")
    out = build_html(site, tmp_path / "html")
    soup = BeautifulSoup(
        (out / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    profile = soup.select_one(".scholar-profile")
    # the name once: the page's title, not again in the profile
    assert soup.select_one("h1").get_text(strip=True).rstrip("#¶") == "Ada Lovelace"
    assert profile.select(".scholar-name") == []
    assert profile.select_one("img.scholar-photo")["alt"] == "Ada Lovelace"
    footer = " ".join(
        element.get_text(" ", strip=True) for element in soup.select("footer, .footer")
    )
    # furo keeps "Made with Furo": it has no setting for it
    assert "Sphinx" not in footer
    assert not soup.select(".prev-next-area, .related-pages a, .sphinxsidebar h3")


# In a browser ------------------------------------------------------------------

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    sync_playwright = None


@pytest.fixture(scope="module")
def browser():
    if sync_playwright is None:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """theme -> the URL of its built starter, built on first use."""
    roots: dict[str, str] = {}
    servers = []

    def serve(theme: str) -> str:
        if theme not in roots:
            needs_theme(theme)
            tmp = tmp_path_factory.mktemp(theme)
            out = build_html(starter_with(theme, tmp / "site"), tmp / "html")
            handler = functools.partial(QuietHandler, directory=str(out))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            roots[theme] = f"http://127.0.0.1:{server.server_address[1]}/"
        return roots[theme]

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def open_page(browser, url: str, width: int, mode: str, theme: str):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(url + "index.html")
    if mode == "dark":
        page.evaluate(DARK[theme])
    return context, page, problems


MODES = [
    (theme, mode)
    for theme in THEMES
    for mode in ("light", "dark")
    if mode == "light" or theme in DARK
]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("theme", THEMES)
def test_the_home_page_fits_the_screen(browser, served, theme, width):
    context, page, problems = open_page(browser, served(theme), width, "light", theme)
    try:
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{overflow}px wider than the screen"
        photo = page.locator(".scholar-profile img.scholar-photo").bounding_box()
        text = page.locator(".scholar-profile .scholar-role").bounding_box()
        if width == 1280:  # beside
            assert text["x"] >= photo["x"] + photo["width"]
            assert text["y"] < photo["y"] + photo["height"]
        else:  # stacked
            assert text["y"] >= photo["y"] + photo["height"]
        assert photo["x"] + photo["width"] <= width
        assert problems == []
        if theme == "sphinx_book_theme":
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"starter-{width}.png"))
    finally:
        context.close()


@pytest.mark.browser
def test_the_icons_take_the_link_colour(browser, served):
    context, page, _ = open_page(
        browser, served("sphinx_book_theme"), 1280, "light", "sphinx_book_theme"
    )
    try:
        colours = page.evaluate(
            """() => [...document.querySelectorAll('.scholar-icon-link')].map(a =>
                [getComputedStyle(a).color,
                 getComputedStyle(a.querySelector('svg')).color])"""
        )
        assert len(colours) == 3
        assert all(link == icon for link, icon in colours)
    finally:
        context.close()


AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}


@pytest.mark.browser
@pytest.mark.parametrize(("theme", "mode"), MODES)
def test_the_profile_is_accessible(browser, served, theme, mode):
    from axe_playwright_python.sync_playwright import Axe

    context, page, _ = open_page(browser, served(theme), 1280, mode, theme)
    try:
        results = (
            Axe()
            .run(page, context={"include": [[".scholar-profile"]]}, options=AXE_OPTIONS)
            .response
        )
        violations = [
            f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
            + "\n".join(f"    {node['html'][:200]}" for node in violation["nodes"])
            for violation in results["violations"]
        ]
        assert not violations, "\n".join(violations)
        assert "color-contrast" in [rule["id"] for rule in results["passes"]]
        names = page.evaluate(
            """() => [...document.querySelectorAll('.scholar-icon-link')].map(
                a => a.innerText.trim() || a.textContent.trim())"""
        )
        assert names == ["Google Scholar", "GitHub", "Email"]
    finally:
        context.close()
