"""Hostile data: whatever a data file holds reaches the pages as text.

The site in ``roots/test-hostile`` puts attacks into every field of every kind
of data file: ``<script>`` elements, event-handler attributes, quotes that
would end an attribute, ``</script>`` inside JSON-LD, ``javascript:`` and other
unsafe URLs in every spelling browsers accept, CSS, reStructuredText and LaTeX
markup, bidirectional overrides and control characters. Every script in it
would set ``window.__pwned``. The built pages are read with BeautifulSoup and
opened in Chromium; the text and LaTeX outputs are read as written.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import re
import shutil
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_string
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).parent / "roots" / "test-hostile"
DATA = ROOT / "data"
PAPERS = yaml.safe_load((DATA / "papers.yaml").read_text(encoding="utf-8"))
EVENT = yaml.safe_load((DATA / "event.yaml").read_text(encoding="utf-8"))

#: what every script of the data does
FLAG = "__pwned"
SAFE_SCHEMES = {"", "http", "https", "mailto"}
#: bidirectional controls the data opens and never closes
STRAY_BIDI = "\u202e\u2066"
#: the payloads, as a reader must see them
SHOWN = [
    '<script>window.__pwned="script"</script>',
    '<img src=x onerror=window.__pwned="img">',
    '" onmouseover="window.__pwned=\'dq\'" x="',
    "' onfocus='window.__pwned=\"sq\"' autofocus='",
    '</script><script>window.__pwned="ld"</script><!--',
    "style=\"width:expression(window.__pwned='expr')\"",
    '`x <javascript:window.__pwned="rst">`_',
    "\\href{javascript:window.__pwned='tex'}{click}",
    "<script>window.__pwned='raw'</script>",
]


def without_stray_bidi(text: str) -> str:
    return text.translate({ord(c): None for c in STRAY_BIDI})


def build(tmp: Path, builder: str) -> SphinxTestApp:
    srcdir = tmp / "src"
    shutil.copytree(ROOT, srcdir)
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        freshenv=True,
        status=io.StringIO(),
        warning=io.StringIO(),
    )
    app.build()
    return app


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    app = build(tmp_path_factory.mktemp("hostile-html"), "html")
    yield app
    app.cleanup()


def pages(outdir: Path) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(outdir).as_posix(): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html.parser"
        )
        for path in sorted(outdir.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def soups(html) -> dict[str, BeautifulSoup]:
    return pages(Path(html.outdir))


def warnings_of(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def line_of(name: str, text: str) -> int:
    """The first line of a data file that holds ``text``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


# Every page, as HTML -----------------------------------------------------------


def test_every_kind_of_page_is_built(soups):
    names = set(soups)
    for page in ("papers", "bib", "talks", "cv", "people", "event", "awards"):
        assert f"{page}.html" in names
    publication_pages = {name for name in names if name.startswith("pub/")}
    assert len(publication_pages) == 7, publication_pages
    # a key with line breaks names its page; it adds nothing to it
    (multiline,) = (name for name in names if name.startswith("pub/yaml-multiline"))
    assert soups[multiline].find("h1").get_text().startswith("Third \\href")


def test_no_script_comes_from_data(soups):
    for name, soup in soups.items():
        for script in soup.find_all("script"):
            where = f"{name}: {str(script)[:120]}"
            if script.get("src"):
                src = script["src"].split("?")[0]
                assert re.fullmatch(
                    r"(\.\./)*(_static/[\w.-]+|searchindex)\.js", src
                ), where
            elif script.get("type") == "application/ld+json":
                json.loads(script.string)  # it is JSON, and nothing else
            else:
                assert FLAG not in script.get_text(), where


def own_icons() -> set[str]:
    """The profile's link icons, as the extension ships them."""
    from sphinx_scholar.render.people import ICONS, LINK_ICON, icon_svg

    return {
        str(BeautifulSoup(icon_svg(name), "html.parser").svg)
        for name in {*ICONS.values(), LINK_ICON}
    }


def test_no_element_or_attribute_comes_from_data(soups):
    icons = own_icons()
    for name, soup in soups.items():
        for svg in soup.find_all("svg"):
            # the only pictures drawn in the page are the extension's icons
            assert str(svg) in icons, f"{name}: {svg}"
            svg.decompose()
        for element in soup.find_all(True):
            where = f"{name}: <{element.name} {element.attrs}>"
            assert element.name not in {"iframe", "object", "embed", "math"}
            if element.name == "style":
                assert FLAG not in element.get_text(), where
            for attribute, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not attribute.lower().startswith("on"), where
                assert attribute not in {"autofocus", "x", "src=x"}, where
                if attribute == "style":
                    assert not re.search(r"pwned|expression|url\(", value), where


def test_every_link_and_source_has_a_safe_scheme(soups):
    for name, soup in soups.items():
        for element in soup.find_all(True):
            for attribute in ("href", "src", "action", "formaction", "poster"):
                value = element.get(attribute)
                if value is None:
                    continue
                # browsers ignore blanks and control characters in a scheme
                compact = re.sub(r"[\x00-\x20]", "", value)
                where = f"{name}: <{element.name} {attribute}={value!r}>"
                assert urlsplit(compact).scheme.lower() in SAFE_SCHEMES, where
                assert not compact.lower().startswith(("javascript", "data")), where


def test_pictures_are_files_of_the_site(html, soups):
    outdir = Path(html.outdir)
    for name, soup in soups.items():
        for image in soup.find_all("img"):
            target = (outdir / name).parent / image["src"]
            assert target.resolve().is_relative_to(outdir.resolve()), image
            assert target.is_file(), image


def test_the_payloads_are_shown_as_text(soups):
    for name in ("papers.html", "talks.html", "cv.html", "event.html", "awards.html"):
        text = soups[name].get_text()
        for payload in SHOWN[:-1]:
            assert payload in text, (name, payload)
    # an abstract's ".. raw::" is text in the page of its publication
    assert SHOWN[-1] in soups["pub/yaml-one.html"].get_text()
    people = soups["people.html"].get_text()
    assert "Eve <script>" not in people or SHOWN[0] in people
    assert "<img src=x onerror=" in people


def test_unsafe_urls_are_dropped_with_a_located_warning(html):
    warnings = [w for w in warnings_of(html) if w.endswith("[scholar.url]")]
    for name, written in [
        ("papers.yaml", "url: JaVaScRiPt:"),
        ("papers.yaml", 'pdf: " \\t\\n javascript:'),
        ("papers.yaml", 'code: "java\\tscript:'),
        ("papers.yaml", "url: javascript:"),
        ("talks.yaml", "url: javascript:"),
        ("people.yaml", "photo: data:text/html"),
        ("event.yaml", "url: vbscript:"),
        ("awards.yaml", "url: javascript:"),
        ("cv.yaml", "thesis: javascript:"),
        ("papers.bib", "pdf = {javascript:"),
        ("papers.yaml", "bibtex: "),  # url = {javascript:...} in a bibtex field
    ]:
        line = line_of(name, written)
        located = [w for w in warnings if f"{name}:" in w]
        assert located, (name, written)
        # YAML places the warning on the field's line; BibTeX on the entry's
        if name.endswith(".yaml"):
            assert any(f"{name}:{line}:" in w for w in located), (name, written)
    assert not any(
        "javascript" in w.lower() for w in warnings_of(html) if "Traceback" in w
    )


def test_every_warning_is_located_and_typed(html):
    for warning in warnings_of(html):
        assert re.search(r"\[scholar\.\w+\]$", warning), warning
        assert re.search(r"\.(yaml|bib|rst):\d*:? ", warning), warning


# Metadata of publication pages and events --------------------------------------


def jsonld(soup) -> list[dict]:
    return [
        json.loads(script.string)
        for script in soup.find_all("script", type="application/ld+json")
    ]


def test_publication_metadata_says_what_the_data_says(soups):
    paper = PAPERS[0]
    soup = soups["pub/yaml-one.html"]
    (data,) = jsonld(soup)
    title = without_stray_bidi(paper["title"])
    assert data["headline"] == data["name"] == title
    assert data["abstract"] == without_stray_bidi(paper["abstract"])
    assert data["isPartOf"]["name"] == without_stray_bidi(paper["venue"])
    meta = {
        tag["name"]: tag["content"]
        for tag in soup.find_all("meta")
        if tag.get("name", "").startswith("citation_")
        and tag["name"] != "citation_author"
    }
    assert meta["citation_title"] == title
    assert meta["citation_volume"] == paper["volume"]
    authors = [
        tag["content"]
        for tag in soup.find_all("meta", attrs={"name": "citation_author"})
    ]
    assert authors[:3] == [
        PAPERS[0]["authors"][0],
        PAPERS[0]["authors"][1]["name"],
        PAPERS[0]["authors"][2]["name"],
    ]
    assert [a["name"] for a in data["author"]] == authors
    # "</script>" in the data cannot end the element
    raw = str(soup.find("script", type="application/ld+json"))
    assert raw.count("</script>") == 1


def test_event_jsonld_says_what_the_data_says(soups):
    (data,) = jsonld(soups["event.html"])
    event = EVENT["event"]
    assert data["name"] == without_stray_bidi(event["title"])
    assert data["description"] == without_stray_bidi(event["description"])
    # "javascript&colon;..." has no scheme: a browser reads it as a path
    assert urlsplit(data["url"]).scheme == ""
    assert [s["name"] for s in data["sponsor"]] == [
        without_stray_bidi(EVENT["sponsors"][0]["name"])
    ]


def test_interactive_entries_carry_the_data_as_text(soups):
    entries = soups["bib.html"].select("li.scholar-publication")
    first = next(e for e in entries if e["id"] == "pub-bib-one")
    assert (
        'title = {Bib <script>window.__pwned="script"</script>' in first["data-bibtex"]
    )
    assert first["data-title"].startswith("bib <script>window.__pwned")
    for entry in soups["papers.html"].select("li.scholar-publication"):
        for attribute in entry.attrs:
            assert attribute in {"class", "id"} or attribute.startswith("data-")


def test_the_calendar_holds_the_data_as_text(html):
    (calendar,) = (Path(html.outdir) / "_calendar").glob("*.ics")
    text = calendar.read_text(encoding="utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:EventTitle <script>" in unfolded
    for url in re.findall(r"^URL:(.*)$", unfolded, re.MULTILINE):
        assert urlsplit(url).scheme.lower() in SAFE_SCHEMES, url
    assert len(calendar.name) < 100


def test_the_feed_is_xml_whose_titles_are_the_data(html):
    atom = "{http://www.w3.org/2005/Atom}"
    tree = ElementTree.parse(Path(html.outdir) / "publications.atom")
    titles = [entry.findtext(f"{atom}title") for entry in tree.iter(f"{atom}entry")]
    assert without_stray_bidi(PAPERS[0]["title"]) in titles
    # control characters are no XML: they were removed, not a reason to fail
    assert f"Second {SHOWN[0]} control" in titles
    for element in tree.iter():
        assert element.tag.startswith(atom), element.tag


def test_the_exported_bibtex_has_only_the_fields_of_the_data(html):
    text = (Path(html.outdir) / "publications.bib").read_text(encoding="utf-8")
    entries = parse_string(text, "bibtex").entries
    for key, entry in entries.items():
        assert not re.search(r"[\s,{}]", key), key
        url = entry.fields.get("url", "https:")
        assert urlsplit(url).scheme in {"http", "https"}, key
    # a key with a line break, a title and a name with unmatched braces can
    # add no field
    braces = next(e for k, e in entries.items() if k.startswith("brace"))
    assert set(braces.fields) == {"title", "journal", "year"}
    assert "javascript" in braces.fields["title"]


# Bidirectional controls --------------------------------------------------------


def test_unbalanced_bidi_controls_are_removed_with_a_warning(html, soups):
    for name, soup in soups.items():
        for control in STRAY_BIDI:
            assert control not in str(soup), (name, hex(ord(control)))
    located = [w for w in warnings_of(html) if w.endswith("[scholar.text]")]
    line = line_of("papers.yaml", "- key: yaml-one")
    assert any(f"papers.yaml:{line}:" in w and "\\u202e" in w for w in located)
    assert any("papers.bib:" in w for w in located)


def test_balanced_isolates_and_zero_width_characters_stay(soups):
    text = soups["papers.html"].get_text()
    assert "\u2067\u05d0\u05d3\u05d4\u2069 Isolated" in text
    assert "\u200bzero\u200dwidth\ufeff" in text


# Text and LaTeX ----------------------------------------------------------------


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_write_the_payloads_as_text(tmp_path, builder):
    app = build(tmp_path, builder)
    outdir = Path(app.outdir)
    suffix = ".txt" if builder == "text" else ".tex"
    written = "\n".join(
        path.read_text(encoding="utf-8") for path in outdir.rglob(f"*{suffix}")
    )
    if builder == "text":
        flat = " ".join(written.split())
        for payload in SHOWN:
            assert " ".join(payload.split()) in flat, payload
    else:
        assert "\\href{javascript" not in written
        assert "<script>" not in written
        assert "\\textless{}script\\textgreater{}window.\\_\\_pwned" in written
        assert "\\textbackslash{}href\\{javascript:" in written
    app.cleanup()


# In a browser ------------------------------------------------------------------

#: what a pointer or the keyboard does to an element, sent to every element
#: of the page: an event-handler attribute from data would run on one of them
TOUCH = """() => {
  for (const element of document.querySelectorAll("body *")) {
    for (const type of ["pointerover", "mouseover", "mouseenter", "mousemove",
                        "focus", "focusin", "blur", "animationstart"]) {
      element.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (element.focus) element.focus();
  }
}"""


@pytest.fixture(scope="module")
def browser(html):
    """The built site, served on 127.0.0.1 as a host would, and Chromium."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is missing: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    handler = functools.partial(QuietHandler, directory=str(html.outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            yield chromium, f"http://127.0.0.1:{server.server_address[1]}/"
            chromium.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_nothing_runs_in_a_browser(html, browser):
    """Every page, and the site's search for words of the payloads: no
    payload runs, nothing fails, no request leaves the site."""
    from playwright.sync_api import expect

    chromium, site = browser
    outdir = Path(html.outdir)
    seen: list[str] = []
    visits = [path.relative_to(outdir).as_posix() for path in outdir.rglob("*.html")]
    visits += [f"search.html?q={word}" for word in ("pwned", "script", "onerror")]
    context = chromium.new_context()
    # a payload that calls alert() sets the flag too (and is a dialog)
    context.add_init_script(
        "window.alert = function (m) { window.__pwned = 'alert ' + m; };"
    )
    for name in sorted(visits):
        page = context.new_page()
        watch(page, name, site, seen)
        page.goto(site + name)
        if "?q=" in name:  # the results show titles from the data
            expect(page.locator("#search-results li").first).to_be_visible()
        visit(page)
        flag = page.evaluate("window.__pwned")
        assert flag is None, f"{name}: a payload ran ({flag})"
        page.close()
    context.close()
    assert seen == []


#: where each letter of the first "evil" in an element is drawn, from the left
LETTER_POSITIONS = """(element) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf("evil");
    if (at < 0) continue;
    return [0, 1, 2, 3].map((i) => {
      const range = document.createRange();
      range.setStart(node, at + i);
      range.setEnd(node, at + i + 1);
      return range.getBoundingClientRect().left;
    });
  }
  return null;
}"""


@pytest.mark.browser
def test_a_title_that_opened_an_override_reads_left_to_right(browser):
    """The title was "... \u202eevil\u2066 ...": left open, the override
    would draw "evil" (and the rest of the entry) right to left."""
    chromium, site = browser
    page = chromium.new_page()
    page.goto(site + "papers.html")
    title = page.locator("#pub-yaml-one .scholar-title")
    positions = title.evaluate(LETTER_POSITIONS)
    assert positions == sorted(positions) and len(set(positions)) == 4, positions
    page.close()


def watch(page, name: str, site: str, seen: list[str]) -> None:
    page.on("dialog", lambda dialog: seen.append(f"{name}: dialog {dialog.message}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and seen.append(f"{name}: console error {message.text}")
        ),
    )
    page.on("pageerror", lambda error: seen.append(f"{name}: {error}"))
    page.on(
        "request",
        lambda request: (
            not request.url.startswith(site)
            and seen.append(f"{name}: request to {request.url}")
        ),
    )


def visit(page) -> None:
    """Hover, focus and click what a visitor would, and use every control."""
    page.evaluate(TOUCH)
    for entry in page.locator("li.scholar-entry, li.scholar-publication").all()[:8]:
        entry.hover(timeout=2000)
    for button in page.locator(
        "button.scholar-toggle-abstract, button.scholar-toggle-bibtex"
    ).all():
        button.click()
    if page.locator("select.scholar-sort").count():
        for order in ("title-asc", "title-desc", "year-asc", "default"):
            page.locator("select.scholar-sort").select_option(order)
        search = page.locator("input.scholar-search")
        for typed in (SHOWN[0], SHOWN[2], "pwned", ""):
            search.fill(typed)
        for select in ("select.scholar-type", "select.scholar-tag"):
            for option in page.locator(f"{select} option").all():
                page.locator(select).select_option(option.get_attribute("value"))
    page.evaluate(TOUCH)


# The rule for bidirectional controls -------------------------------------------


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("\u2067\u05d0\u2069 x", "\u2067\u05d0\u2069 x"),  # an isolate, closed
        ("\u202b\u2066a\u2069\u202c", "\u202b\u2066a\u2069\u202c"),  # nested
        ("\u202eevil", "evil"),  # an override never closed
        ("a\u202cb\u2069c", "abc"),  # closers of nothing
        ("\u2066a\u202c\u2069", "\u2066a\u2069"),  # a closer of the wrong kind
        ("\u202ba\u2069", "a"),  # an embedding closed as an isolate
        ("tab\tand\nline\x00\x1b\x7f\x85", "tab\tand\nline"),  # controls
        ("\u200bzero\u200dwidth\u200e", "\u200bzero\u200dwidth\u200e"),
    ],
)
def test_only_controls_without_a_partner_are_removed(written, kept):
    from sphinx_scholar.loaders.invisible_characters import balanced

    assert balanced(written) == kept


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("papers.json", '[{"key": "k", "title": "A \\u202eB", "year": 2020}]'),
        ("papers.yaml", '- {key: k, title: "A \\u202eB", year: 2020}'),
        ("papers.yaml", "- {key: k, title: A \u202eB, year: 2020}"),
        ("papers.bib", "@misc{k, title = {A \u202eB}, year = 2020}"),
    ],
    ids=["json-escape", "yaml-escape", "yaml-raw", "bibtex-raw"],
)
def test_controls_are_found_written_or_escaped(tmp_path, name, text):
    from sphinx_scholar.loaders import load_publications

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_publications(str(path))
    assert [record.title for record in loaded.records] == ["A B"]
    assert [problem.subtype for problem in loaded.problems] == ["text"]
