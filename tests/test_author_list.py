"""Author lists. Long ones shortened (``scholar_max_authors``,
``:max-authors:``): the first authors and "et al.", the highlighted people
never hidden, the whole list one press away in HTML, and "et al." in the
other builders. Marks of equal contribution and of the corresponding author
(``scholar_author_marks``) explained once under the list."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_scholar.model import Author
from sphinx_scholar.render.author_list import shown_authors

ROOT = Path(__file__).parent / "roots" / "test-author-list"


def names(*letters: str) -> tuple[Author, ...]:
    return tuple(Author(letter) for letter in letters)


@pytest.mark.parametrize(
    ("authors", "highlighted", "shown"),
    [
        ("ABCDEFGH", "", "ABC"),
        ("ABCDEFGH", "F", "ABC.F"),
        ("ABCDEFGH", "D", "ABCD"),
        ("ABCDEFGH", "DF", "ABCD.F"),
        ("ABCDEFGH", "B", "ABC"),
        ("ABCDE", "E", "ABC.E"),
    ],
)
def test_the_first_authors_and_every_highlighted_one_are_shown(
    authors, highlighted, shown
):
    result = shown_authors(names(*authors), 3, lambda a: a.name in highlighted)
    assert "".join(a.name if a else "." for a in result) == shown


def test_a_long_list_is_linear_in_its_authors():
    authors = names(*(f"Author {n}" for n in range(20_000)))
    result = shown_authors(authors, 3, lambda a: a.name.endswith("999"))
    assert len([a for a in result if a]) == 3 + 20


def entry(soup, key: str):
    return soup.select_one(f"#pub-{key}")


def visible_authors(item) -> str:
    """The author line as a reader sees it before pressing anything."""
    line = item.select_one(".scholar-authors")
    for hidden in line.select("[hidden]"):
        hidden.decompose()
    return " ".join(line.get_text().split())


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """The test root built by each builder: builder -> output folder."""
    srcdir = tmp_path_factory.mktemp("author-list") / "src"
    shutil.copytree(ROOT, srcdir)
    result = {}
    for builder in ("html", "text", "latex", "epub"):
        app = SphinxTestApp(
            builder, srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
        )
        try:
            app.build()
            assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
            result[builder] = Path(app.outdir)
        finally:
            app.cleanup()
    return result


@pytest.fixture
def html(outputs) -> Path:
    return outputs["html"]


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


def test_a_long_list_shows_three_authors_the_owner_and_et_al(html):
    item = entry(page(html, "index.html"), "long")
    assert (
        visible_authors(item)
        == "Ada Alpha, Ben Beta, Cy Gamma, …, Grace Hopper, et al."
    )
    # the owner stays emphasised in the short list
    assert item.select_one(".scholar-authors-short .scholar-highlight").get_text() == (
        "Grace Hopper"
    )
    button = item.select_one("button.scholar-etal")
    assert button.get_text() == "et al."
    assert button["type"] == "button"
    assert button["title"] == "Show all 8 authors"


def test_the_whole_list_is_in_the_page_hidden_until_asked(html):
    item = entry(page(html, "index.html"), "long")
    whole = item.select_one(".scholar-authors-all")
    assert whole.has_attr("hidden")
    assert " ".join(whole.get_text().split()) == (
        "Ada Alpha, Ben Beta, Cy Gamma, Dee Delta, Eve Epsilon, Grace Hopper, "
        "Hal Eta, Ida Theta"
    )


def test_when_the_last_author_is_shown_the_ellipsis_is_the_button(html):
    item = entry(page(html, "index.html"), "last")
    assert visible_authors(item) == "Ada Alpha, Ben Beta, Cy Gamma, …, Grace Hopper"
    assert item.select_one("button.scholar-etal").get_text() == "…"


def test_the_fourth_author_highlighted_follows_without_a_gap(html):
    item = entry(page(html, "index.html"), "near")
    assert (
        visible_authors(item) == "Ada Alpha, Ben Beta, Cy Gamma, Grace Hopper, et al."
    )


def test_a_list_no_longer_than_the_limit_is_whole(html):
    item = entry(page(html, "index.html"), "short")
    assert visible_authors(item) == "Ada Alpha, Ben Beta, Grace Hopper"
    assert item.select_one(".scholar-etal") is None
    assert item.select_one(".scholar-authors-all") is None


def test_the_list_option_overrides_the_site_setting(html):
    item = entry(page(html, "all.html"), "long")
    assert item.select_one(".scholar-etal") is None
    assert visible_authors(item).endswith("Hal Eta, Ida Theta")


def test_the_publication_page_shows_every_author(html):
    soup = page(html, "pub/long.html")
    authors = " ".join(soup.select_one(".scholar-authors").get_text().split())
    assert authors.endswith("Hal Eta, Ida Theta")
    assert soup.select_one(".scholar-etal") is None


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_other_builders_print_the_short_list_and_et_al(outputs, builder):
    outdir = outputs[builder]
    if builder == "epub":
        markup = (outdir / "index.xhtml").read_text("utf-8")
        assert "<button" not in markup
        text = BeautifulSoup(markup, "html.parser").get_text()
    else:
        name = "index.txt" if builder == "text" else next(outdir.glob("*.tex")).name
        text = (outdir / name).read_text("utf-8")
    text = re.sub(r"\\sphinxstylestrong\{([^}]*)\}|\*\*", r"\1", text)
    text = " ".join(text.split())
    assert "Cy Gamma, …, Grace Hopper, et al." in text
    # the first entry, before the page that shows every author (in LaTeX,
    # one document)
    assert "Dee Delta" not in text.split("Journal of Long Lists")[0]


def test_a_bad_setting_is_refused_with_a_warning(make_app, tmp_path):
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\nscholar_max_authors = -2\n', "utf-8"
    )
    (tmp_path / "index.rst").write_text("Title\n=====\n", "utf-8")
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    assert "scholar_max_authors" in app.warning.getvalue()
    assert app.config.scholar_max_authors == 0


@pytest.mark.browser
def test_pressing_et_al_shows_every_author_in_place(html):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is missing: pip install -e '.[test]'")
    from .static_server import served
    from .test_browser import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with served(html) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        page.goto(url + "index.html")
        authors = page.locator("#pub-long .scholar-authors")
        assert "Dee Delta" not in authors.inner_text()
        page.locator("#pub-long .scholar-etal").focus()
        page.keyboard.press("Enter")
        page.locator("#pub-long .scholar-authors-all").wait_for(state="visible")
        shown = " ".join(authors.inner_text().split())
        assert shown == (
            "Ada Alpha, Ben Beta, Cy Gamma, Dee Delta, Eve Epsilon, Grace Hopper, "
            "Hal Eta, Ida Theta"
        )
        # the reader stays where they were: on the list they asked for
        assert page.evaluate(
            "document.activeElement.classList.contains('scholar-authors-all')"
        )
        browser.close()


# --- marks of equal contribution and of the corresponding author -------------


def test_marks_given_as_fields_follow_the_names(html):
    item = entry(page(html, "index.html"), "marked")
    assert visible_authors(item) == "Ada Alpha*, Ben Beta*†, Cy Gamma"


def test_the_list_explains_its_marks_once_under_it(html):
    soup = page(html, "index.html")
    legends = soup.select(".scholar-marks-legend")
    assert [legend.get_text() for legend in legends] == [
        "* Equal contribution. † Corresponding author."
    ]
    # after the entries, not among them
    assert legends[0].find_previous(class_="scholar-publication") is not None
    assert legends[0].find_next(class_="scholar-publication") is None


def test_a_mark_written_by_hand_is_explained_too(make_app, root_copy):
    srcdir = root_copy("author-list")
    (srcdir / "unmarked.rst").write_text(
        "Written\n=======\n\n.. publications:: data/papers.yaml\n"
        "   :filter: key == written\n",
        "utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    soup = page(app.outdir, "unmarked.html")
    assert visible_authors(entry(soup, "written")) == "Ada Alpha*, Ben Beta*"
    assert soup.select_one(".scholar-marks-legend").get_text() == (
        "* Equal contribution."
    )


def test_a_list_without_marks_has_no_legend(html):
    assert page(html, "unmarked.html").select_one(".scholar-marks-legend") is None


def test_the_site_chooses_the_marks(make_app, root_copy):
    srcdir = root_copy("author-list")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('scholar_author_marks = {"equal": "#", "corresponding": "✉"}\n')
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    soup = page(app.outdir, "index.html")
    assert visible_authors(entry(soup, "marked")) == "Ada Alpha#, Ben Beta#✉, Cy Gamma"
    legend = soup.select_one(".scholar-marks-legend").get_text()
    assert legend == "# Equal contribution. ✉ Corresponding author."
