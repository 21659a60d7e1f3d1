"""The directives work in MyST Markdown pages as in reStructuredText."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="myst", freshenv=True)
def test_directives_and_role_in_markdown(app):
    app.build()
    assert "ERROR" not in app.warning.getvalue()
    index = BeautifulSoup(
        (app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    # MyST pages get rubric headings: its directives cannot add sections
    assert [g.get_text() for g in index.select(".scholar-group")] == [
        "Journal articles",
        "Conference papers",
        "Preprints",
    ]
    assert len(index.select("li.scholar-publication")) == 4
    assert (
        index.select_one("p a.reference.internal")["href"] == "#pub-lovelace2019engines"
    )
    talks = BeautifulSoup(
        (app.outdir / "talks.html").read_text(encoding="utf-8"), "html.parser"
    )
    talk = talks.select_one("li.scholar-talk")
    assert (
        talk.select_one(".scholar-title").get_text()
        == "[30 mins] A Talk at EngineConf 1843. [paper]"
    )
    assert (
        talk.select(".scholar-links a")[-1]["href"]
        == "index.html#pub-lovelace2019engines"
    )
