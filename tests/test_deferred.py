"""Publication lists are rendered when their page is written (the fast path,
see ``sphinx_scholar/deferred.py``, where HTML entries are written as HTML,
see ``sphinx_scholar/render/entry_html.py``); rendered while reading instead
(the slow path, docutils nodes), every builder writes exactly the same files,
the same search index and the same warnings."""

import filecmp
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest

from sphinx_scholar.directives.publications import PublicationsDirective

ROOTS = [
    "basic",
    "files",
    "interactive",
    "parallel",
    "warnings",
    "myst",
    "events",
    "entry-look",
    "author-list",
    "people-pages",
    "hostile",
    "citation-styles",
    "biblatex",
    "page-text",
    "entry-html",
]
BUILDERS = ["html", "singlehtml", "latex", "text"]
#: written by Sphinx with the time or a hash of the build in them
UNSTABLE = {".buildinfo", ".doctrees"}


def build(make_app, rootdir, tmp_path, root, builder, deferred, monkeypatch):
    monkeypatch.setattr(PublicationsDirective, "deferred", deferred)
    # the same folder for both builds: records know their file's path
    srcdir = tmp_path / root
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / f"test-{root}", srcdir)
    warnings = StringIO()
    app = make_app(builder, srcdir=srcdir, warning=warnings, freshenv=True)
    app.build()
    kept = tmp_path / f"{builder}-{deferred}"
    shutil.move(app.outdir, kept)
    # a second app in one process registers Sphinx's nodes again: not ours
    return kept, [
        line
        for line in warnings.getvalue().splitlines()
        if "while setting up extension" not in line
    ]


def search_index(path: Path) -> dict:
    """What the search index holds, in whatever order Sphinx wrote it."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[len("Search.setIndex(") : -1])


def differences(left: Path, right: Path) -> list[str]:
    found = []

    def walk(comparison: filecmp.dircmp, where: str) -> None:
        found.extend(
            f"{where}{name}"
            for name in comparison.left_only
            + comparison.right_only
            + comparison.diff_files
            if name not in UNSTABLE
            and not (
                name == "searchindex.js"
                and name in comparison.diff_files
                and search_index(Path(comparison.left, name))
                == search_index(Path(comparison.right, name))
            )
        )
        for name, sub in comparison.subdirs.items():
            if name not in UNSTABLE:
                walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("root", ROOTS)
def test_fast_and_slow_paths_write_the_same_output(
    make_app, rootdir, tmp_path, root, builder, monkeypatch
):
    fast, fast_warnings = build(
        make_app, rootdir, tmp_path, root, builder, True, monkeypatch
    )
    slow, slow_warnings = build(
        make_app, rootdir, tmp_path, root, builder, False, monkeypatch
    )
    assert any(fast.iterdir())
    assert differences(fast, slow) == []
    assert fast_warnings == slow_warnings


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_the_page_keeps_a_small_node_until_it_is_written(app):
    """What makes the fast path fast: the stored page holds no entries."""
    from docutils import nodes

    from sphinx_scholar.deferred import pending_publications

    app.build()
    doctree = app.env.get_doctree("papers")
    pending = list(doctree.findall(pending_publications))
    assert pending and not list(doctree.findall(nodes.list_item))
    assert all(node["keys"] for node in pending)
