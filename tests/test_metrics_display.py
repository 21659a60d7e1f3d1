"""Citation counts in the built site: read from the metrics file
(``scholar_metrics_file``), never from a service; a badge where a list's
``:show:`` names ``citations``, text in other builders; a profile's totals
with their source and date."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def soup_of(outdir: Path, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf-8"), "html.parser")


@pytest.fixture
def no_network(monkeypatch):
    """A build that tried to reach a service would fail here."""

    def refuse(*args, **kwargs):
        raise AssertionError("the build opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def build(make_app, srcdir, builder="html"):
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_badges_where_a_list_asks_for_them(make_app, root_copy, no_network):
    app = build(make_app, root_copy("metrics"))
    assert app._warning.getvalue() == ""
    soup = soup_of(app.outdir)
    lists = soup.select("ul.scholar-publications")
    counted = {
        item["id"]: item.select_one(".scholar-citations")
        for item in lists[0].select("li.scholar-publication")
    }
    engines = counted["pub-engines2016"]
    # the highest count, its source and date in the title
    assert engines.get_text() == "Cited by 42"
    assert engines.abbr["title"] == "OpenAlex, 2026-05-04"
    assert counted["pub-looms2018"].get_text() == "Cited by 3"
    assert counted["pub-uncounted2020"] is None  # not in the metrics file
    # a list that does not ask shows no counts
    assert lists[1].select(".scholar-citations") == []
    css = (app.outdir / "_static" / "sphinx-scholar.css").read_text("utf-8")
    assert ".scholar-citations {" in css


def test_a_profile_shows_its_persons_totals(make_app, root_copy, no_network):
    app = build(make_app, root_copy("metrics"))
    metrics = soup_of(app.outdir).select_one(".scholar-profile .scholar-metrics")
    # Ada's works: engines2016 (42 from OpenAlex) and looms2018 (3, as
    # "A. Lovelace"); not Charles' babbage2019
    assert " ".join(metrics.get_text().split()) == (
        "Citations: 45 · h-index: 2 (OpenAlex, 2026-05-03)"
    )


def test_other_builders_write_the_counts_as_text(make_app, root_copy, no_network):
    app = build(make_app, root_copy("metrics"), "text")
    text = (app.outdir / "index.txt").read_text("utf-8")
    assert "Cited by 42 (OpenAlex, 2026-05-04)" in text
    assert "Citations: **45** · h-index: **2** (OpenAlex, 2026-05-03)" in text
    latex = build(make_app, root_copy("metrics"), "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text("utf-8")
    assert "Cited by 42 (OpenAlex, 2026\\sphinxhyphen{}05\\sphinxhyphen{}04)" in tex


def test_what_the_file_says_reaches_the_page_escaped(make_app, root_copy):
    srcdir = root_copy("metrics")
    metrics = srcdir / "data" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text("utf-8").replace(
            "openalex: {count: 42",
            '"<b>x</b>": {count: 50, date: 2026-05-05}\n    openalex: {count: 42',
        ),
        "utf-8",
    )
    app = build(make_app, srcdir)
    html = (app.outdir / "index.html").read_text("utf-8")
    assert "<b>x</b>" not in html
    assert 'title="&lt;b&gt;x&lt;/b&gt;, 2026-05-05"' in html


def test_a_broken_metrics_file_is_a_located_warning(make_app, root_copy):
    srcdir = root_copy("metrics")
    metrics = srcdir / "data" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text("utf-8").replace(
            "{count: 3, date: '2026-05-03'}", "{count: many}"
        ),
        "utf-8",
    )
    app = build(make_app, srcdir)
    warnings = app._warning.getvalue()
    assert (
        "metrics.yaml" in warnings
        and "'looms2018': the count of 'openalex'" in warnings
    )
    assert "[scholar.data_file]" in warnings
    counted = soup_of(app.outdir).select_one("#pub-looms2018 .scholar-citations")
    assert counted is None
    metrics.write_text("engines2016: [\n", "utf-8")
    app = build(make_app, srcdir)
    assert (
        "metrics.yaml:2: WARNING: the metrics file is not valid YAML"
        in app._warning.getvalue()
    )


def test_citations_without_a_metrics_file_say_what_is_missing(make_app, root_copy):
    srcdir = root_copy("metrics")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text("utf-8").replace(
            'scholar_metrics_file = "data/metrics.yaml"\n', ""
        ),
        "utf-8",
    )
    app = build(make_app, srcdir)
    assert (
        "option :show: citations needs scholar_metrics_file" in app._warning.getvalue()
    )
    assert soup_of(app.outdir).select(".scholar-citations, .scholar-metrics") == []


def test_new_counts_are_shown_by_the_next_build(make_app, root_copy, no_network):
    """The pages that show counts depend on the metrics file: an incremental
    build after ``sphinx-scholar metrics`` shows the new ones."""
    srcdir = root_copy("metrics")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    metrics = srcdir / "data" / "metrics.yaml"
    metrics.write_text(
        metrics.read_text("utf-8").replace(
            "{count: 42, date: '2026-05-04'}", "{count: 58, date: '2026-05-11'}"
        ),
        "utf-8",
    )
    again = make_app("html", srcdir=srcdir)
    again.build()
    soup = soup_of(again.outdir)
    assert (
        soup.select_one("#pub-engines2016 .scholar-citations").get_text()
        == "Cited by 58"
    )
    assert "Citations: 61" in soup.select_one(".scholar-metrics").get_text()


def test_the_labels_are_translated(make_app, root_copy, no_network):
    app = make_app(
        "text",
        srcdir=root_copy("metrics"),
        freshenv=True,
        confoverrides={"language": "fr"},
    )
    app.build()
    text = (app.outdir / "index.txt").read_text("utf-8")
    assert "Cité 42 fois (OpenAlex, 2026-05-04)" in text
    assert "Citations: **45** · indice h: **2**" in text
