"""Interactive lists grouped by year, in a real browser: sorting by title or
year sorts the whole list, the folded older years included, in one flat list;
the default order brings back the groups exactly as built; the filters and
the count work in both; the controls fit a phone's screen, are usable from
the keyboard, accessible, and in the theme's colours (sphinx-book-theme,
alabaster, furo), light and dark.

The same requirements as tests/test_browser.py (Playwright, Debian's Chromium);
furo is not a test dependency: its tests run where it is installed.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import io
import re
import threading
import unicodedata

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from .test_browser import (
    AXE_OPTIONS,
    CHROMIUM,
    CHROMIUM_ARGS,
    QuietHandler,
    expect,
    sync_playwright,
    watch,
)

pytestmark = pytest.mark.browser

# Nine papers: two or more a year in the recent years, three before
# :collapse-before: 2019 (folded), one without a year; titles whose order
# across years differs from the years' order, with case and accents.
PAPERS_YAML = """\
- {key: q2024, type: journal, title: Quaternions at Play, authors: [Ada Lovelace],
   venue: Journal of Algebra, year: 2024, tags: [algebra]}
- {key: a2024, type: conference, title: abacus Networks, authors: [Charles Babbage],
   venue: Conference on Engines, year: 2024, tags: [engines]}
- {key: m2022, type: conference, title: Minimal Engines, authors: [Ada Lovelace],
   venue: Conference on Engines, year: 2022, tags: [engines]}
- {key: d2022, type: preprint, title: Difference of Opinions,
   authors: [Mary Somerville], venue: arXiv, year: 2022}
- {key: y2019, type: journal, title: Yarn Theory, authors: [Mary Somerville],
   venue: Journal of Algebra, year: 2019, tags: [algebra]}
- {key: c2016, type: journal, title: Carry Propagation, authors: [Charles Babbage],
   venue: Journal of Algebra, year: 2016, tags: [engines]}
- {key: z2012, type: conference, title: Zeta Values, authors: [Ada Lovelace],
   venue: Conference on Engines, year: 2012}
- {key: b2012, type: preprint, title: Écoute des Bell Numbers,
   authors: [Mary Somerville], venue: arXiv, year: 2012, tags: [algebra]}
- {key: undated, type: preprint, title: Notes Without Date, authors: [Ada Lovelace],
   venue: arXiv}
"""
DIRECTIVE = """\
.. publications:: data/papers.yaml
   :group: year
   :collapse-before: 2019
   :interactive:
"""
PAGES = {
    # groups as sections, with headings in the table of contents
    "index.rst": "Publications\n============\n\n" + DIRECTIVE,
    # groups under rubrics: a directive inside a container cannot add sections
    "rubrics.rst": ":orphan:\n\nRubrics\n=======\n\n.. container:: wrapper\n\n"
    + "".join(f"   {line}\n" for line in DIRECTIVE.splitlines()),
}
CONF = """\
extensions = ["sphinx_scholar"]
html_theme = {theme!r}
html_context = {{"default_mode": "auto"}}
project = "Sorting"
copyright = "2026, the authors"
exclude_patterns = ["_build"]
"""

PAPERS = yaml.safe_load(PAPERS_YAML)
TOTAL = len(PAPERS)


def loose(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def last_when_missing(key):
    """A sort key putting records without a value last, either direction."""

    def sort_key(paper):
        value = key(paper)
        return (value is None, value)

    return sort_key


#: as built: newest year first, the file's order within a year, undated last
DEFAULT = sorted(PAPERS, key=lambda p: (p.get("year") is None, -(p.get("year") or 0)))
ORDERS = {
    "default": DEFAULT,
    "year-asc": sorted(DEFAULT, key=last_when_missing(lambda p: p.get("year"))),
    "year-desc": sorted(
        DEFAULT,
        key=last_when_missing(lambda p: -p["year"] if "year" in p else None),
    ),
    "title-asc": sorted(DEFAULT, key=lambda p: loose(p["title"])),
    "title-desc": sorted(DEFAULT, key=lambda p: loose(p["title"]), reverse=True),
}
FOLDED = [p["title"] for p in DEFAULT if p.get("year") and p["year"] < 2019]


def titles(papers) -> list[str]:
    return [paper["title"] for paper in papers]


# Sites, one a theme, built once and served -------------------------------------


class Sites:
    """A built and served site for each theme, made when first asked for."""

    def __init__(self, tmp_path_factory, browser):
        self.tmp_path_factory = tmp_path_factory
        self.browser = browser
        self.urls: dict[str, str] = {}
        self.warnings: dict[str, str] = {}
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.apps: list[SphinxTestApp] = []
        self.servers: list[http.server.ThreadingHTTPServer] = []

    def url(self, theme: str) -> str:
        if theme not in self.urls:
            self.urls[theme] = self.build(theme)
        return self.urls[theme]

    def build(self, theme: str) -> str:
        srcdir = self.tmp_path_factory.mktemp(theme) / "src"
        (srcdir / "data").mkdir(parents=True)
        (srcdir / "data" / "papers.yaml").write_text(PAPERS_YAML, encoding="utf-8")
        (srcdir / "conf.py").write_text(CONF.format(theme=theme), encoding="utf-8")
        for name, text in PAGES.items():
            (srcdir / name).write_text(text, encoding="utf-8")
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            freshenv=True,
            status=io.StringIO(),
            warning=io.StringIO(),
        )
        self.apps.append(app)
        app.build()
        self.warnings[theme] = app.warning.getvalue()
        handler = functools.partial(QuietHandler, directory=str(app.outdir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    def close(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()
        for app in self.apps:
            app.cleanup()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    if sync_playwright is None:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        built = Sites(tmp_path_factory, browser)
        try:
            yield built
        finally:
            browser.close()
            built.close()


THEMES = [
    "sphinx_book_theme",
    "alabaster",
    pytest.param(
        "furo",
        marks=pytest.mark.skipif(
            importlib.util.find_spec("furo") is None,
            reason="furo is not installed (pip install furo)",
        ),
    ),
]
#: themes with a dark mode, and how a page is switched to it
DARK = {
    "sphinx_book_theme": "document.documentElement.dataset.theme = 'dark'",
    "furo": "document.body.dataset.theme = 'dark'",
}


@pytest.fixture
def open_page(sites, request):
    contexts = []

    def open_page(name="index.html", theme="sphinx_book_theme", **options):
        context = sites.browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        watch(page, sites, request.node.name)
        page.goto(sites.url(theme) + name)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not sites.problems, "\n".join(sites.problems)


def shown_titles(page):
    return page.locator("li.scholar-publication:visible .scholar-title")


def every_title(page):
    """The titles in the page's order, shown or folded."""
    return page.locator("li.scholar-publication .scholar-title")


def sort_by(page, order: str) -> None:
    page.locator("select.scholar-sort").select_option(order)


def the_list(page) -> str:
    return page.locator(".scholar-interactive").evaluate("root => root.outerHTML")


# Sorting the whole list --------------------------------------------------------


def test_the_site_builds_without_warnings(sites):
    sites.url("sphinx_book_theme")
    assert sites.warnings["sphinx_book_theme"] == ""


def test_the_list_starts_grouped_with_the_older_years_folded(open_page):
    page = open_page()
    expect(page.locator("select.scholar-sort")).to_have_value("default")
    expect(every_title(page)).to_have_text(titles(DEFAULT))
    expect(page.locator("section.scholar-group:visible > h2")).to_have_count(5)
    expect(page.locator("details.scholar-fold")).not_to_have_attribute("open", "")
    expect(shown_titles(page)).to_have_text(
        [t for t in titles(DEFAULT) if t not in FOLDED]
    )


@pytest.mark.parametrize("name", ["index.html", "rubrics.html"])
def test_year_oldest_first_starts_with_the_oldest_entry_of_all(open_page, name):
    page = open_page(name)
    sort_by(page, "year-asc")
    expect(shown_titles(page)).to_have_text(titles(ORDERS["year-asc"]))
    assert ORDERS["year-asc"][0]["year"] == min(p.get("year", 9999) for p in PAPERS)
    # one flat list: no heading, no fold
    expect(page.locator(".scholar-group:visible")).to_have_count(0)
    expect(page.locator("details.scholar-fold:visible")).to_have_count(0)
    expect(page.locator("ul.scholar-publications:visible")).to_have_count(1)


@pytest.mark.parametrize("order", ["title-asc", "title-desc", "year-desc"])
@pytest.mark.parametrize("name", ["index.html", "rubrics.html"])
def test_each_order_sorts_across_the_groups(open_page, name, order):
    page = open_page(name)
    sort_by(page, order)
    expect(shown_titles(page)).to_have_text(titles(ORDERS[order]))
    expect(page.locator(".scholar-group:visible")).to_have_count(0)


@pytest.mark.parametrize("order", ["year-asc", "year-desc"])
def test_records_without_a_year_come_last_both_ways(open_page, order):
    page = open_page()
    sort_by(page, order)
    expect(shown_titles(page).last).to_have_text("Notes Without Date")


@pytest.mark.parametrize("order", ["title-asc", "title-desc"])
def test_an_entry_without_a_title_comes_last_both_ways(open_page, order):
    page = open_page()
    page.locator("li#pub-m2022").evaluate("li => li.removeAttribute('data-title')")
    sort_by(page, order)
    expect(shown_titles(page).last).to_have_text("Minimal Engines")
    rest = [p for p in ORDERS[order] if p["key"] != "m2022"]
    expect(shown_titles(page)).to_have_text([*titles(rest), "Minimal Engines"])


@pytest.mark.parametrize("name", ["index.html", "rubrics.html"])
def test_the_default_order_brings_the_groups_back_exactly(open_page, name):
    page = open_page(name)
    built = the_list(page)
    for order in ("title-desc", "year-asc", "year-desc", "default"):
        sort_by(page, order)
    assert the_list(page) == built
    # and with a filter on while sorting
    page.locator("input.scholar-search").fill("ada")
    sort_by(page, "title-asc")
    sort_by(page, "default")
    page.locator("input.scholar-search").fill("")
    assert the_list(page) == built
    expect(every_title(page)).to_have_text(titles(DEFAULT))


def test_the_folded_years_take_part_and_come_back_folded(open_page):
    page = open_page()
    fold = page.locator("details.scholar-fold")
    sort_by(page, "year-asc")
    expect(shown_titles(page).first).to_have_text(titles(ORDERS["year-asc"])[0])
    for title in FOLDED:
        expect(shown_titles(page).filter(has_text=title)).to_have_count(1)
    sort_by(page, "default")
    expect(fold).to_be_visible()
    expect(fold).not_to_have_attribute("open", "")
    expect(fold.locator("li.scholar-publication .scholar-title")).to_have_text(FOLDED)
    expect(shown_titles(page)).to_have_text(
        [t for t in titles(DEFAULT) if t not in FOLDED]
    )


def test_an_opened_fold_stays_open(open_page):
    page = open_page()
    page.locator("details.scholar-fold > summary").click()
    sort_by(page, "title-asc")
    sort_by(page, "default")
    expect(page.locator("details.scholar-fold")).to_have_attribute("open", "")
    expect(shown_titles(page)).to_have_text(titles(DEFAULT))


# Filters and the count, grouped and sorted -------------------------------------


@pytest.mark.parametrize("order", ["default", "year-asc", "title-desc"])
def test_the_filters_and_the_count_work_in_both_modes(open_page, order):
    page = open_page()
    page.locator("details.scholar-fold > summary").click()  # all in view
    sort_by(page, order)
    count = page.locator("p.scholar-count")
    expect(count).to_have_text(f"{TOTAL} of {TOTAL} publications")

    page.locator("select.scholar-type").select_option(label="Preprints")
    preprints = [p for p in ORDERS[order] if p["type"] == "preprint"]
    expect(shown_titles(page)).to_have_text(titles(preprints))
    expect(count).to_have_text(f"{len(preprints)} of {TOTAL} publications")

    page.locator("select.scholar-tag").select_option("algebra")
    both = [p for p in preprints if "algebra" in p.get("tags", [])]
    expect(shown_titles(page)).to_have_text(titles(both))
    expect(count).to_have_text(f"{len(both)} of {TOTAL} publications")

    page.locator("select.scholar-type").select_option(label="All")
    page.locator("select.scholar-tag").select_option(label="All")
    page.locator("input.scholar-search").fill("somerville")
    hers = [p for p in ORDERS[order] if "Mary Somerville" in p["authors"]]
    expect(shown_titles(page)).to_have_text(titles(hers))
    expect(count).to_have_text(f"{len(hers)} of {TOTAL} publications")

    page.locator("input.scholar-search").fill("no such paper")
    expect(shown_titles(page)).to_have_count(0)
    expect(count).to_have_text(f"0 of {TOTAL} publications")
    expect(page.locator(".scholar-interactive ul:visible")).to_have_count(0)


def heads(*texts: str) -> list[re.Pattern]:
    """Headings, followed by their link's "#" or "¶" in some themes."""
    return [re.compile(f"^{re.escape(text)}\\W?$") for text in texts]


@pytest.mark.parametrize(
    ("name", "heading"),
    [("index.html", "section.scholar-group > h2"), ("rubrics.html", ".rubric")],
)
def test_a_filter_hides_the_headings_of_empty_groups(open_page, name, heading):
    page = open_page(name)
    headings = page.locator(f"{heading}:visible")
    every_heading = heads("2024", "2022", "2019", "≤ 2018", "Undated")
    expect(headings).to_have_text(every_heading)
    page.locator("input.scholar-search").fill("somerville")
    expect(headings).to_have_text(heads("2022", "2019", "≤ 2018"))
    # a match only among the folded years: its heading and its fold
    page.locator("input.scholar-search").fill("zeta")
    expect(headings).to_have_text(heads("≤ 2018"))
    expect(page.locator("details.scholar-fold")).to_be_visible()
    page.locator("input.scholar-search").fill("quaternions")
    expect(headings).to_have_text(heads("2024"))
    expect(page.locator("details.scholar-fold")).to_be_hidden()
    page.locator("input.scholar-search").fill("")
    expect(headings).to_have_text(every_heading)


# The controls ------------------------------------------------------------------

CONTROLS = ".scholar-toolbar select, .scholar-toolbar input"


def test_the_script_does_not_block_rendering(open_page):
    page = open_page()
    script = page.locator("script[src*='sphinx-scholar.js']")
    expect(script).to_have_count(1)
    assert script.evaluate("s => s.defer || s.async")


def test_each_control_has_its_label(open_page):
    page = open_page()
    names = page.locator(CONTROLS).evaluate_all(
        "controls => controls.map(c => c.labels.length === 1 ? c.labels[0].textContent : '')"
    )
    assert names == ["Filter", "Sort by", "Type", "Tag"]
    page.get_by_label("Sort by").select_option(label="Title")
    expect(shown_titles(page)).to_have_text(titles(ORDERS["title-asc"]))


@pytest.mark.parametrize("theme", THEMES)
def test_the_keyboard_reaches_each_control_and_shows_where_it_is(open_page, theme):
    page = open_page(theme=theme)
    controls = page.locator(CONTROLS)
    controls.first.focus()
    page.keyboard.press("Shift+Tab")  # focus from the keyboard: :focus-visible
    for index in range(controls.count()):
        page.keyboard.press("Tab")
        expect(controls.nth(index)).to_be_focused()
        ring = controls.nth(index).evaluate(
            "c => [getComputedStyle(c).outlineStyle, getComputedStyle(c).outlineWidth]"
        )
        assert ring[0] != "none" and float(ring[1].removesuffix("px")) >= 2, ring
    # the sort from the keyboard
    page.locator("select.scholar-sort").focus()
    page.keyboard.press("ArrowDown")  # Default order -> Title
    expect(shown_titles(page)).to_have_text(titles(ORDERS["title-asc"]))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_controls_fit_the_screen(open_page, theme, width):
    page = open_page(theme=theme, viewport={"width": width, "height": 844})
    sort_by(page, "year-asc")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"
    boxes = [control.bounding_box() for control in page.locator(CONTROLS).all()]
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    heights = {round(box["height"]) for box in boxes}
    assert len(heights) == 1, f"controls of different heights: {heights}"
    if width == 1280:  # one row
        assert len({round(box["y"]) for box in boxes}) == 1, boxes
    else:  # the text filter a row of its own, the selects two a row, even
        search, *selects = boxes
        rows = {round(box["y"]) for box in selects}
        assert round(search["y"]) not in rows and len(rows) == 2, boxes
        assert max(b["width"] for b in selects) - min(b["width"] for b in selects) < 1
        assert search["width"] > selects[0]["width"] >= 150, boxes


def border_colours(page) -> list[str]:
    return page.locator(CONTROLS).evaluate_all(
        "controls => controls.map(c => getComputedStyle(c).borderTopColor)"
    )


@pytest.mark.parametrize("theme", [t for t in THEMES if t != "alabaster"])
def test_the_controls_take_the_themes_colours_light_and_dark(open_page, theme):
    page = open_page(theme=theme)
    light = border_colours(page)
    page.evaluate(DARK[theme])
    dark = border_colours(page)
    assert len(set(light)) == 1 and len(set(dark)) == 1
    assert light != dark, "the border did not follow the theme to dark mode"
    body = page.evaluate("getComputedStyle(document.body).color")
    colours = page.locator(f"{CONTROLS}, .scholar-toolbar label").evaluate_all(
        "nodes => nodes.map(n => getComputedStyle(n).color)"
    )
    assert set(colours) == {body}


def test_the_dark_mode_of_the_system_reaches_furo_auto(open_page):
    pytest.importorskip("furo", reason="furo is not installed (pip install furo)")
    light = border_colours(open_page(theme="furo"))
    page = open_page(theme="furo", color_scheme="dark")
    assert page.evaluate("document.body.dataset.theme") in ("auto", "dark")
    assert border_colours(page) != light
    scheme = page.locator(".scholar-toolbar").evaluate(
        "t => getComputedStyle(t).colorScheme"
    )
    assert scheme == "dark"


AXE_CONTEXT = {"include": [[".scholar-interactive"]]}


@pytest.mark.parametrize("order", ["default", "year-asc"])
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_no_accessibility_violation(open_page, theme, mode, order):
    from axe_playwright_python.sync_playwright import Axe

    if mode == "dark" and theme not in DARK:
        return  # alabaster has no dark mode
    page = open_page(theme=theme)
    if mode == "dark":
        page.evaluate(DARK[theme])
    sort_by(page, order)
    page.locator("input.scholar-search").fill("a")
    results = Axe().run(page, context=AXE_CONTEXT, options=AXE_OPTIONS).response
    found = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['html'][:200]}" for node in violation["nodes"])
        for violation in results["violations"]
    ]
    assert not found, "\n".join(found)
    assert "color-contrast" in [rule["id"] for rule in results["passes"]]
