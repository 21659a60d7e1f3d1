"""The extension's list reads exactly like the same list written by hand.

The benchmark compares sphinx-scholar with hand-written reStructuredText; this
checks that the two really are the same page (as text), so that the faster
path (data rendered straight to nodes, compacted) loses nothing."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "generate.py"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def built_text(make_app, srcdir: Path, files: dict[str, str | bytes]) -> str:
    srcdir.mkdir()
    for name, content in files.items():
        if isinstance(content, bytes):
            (srcdir / name).write_bytes(content)
        else:
            (srcdir / name).write_text(content, encoding="utf-8")
    app = make_app("text", srcdir=srcdir)
    app.build()
    return (app.outdir / "index.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("data", ["papers.bib", "papers.yaml"])
def test_a_generated_list_reads_like_the_hand_written_one(
    generate, make_app, tmp_path, data
):
    records = generate.write_all(60, tmp_path / "data", seed=7)
    by_hand = built_text(
        make_app,
        tmp_path / "rst",
        {"conf.py": 'project = "p"\n', "index.rst": generate.rst_page(records)},
    )
    text = built_text(
        make_app,
        tmp_path / "scholar",
        {
            "conf.py": 'project = "p"\nextensions = ["sphinx_scholar"]\n'
            'scholar_publication_pages = ""\n',
            "index.rst": f"Publications\n============\n\n.. publications:: /{data}\n",
            data: (tmp_path / "data" / data).read_bytes(),
        },
    )
    assert text.count("\n") > 200
    # The one difference: a title with a URL is bold in the extension's list,
    # but reStructuredText cannot nest a link in bold.
    assert text.replace("**", "") == by_hand.replace("**", "")
    assert text.count("**") > by_hand.count("**") > 0
