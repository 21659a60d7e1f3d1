"""The site ``sphinx-scholar new`` writes builds with ``-W`` with every builder,
makes a short CV in LaTeX, and is ready for Read the Docs."""

import datetime
import re
import runpy
import textwrap
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.cmd.build import main as sphinx_build

from sphinx_scholar.cli import main

from .test_pdf import latexmk, needs_tex, undefined

REPO = Path(__file__).parent.parent
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    target = tmp_path_factory.mktemp("starter") / "site"
    assert main(["new", str(target), "--name", "Ada Lovelace"]) == 0
    return target


def build(site, builder: str, build_dir) -> None:
    """``make <builder>``, as the starter's Makefile runs it."""
    code = sphinx_build(
        ["-M", builder, str(site), str(build_dir), "-W", "--keep-going", "-q"]
    )
    assert code == 0, builder


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_starter_builds_with_W(site, builder, tmp_path):
    build(site, builder, tmp_path)


def test_the_starter_pdf_is_a_short_cv(site, tmp_path):
    build(site, "latex", tmp_path)
    tex = (tmp_path / "latex" / "cv.tex").read_text(encoding="utf-8")
    assert r"]{sphinxhowto}" in tex and "oneside" in tex
    assert r"\chapter" not in tex and r"\tableofcontents" not in tex
    assert r"\section{Publications}" in tex
    assert r"\title{Curriculum Vitae}" in tex and r"\author{Ada Lovelace}" in tex


@needs_tex
def test_the_starter_pdf_compiles_and_its_links_resolve(site, tmp_path):
    build(site, "latex", tmp_path)
    folder = tmp_path / "latex"
    latexmk(folder, "cv.tex")
    assert undefined(folder / "cv.log") == []


def test_the_starter_has_a_version_for_e_books(site):
    settings = runpy.run_path(str(site / "conf.py"))
    year = str(datetime.date.today().year)
    assert settings["version"] == year
    assert settings["copyright"] == f"{year}, Ada Lovelace"


def test_read_the_docs_gives_the_address(site, tmp_path, monkeypatch):
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    assert runpy.run_path(str(site / "conf.py"))["html_baseurl"] == ""
    address = "https://ada.readthedocs.io/en/latest/"
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", address)
    assert runpy.run_path(str(site / "conf.py"))["html_baseurl"] == address
    build(site, "html", tmp_path)
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{address}index.html"' in html


def test_read_the_docs_publishes_and_a_check_fails_on_data_problems(site):
    """A data problem does not hold back the site on Read the Docs; the check
    that runs on each push and pull request fails on it."""
    rtd = yaml.safe_load((site / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert rtd["sphinx"] == {"configuration": "conf.py", "fail_on_warning": False}
    assert rtd["python"]["install"] == [{"requirements": "requirements.txt"}]
    workflow = yaml.safe_load(
        (site / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    )
    steps = [step.get("run") for step in workflow["jobs"]["check"]["steps"]]
    assert steps[-2:] == ["pip install -r requirements.txt", "sphinx-scholar check"]


def tutorial_blocks(language: str) -> list[str]:
    """The code blocks of the tutorial in ``language``, dedented."""
    text = (REPO / "docs" / "tutorial" / "index.rst").read_text(encoding="utf-8")
    blocks = re.findall(
        rf"^\.\. code-block:: {language}\n\n((?:   .*\n|\n)+)", text, re.MULTILINE
    )
    return [textwrap.dedent(block).strip() + "\n" for block in blocks]


def test_the_tutorial_shows_the_files_the_starter_writes(site):
    year = str(datetime.date.today().year)
    conf = (site / "conf.py").read_text(encoding="utf-8")
    conf = conf.replace(f'"{year}', '"2026').split("\n", 1)[1].lstrip()
    assert conf in tutorial_blocks("python")
    rtd = yaml.safe_load((site / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert rtd in [yaml.safe_load(block) for block in tutorial_blocks("yaml")]


def home_page(site, tmp_path) -> BeautifulSoup:
    build(site, "html", tmp_path)
    return BeautifulSoup(
        (tmp_path / "html" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def test_the_home_page_opens_with_the_profile(site, tmp_path):
    soup = home_page(site, tmp_path)
    article = soup.select_one("article")
    assert article.select_one("h1").get_text().rstrip("#¶") == "Ada Lovelace"
    profile = article.select_one(".scholar-profile")
    # the name once: the title, not again in the profile
    head_text = profile.select_one(".scholar-profile-head").get_text(" ")
    assert "Ada Lovelace" not in head_text and "PhD student" in head_text
    photo = profile.select_one("img.scholar-photo")
    assert photo["alt"] == "Ada Lovelace"
    assert (tmp_path / "html" / photo["src"]).exists()
    links = profile.select(".scholar-profile-links a")
    assert [a.get_text(strip=True) for a in links] == [
        "Google Scholar",
        "GitHub",
        "Email",
    ]
    for a in links:
        assert a.select_one("svg")["aria-hidden"] == "true"
        assert "scholar-visually-hidden" in a.select_one("span")["class"]


def test_the_home_page_has_no_documentation_furniture(site, tmp_path):
    soup = home_page(site, tmp_path)
    # furo: no "On this page" beside the profile, no "Edit this page" or
    # "View source" button, no Previous and Next on a site of one page
    assert "no-toc" in soup.select_one("aside.toc-drawer")["class"]
    assert not soup.select(".content-icon-container .edit-this-page, .view-this-page")
    assert not soup.select(".related-pages a")
    # one search box, in the sidebar (a menu on a phone)
    assert len(soup.select("input[name=q]")) == 1
    footer = soup.select_one("footer").get_text(" ", strip=True)
    year = datetime.date.today().year
    assert footer == f"Copyright © {year}, Ada Lovelace Made with Furo"
    # the site's icon in browser tabs
    assert soup.find("link", rel="icon")["href"].endswith("favicon.svg")


def test_the_text_and_latex_home_pages_show_the_profile_as_text(site, tmp_path):
    build(site, "text", tmp_path)
    text = (tmp_path / "text" / "index.txt").read_text(encoding="utf-8")
    assert text.count("Ada Lovelace\n") == 1  # the title
    lines = [line.strip() for line in text.splitlines()]
    assert "PhD student\nYour University\nGoogle Scholar · GitHub · Email" in "\n".join(
        lines
    )
    build(site, "latex", tmp_path)
    tex = (tmp_path / "latex" / "cv.tex").read_text(encoding="utf-8")
    assert r"\author{Ada Lovelace}" in tex
    for words in ("PhD student", "Your University", "Google Scholar", "Email"):
        assert words in tex
    assert "svg" not in tex.replace("photo.svg", "").replace(".svg", "")


def test_with_an_address_the_starter_writes_a_sitemap(site, tmp_path, monkeypatch):
    pytest.importorskip("sphinx_sitemap")
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://ada.example.org/")
    build(site, "html", tmp_path)
    sitemap = (tmp_path / "html" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://ada.example.org/index.html</loc>" in sitemap
    assert "<loc>https://ada.example.org/pub/me2024first.html</loc>" in sitemap
    assert "search.html" not in sitemap and "genindex.html" not in sitemap
