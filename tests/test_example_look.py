"""The example sites as a visitor sees them, at 1280 px and on a phone.

Full-page screenshots of each example's home page are kept as artefacts (in
``SCHOLAR_REPORT_DIR`` when it is set, as CI does, else the test's temporary
folder), and no page is wider than a phone's screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .static_server import served as serving

pytestmark = pytest.mark.browser

REPO = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SITES = ("homepage", "blog", "profile")
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    root = tmp_path_factory.mktemp("examples")
    for site in SITES:
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "html",
             str(REPO / "example_site" / site), str(root / site)],
            capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    with serving(root) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        yield browser, url, root
        browser.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("site", SITES)
def test_each_example_fits_the_screen_and_is_kept_as_a_screenshot(served, site, width):
    browser, url, root = served
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{url}{site}/index.html")
    wide = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    folder = Path(os.environ.get("SCHOLAR_REPORT_DIR") or root) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{site}-{width}.png"), full_page=True)
    page.close()
    assert wide <= 0, f"{site} is {wide} px wider than a {width} px screen"
