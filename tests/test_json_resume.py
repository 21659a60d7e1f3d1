"""JSON Resume: the site's ``resume.json`` export, valid against the official
schema and holding what the site shows, and JSON Resume files read by the
``cv`` directive as a YAML CV is."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sphinx_scholar import json_resume

from .test_differential import scholar_warnings

SCHEMA = Path(__file__).parent / "fixtures" / "json-resume-schema-1.0.0.json"


def validate(document: dict) -> None:
    """Valid JSON Resume 1.0.0; its URLs absolute (``format: uri``, which
    jsonschema checks only with an optional package)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    validator.validate(document)
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            for name, item in value.items():
                if name in ("url", "canonical", "$schema"):
                    assert item.startswith("https://"), (name, item)
            pending += value.values()
        elif isinstance(value, list):
            pending += value


def exported(app) -> dict:
    return json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))


@pytest.mark.sphinx("html", testroot="json-resume", freshenv=True)
def test_the_export_is_valid_and_holds_only_what_the_site_shows(app):
    app.build()
    document = exported(app)
    validate(document)
    assert document["basics"] == {
        "name": "Ada Lovelace",
        "label": "Analyst",
        "email": "ada@example.org",
        "url": "https://example.org/ada",
        "profiles": [
            {"network": "GitHub", "url": "https://github.com/ada"},
            {"network": "ORCID", "url": "https://orcid.org/0000-0000-0000-0000"},
        ],
    }
    work = [(w.get("position"), w.get("name")) for w in document["work"]]
    # the entry tagged secret is filtered out, and its other list is for LaTeX
    assert work == [
        ("Senior Analyst", "Analytical Engine Lab"),
        ("Analyst", "Difference Engine Co."),
        ("Research Intern", "Royal Society"),
        ("Teaching assistant", "University of London"),
    ]
    assert "Secret" not in json.dumps(document)
    senior, analyst, intern, teaching = document["work"]
    assert senior == {
        "name": "Analytical Engine Lab",
        "location": "London",
        "position": "Senior Analyst",
        "url": "https://example.org/lab",
        "startDate": "2018-01",  # still going on: no end
        "summary": "Programs for the engine.",
    }
    assert (analyst["startDate"], analyst["endDate"]) == ("2016", "2017-12")
    assert (intern["startDate"], intern["endDate"]) == ("2013", "2013")  # Summer 2013
    assert teaching["highlights"] == ["M101: Calculus (Fall 2012, Fall 2013)"]
    assert (teaching["startDate"], teaching["endDate"]) == ("2012", "2013")
    assert document["education"][0] == {
        "institution": "University of London",
        "area": "Mathematics",
        "studyType": "PhD",
        "startDate": "2010-09",
        "endDate": "2015-12",
    }
    # the list of honours hides their descriptions
    assert document["awards"][0] == {
        "title": "Fellowship of the Engine",
        "date": "2013",
        "awarder": "Royal Society",
    }
    assert document["volunteer"][0] == {
        "organization": "Royal Society",
        "position": "Reviewer",
        "startDate": "2019",
        "endDate": "2019",
    }
    # the draft is filtered out of the publications
    assert document["publications"] == [
        {
            "name": "Notes on the Analytical Engine",
            "publisher": "Scientific Memoirs",
            "releaseDate": "1843-09",
            "url": "https://example.org/notes",
        }
    ]
    assert document["meta"] == {"canonical": "https://example.org/ada/resume.json"}
    assert not scholar_warnings(app)


def test_a_parallel_build_exports_what_a_serial_one_does(make_app, root_copy, tmp_path):
    exports = []
    for parallel in (1, 2):
        srcdir = root_copy("json-resume")
        # enough pages for Sphinx to read them in parallel
        for number in range(8):
            (srcdir / f"slice{number}.rst").write_text(
                f":orphan:\n\nSlice {number}\n========\n\n"
                f".. cv:: data/cv.yaml\n   :limit: {number % 3 + 1}\n"
                + ("   :filter: tag == secret\n" if number % 2 else ""),
                encoding="utf-8",
            )
        app = make_app(
            "html",
            srcdir=srcdir,
            builddir=tmp_path / f"build{parallel}",
            parallel=parallel,
            freshenv=True,
        )
        app.build()
        exports.append((app.outdir / "resume.json").read_bytes())
    assert exports[0] == exports[1]
    assert b"Secret Agent" in exports[0]  # a slice shows it, unfiltered


def test_the_export_goes_when_no_page_shows_a_cv(make_app, root_copy):
    srcdir = root_copy("json-resume")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "resume.json").exists()
    (srcdir / "cv.rst").write_text("CV\n==\n\nNo CV.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert not (app.outdir / "resume.json").exists()
    assert (app.outdir / "publications.bib").exists()


def test_an_export_that_fails_warns_and_costs_nothing_else(
    make_app, root_copy, monkeypatch
):
    def broken(*args):
        raise ValueError("no resume today")

    monkeypatch.setattr(json_resume, "resume", broken)
    app = make_app("html", srcdir=root_copy("json-resume"))
    app.build()
    (warning,) = [w for w in scholar_warnings(app) if "[scholar.export]" in w]
    assert "resume.json could not be written (ValueError: no resume today)" in warning
    assert not (app.outdir / "resume.json").exists()
    assert (app.outdir / "publications.bib").exists()
    assert (app.outdir / "cv.html").exists()
