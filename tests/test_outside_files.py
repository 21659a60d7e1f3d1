"""Files outside the source directory are read only from the folders the
site's author allows (``scholar_outside_dirs``): no data file, people file or
link can publish another file of the machine that builds the site."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

PAPERS = """\
- key: secret2020
  title: The Secret Paper
  year: 2020
  links: {pdf: secret.pdf}
"""
PEOPLE = """\
- id: spy
  name: Sam Spy
  photo: spy.svg
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


@pytest.fixture
def machine(tmp_path) -> dict[str, Path]:
    """A site in ``site/``, and beside it a folder the site does not own."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "papers.yaml").write_text(PAPERS, encoding="utf-8")
    (outside / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 secret")
    (outside / "spy.svg").write_text(SVG, encoding="utf-8")
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    return {"site": site, "outside": outside}


_built: list[SphinxTestApp] = []


@pytest.fixture(autouse=True)
def _cleanup():
    """Each app is cleaned up, also after a failed test: a leftover one
    would hear the next one's warnings."""
    yield
    while _built:
        _built.pop().cleanup()


def build(site: Path, conf: str, index: str) -> tuple[SphinxTestApp, list[str]]:
    (site / "conf.py").write_text(
        'extensions = ["sphinx_scholar"]\nproject = "Outside"\n' + conf,
        encoding="utf-8",
    )
    (site / "index.rst").write_text("Outside\n=======\n\n" + index, encoding="utf-8")
    app = SphinxTestApp(
        "html", srcdir=site, freshenv=True, status=io.StringIO(), warning=io.StringIO()
    )
    _built.append(app)
    app.build()
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return app, [line for line in text.splitlines() if "WARNING" in line]


def built_files(app) -> list[str]:
    return [path.name for path in Path(app.outdir).rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    "written",
    ["../outside/papers.yaml", "/../outside/papers.yaml", "data/link.yaml"],
    ids=["dotdot", "from-srcdir", "symlink"],
)
def test_a_data_file_outside_is_not_read(machine, written):
    site = machine["site"]
    (site / "data" / "link.yaml").symlink_to(machine["outside"] / "papers.yaml")
    app, warnings = build(site, "", f".. publications:: {written}\n")
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "The Secret Paper" not in page
    assert not (site / "pub" / "secret2020.rst").exists()
    assert "secret.pdf" not in built_files(app)
    (warning,) = warnings
    assert warning.startswith(f"{site / 'index.rst'}:4: WARNING: data file {written}")
    assert "is outside the source directory" in warning
    assert "scholar_outside_dirs" in warning
    assert warning.endswith("[scholar.data_file]")


@pytest.mark.parametrize("absolute", [True, False], ids=["absolute", "dotdot"])
def test_a_people_file_outside_is_not_read(machine, absolute):
    path = machine["outside"] / "people.yaml"
    written = str(path) if absolute else "../outside/people.yaml"
    app, warnings = build(
        machine["site"], f"scholar_people_file = {written!r}\n", ".. people::\n"
    )
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Sam Spy" not in page
    assert any(
        "scholar_people_file" in w
        and "is outside the source directory" in w
        and w.endswith("[scholar.data_file]")
        for w in warnings
    ), warnings


def test_links_and_photos_outside_are_not_copied(machine):
    """A data file of the site links to files outside it, by ``../`` and
    by a symbolic link; neither is copied, and each is reported."""
    site, outside = machine["site"], machine["outside"]
    (site / "data" / "papers.yaml").write_text(
        PAPERS.replace("secret.pdf", "../../outside/secret.pdf"), encoding="utf-8"
    )
    (site / "data" / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    (site / "data" / "spy.svg").symlink_to(outside / "spy.svg")
    app, warnings = build(
        site,
        'scholar_people_file = "data/people.yaml"\n',
        ".. publications:: data/papers.yaml\n\n.. people::\n",
    )
    assert "secret.pdf" not in built_files(app)
    assert "spy.svg" not in built_files(app)
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "The Secret Paper" in page and "Sam Spy" in page
    papers = os.path.join("data", "papers.yaml")
    people = os.path.join("data", "people.yaml")
    assert any(
        f"{papers}:1: WARNING: 'secret2020' links to '../../outside/secret.pdf', "
        "which is outside the source directory"
        in w
        and w.endswith("[scholar.file]")
        for w in warnings
    ), warnings
    assert any(
        f"{people}:1: WARNING: 'spy' links to 'spy.svg', which is outside" in w
        for w in warnings
    ), warnings


def test_allowed_folders_are_read(machine):
    site, outside = machine["site"], machine["outside"]
    (site / "data" / "spy.svg").symlink_to(outside / "spy.svg")
    app, warnings = build(
        site,
        'scholar_outside_dirs = ["../outside"]\n'
        'scholar_people_file = "../outside/people.yaml"\n',
        ".. publications:: ../outside/papers.yaml\n\n.. people::\n",
    )
    assert warnings == []
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "The Secret Paper" in page and "Sam Spy" in page
    assert "secret.pdf" in built_files(app)
    assert "spy.svg" in built_files(app)
    assert (Path(app.outdir) / "pub" / "secret2020.html").exists()


def test_the_setting_takes_absolute_folders(machine):
    site, outside = machine["site"], machine["outside"]
    app, warnings = build(
        site,
        f"scholar_outside_dirs = [{str(outside)!r}]\n",
        ".. publications:: ../outside/papers.yaml\n",
    )
    assert warnings == []
    assert "secret.pdf" in built_files(app)


def test_a_folder_is_not_its_prefix(machine, tmp_path):
    """``../outside`` allows ``outside/``, not ``outside-2/``."""
    site = machine["site"]
    other = tmp_path / "outside-2"
    other.mkdir()
    (other / "papers.yaml").write_text(PAPERS, encoding="utf-8")
    app, warnings = build(
        site,
        'scholar_outside_dirs = ["../outside"]\n',
        ".. publications:: ../outside-2/papers.yaml\n",
    )
    assert len(warnings) == 1 and "is outside the source directory" in warnings[0]


@pytest.mark.parametrize(
    "picture",
    ["//{outside}/spy.svg", "///{outside}/spy.svg", "file://{outside}/spy.svg"],
)
def test_a_picture_written_as_a_machine_path_is_not_copied(machine, picture):
    """``//etc/passwd`` is no address of another site: Sphinx would copy the
    file of the machine. Only ``http(s)`` pictures are external."""
    site, outside = machine["site"], machine["outside"]
    photo = picture.format(outside=str(outside).lstrip("/"))
    (site / "data" / "people.yaml").write_text(
        PEOPLE.replace("spy.svg", photo), encoding="utf-8"
    )
    app, warnings = build(
        site, 'scholar_people_file = "data/people.yaml"\n', ".. people::\n"
    )
    assert "spy.svg" not in built_files(app)
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Sam Spy" in page and "spy.svg" not in page
    assert warnings


def test_a_protocol_relative_picture_is_the_hosts(machine):
    site = machine["site"]
    (site / "data" / "people.yaml").write_text(
        PEOPLE.replace("spy.svg", "//photos.example.org/spy.svg"), encoding="utf-8"
    )
    app, warnings = build(
        site, 'scholar_people_file = "data/people.yaml"\n', ".. people::\n"
    )
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'src="https://photos.example.org/spy.svg"' in page
    assert warnings == []
