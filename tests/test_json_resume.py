"""JSON Resume: the site's ``resume.json`` export, valid against the official
schema and holding what the site shows, and JSON Resume files read by the
``cv`` directive as a YAML CV is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from sphinx_scholar import json_resume
from sphinx_scholar.loaders import load_cv
from sphinx_scholar.loaders.cv import cv_from_data
from sphinx_scholar.loaders.structured import load_json
from sphinx_scholar.model import CV_SECTIONS

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


def cv_lines(app, page: str) -> list[list[str]]:
    """What a reader sees of each CV entry of a page, line by line, and where
    its links go."""
    soup = BeautifulSoup(
        (app.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser"
    )
    return [
        [line.get_text() for line in item.select(".line")]
        + [a["href"] for a in item.select("a")]
        for item in soup.select("li.scholar-cv-entry")
    ]


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
        ("Programmer", "Harvard University"),
        ("Senior Mathematician", "Remington Rand"),
        ("Teaching assistant", "University of London"),
    ]
    assert "Secret" not in json.dumps(document)
    senior, analyst, intern, _harvard, rand, teaching = document["work"]
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
    assert "endDate" not in rand
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


def test_a_json_resume_file_reads_as_a_yaml_cv_does(make_app, root_copy):
    srcdir = root_copy("json-resume")
    (srcdir / "data" / "same.yaml").write_text(
        """\
positions:
  - title: Programmer
    organisation: Harvard University
    place: Cambridge, MA
    start: 1944-07
    end: 1949-06
    description: Programmed the Mark I. Wrote its manual.
    links: {web: "https://example.org/mark-i"}
  - {title: Senior Mathematician, organisation: Remington Rand, start: 1949, end: present}
education:
  - {degree: PhD, field: Mathematics, institution: Yale University, start: 1930, end: 1934}
honors:
  - {title: National Medal of Technology, by: United States, start: 1991-09}
service:
  - {role: Officer, organisation: US Navy Reserve, start: 1943, end: 1986}
""",
        encoding="utf-8",
    )
    (srcdir / "same.rst").write_text(
        ":orphan:\n\nSame\n====\n\n.. cv:: data/same.yaml\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert cv_lines(app, "imported") == [
        [
            "Programmer, Harvard University, Cambridge, MA.",
            "Jul 1944 - Jun 1949 [web]",
            "Programmed the Mark I. Wrote its manual.",
            "https://example.org/mark-i",
        ],
        ["Senior Mathematician, Remington Rand.", "1949 - present"],
        ["PhD, Mathematics, Yale University", "1930 - 1934"],
        ["National Medal of Technology, United States", "Sep 1991"],
        ["Officer, US Navy Reserve", "1943 - 1986"],
    ]
    assert cv_lines(app, "imported") == cv_lines(app, "same")
    assert not scholar_warnings(app)


def test_the_rule_that_makes_a_cv_file_json_resume(tmp_path):
    """``basics``, ``work`` or ``volunteer`` at the top, in JSON or YAML."""
    resume = tmp_path / "resume.yaml"
    resume.write_text(
        "basics: {name: Ada}\neducation:\n  - {institution: Yale, studyType: PhD}\n",
        encoding="utf-8",
    )
    (entry,) = load_cv(str(resume)).records
    assert (entry.section, entry.title, entry.organisation) == (
        "education",
        "PhD",
        "Yale",
    )
    cv = tmp_path / "cv.json"
    cv.write_text('{"education": [{"institution": "Yale"}]}', encoding="utf-8")
    result = load_cv(str(cv))
    assert not result.records
    assert "has no 'degree'" in result.problems[0].message


def test_wrong_values_are_told_with_their_file_and_line(make_app, root_copy):
    srcdir = root_copy("json-resume")
    (srcdir / "data" / "resume.json").write_text(
        """\
{
  "basics": "not an object, and not read",
  "work": [
    {"name": "Harvard", "position": "Programmer", "startDate": "yesterday"},
    "a text",
    {"name": "Rand", "position": ["a", "list"], "startdate": "1949"},
    {"location": "nowhere"},
    {"position": "Clerk", "startDate": "present", "endDate": "1950-13"}
  ],
  "awards": {"title": "not a list"},
  "educaton": [],
  "volunteer": [{"organization": "Navy", "url": "javascript:alert(1)"}]
}
""",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warned = [w for w in scholar_warnings(app) if "resume.json" in w]
    found = {
        (w.split("resume.json:")[1].split(":")[0], w.rsplit("[", 1)[1]) for w in warned
    }
    assert found == {
        ("4", "scholar.date]"),  # yesterday
        ("5", "scholar.field_type]"),  # a text
        ("6", "scholar.field_type]"),  # a list as the position
        ("6", "scholar.unknown_field]"),  # startdate
        ("7", "scholar.missing_field]"),  # no position nor name
        ("8", "scholar.date]"),  # started "present", ended in month 13
        ("10", "scholar.field_type]"),  # awards
        ("11", "scholar.unknown_field]"),  # educaton
        ("12", "scholar.url]"),
    }
    assert len(warned) == 10
    assert any("did you mean 'startDate'?" in w for w in warned)
    assert any("did you mean 'education'?" in w for w in warned)
    # the entries that can be read are shown all the same
    titles = [lines[0] for lines in cv_lines(app, "imported")]
    assert titles == [
        "Programmer, Harvard.",
        "Rand.",
        "Clerk.",
        "Navy",
    ]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_FIELDS = st.sampled_from(
    ["position", "name", "startDate", "endDate", "highlights", "url", "title",
     "date", "studyType", "organization", "summary", "location"]
)  # fmt: skip


@given(
    st.dictionaries(
        st.sampled_from(["work", "education", "awards", "volunteer", "skills", "x"]),
        st.lists(st.dictionaries(_FIELDS, _JSON, max_size=5), max_size=3) | _JSON,
        max_size=4,
    )
)
def test_any_json_resume_is_read_without_a_traceback(sections):
    """Entries come out, or problems with a line; never an exception."""
    problems: list = []
    text = json.dumps({"basics": {}, **sections}, indent=1)
    data = load_json(text, "resume.json", problems)
    for entry in cv_from_data(data, "resume.json", problems):
        assert entry.title and entry.section in CV_SECTIONS
    assert all(problem.line for problem in problems)


def test_100_kb_of_json_resume_is_read_in_linear_time(tmp_path):
    item = '{"name": "N", "position": "P", "startDate": "x", "highlights": ["h"]},\n'
    count = 100_000 // len(item)
    path = tmp_path / "resume.json"
    path.write_text(
        '{"work": [\n' + item * count + '{"position": "' + "a" * 100_000 + '"}]}',
        encoding="utf-8",
    )
    result = load_cv(str(path))
    assert len(result.records) == count + 1
    dates = [p for p in result.problems if p.subtype == "date"]
    assert [p.line for p in dates] == list(range(2, count + 2))
    assert all(len(p.message) < 300 for p in result.problems)


@pytest.mark.sphinx("html", testroot="json-resume", freshenv=True)
def test_an_export_read_back_keeps_titles_organisations_and_dates(app):
    app.build()
    back = load_cv(str(app.outdir / "resume.json"))
    assert not back.problems
    srcdir = Path(app.srcdir)
    shown = [
        entry
        for name in ("cv.yaml", "resume.json")
        for entry in load_cv(str(srcdir / "data" / name)).records
        if "secret" not in entry.tags and entry.section != "teaching"
    ]

    def seen(entry):
        dates = entry.dates
        # a free text's year ("Summer 2013"), a year alone, and a lone
        # start come back as a span
        year = int(re.findall(r"\d{4}", dates.text)[0]) if dates.text else entry.year
        start = dates.start or (year, None)
        end = None if dates.ongoing else (dates.end or start)
        return entry.section, entry.title, entry.organisation, start, end

    def by_section(entries):
        return sorted(map(seen, entries), key=lambda e: (e[0], e[1], e[2]))

    teaching = [e for e in back.records if e.title == "Teaching assistant"]
    assert [(e.section, e.organisation) for e in teaching] == [
        ("positions", "University of London")  # teaching comes back as work
    ]
    assert by_section([e for e in back.records if e not in teaching]) == by_section(
        shown
    )


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


def test_an_incremental_build_exports_what_its_lists_show_now(make_app, root_copy):
    """What the lists show is kept by the domain when a page is read: a
    rebuild with nothing changed exports the same, and a list taken out of a
    page takes its entries out of the export, the other pages unread."""
    srcdir = root_copy("json-resume")
    app = make_app("html", srcdir=srcdir)
    app.build()
    first = (app.outdir / "resume.json").read_bytes()
    assert "Fellowship of the Engine" in first.decode("utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "resume.json").read_bytes() == first
    cv = srcdir / "cv.rst"
    text = cv.read_text(encoding="utf-8")
    honours = text.index("Honours")
    cv.write_text(text[:honours] + text[text.index(".. only::") :], encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    document = exported(app)
    assert "Fellowship of the Engine" not in json.dumps(document)
    assert document["work"][0]["position"] == "Senior Analyst"


def test_the_export_goes_when_no_page_shows_a_cv(make_app, root_copy):
    srcdir = root_copy("json-resume")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "resume.json").exists()
    for page in ("cv", "imported"):
        (srcdir / f"{page}.rst").write_text(
            f"{page}\n{'=' * len(page)}\n\nNo CV.\n", encoding="utf-8"
        )
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
