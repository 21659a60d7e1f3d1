"""The field declarations of the loaders, and the JSON Schemas made from them.

The loaders declare the fields of each data format once
(:mod:`sphinx_scholar.loaders.fields`); the schemas that editors read are
written from the declarations by ``scripts/make_schemas.py``, and the
reference's tables are made from them when the docs are built.
"""

import datetime
import textwrap
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator

import sphinx_scholar
from sphinx_scholar.loaders import (
    LOADERS,
    awards,
    cv,
    events,
    people,
    publication_fields,
    talks,
)
from sphinx_scholar.loaders import publications as pubs
from sphinx_scholar.loaders.declarations import Record
from sphinx_scholar.loaders.schema import (
    FORMATS,
    field_schema,
    records,
    schema,
    schema_text,
)

SCHEMA_DIR = Path(sphinx_scholar.__file__).parent / "schemas"
ROOT = Path(__file__).parent.parent


def as_json(value):
    """YAML's dates as the strings they were written as; keys as strings."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def errors(name: str, data, validator=Draft202012Validator) -> list[str]:
    """Every error, and the errors of every branch of an ``anyOf`` that failed."""

    def flatten(found):
        for error in found:
            yield f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            yield from flatten(error.context or ())

    return list(flatten(validator(schema(name)).iter_errors(data)))


# ---------------------------------------------------------------- the files


def test_the_schema_files_are_those_the_declarations_make():
    assert set(FORMATS) == set(LOADERS)
    assert sorted(path.name for path in SCHEMA_DIR.glob("*.json")) == sorted(
        f"{name}.schema.json" for name in FORMATS
    )
    stale = [
        name
        for name in FORMATS
        if (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
        != schema_text(name)
    ]
    assert stale == [], "run scripts/make_schemas.py"


@pytest.mark.parametrize("name", FORMATS)
def test_schema_is_valid(name):
    found = schema(name)
    assert found["$id"].endswith(f"/sphinx_scholar/schemas/{name}.schema.json")
    Draft202012Validator.check_schema(found)
    # editors' YAML support implements draft 7: the schema is one there too
    Draft7Validator.check_schema(found)


def every_field() -> list:
    return [
        pytest.param(name, item, id=f"{name}-{record.name}-{item.name}")
        for name, fmt in FORMATS.items()
        for record in records(fmt.record)
        for item in record.fields
    ]


@pytest.mark.parametrize(("name", "item"), every_field())
def test_examples_are_valid(name, item):
    """An editor offers the examples, and the reference shows them."""
    assert item.doc and item.examples
    subschema = {**field_schema(item), "$defs": schema(name)["$defs"]}
    for example in item.examples:
        assert Draft202012Validator(subschema).is_valid(example), example


# ---------------------------------------------------------------- the loaders


class Read(Mapping):
    """A record that remembers which fields the loader looked for, and makes
    its nested records remember too."""

    def __init__(self, data: dict, record: Record, log: dict):
        self.data = data
        self.record = record
        self.log = log
        log.setdefault(record.name, set())

    def __getitem__(self, name):
        self.log[self.record.name].add(name)
        value = self.data[name]
        item = self.record[name] if name in self.record.names else None
        if item is None or item.record is None:
            return value
        if isinstance(value, dict):
            return Read(value, item.record, self.log)
        if isinstance(value, list):
            return [
                Read(entry, item.record, self.log) if isinstance(entry, dict) else entry
                for entry in value
            ]
        return value

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


def full(record: Record, drop: tuple[str, str] = ("", "")) -> dict:
    """A record with every declared field, its nested records with every
    field too, but the field ``drop`` names (record, field)."""
    found = {}
    for item in record.fields:
        if (record.name, item.name) == drop:
            continue
        if item.kind in ("records", "section", "related", "people"):
            found[item.name] = [full(item.record, drop)]
        elif item.kind in ("record", "links"):
            found[item.name] = full(item.record, drop)
        else:
            found[item.name] = item.examples[0]
    return found


def load(name: str, data: Mapping, problems: list):
    """A format's loader, on one record (or one file for the formats that are
    one mapping)."""
    loader = {
        "publications": pubs.publication_from_mapping,
        "talks": talks.talk_from_mapping,
        "people": people.person_from_mapping,
        "cv": cv.cv_from_data,
        "event": events.event_from_data,
        "awards": awards.awards_from_data,
    }[name]
    return loader(data, "data.yaml", problems)


@pytest.mark.parametrize("name", FORMATS)
def test_loaders_read_every_declared_field_and_no_other(name):
    """What the loader looks for is what is declared: a field read but not
    declared would be warned about as unknown, and one declared but not read
    would be accepted and ignored."""
    top = FORMATS[name].record
    problems: list = []
    assert load(name, full(top), problems) and problems == []
    nested = list(records(top))
    looked_for: dict[str, set] = {}
    # some fields are read only when another is missing (a talk's year, when
    # it has no date): each field is left out in turn
    for drop in [
        ("", ""),
        *((rec.name, item.name) for rec in nested for item in rec.fields),
    ]:
        load(name, Read(full(top, drop), top, looked_for), [])
    for record in nested:
        declared = {item.name for item in record.fields}
        assert looked_for[record.name] >= declared, record.name
        assert looked_for[record.name] <= set(record.names), record.name


@pytest.mark.parametrize("name", FORMATS)
def test_loaders_warn_about_undeclared_fields(name):
    record = FORMATS[name].record
    data = full(record) | {"not_a_field": 1}
    problems: list = []
    load(name, data, problems)
    kinds = [problem.subtype.value for problem in problems]
    assert kinds == ["unknown_field"]


def test_names_of_fields_stay_importable():
    """Other modules and tests use the loaders' tuples of field names."""
    assert publication_fields.PUBLICATION.names == publication_fields.FIELDS
    assert cv.SECTION_FIELDS["education"]["degree"] == "title"
    assert set(cv.SECTION_FIELDS) == set(cv.SECTIONS)


# ---------------------------------------------------------------- data files


def data_files() -> list:
    return [
        pytest.param(path, id=path.relative_to(ROOT).as_posix())
        for pattern in (
            "example_site/*/data/**/*.yaml",
            "docs/data/*.yaml",
            "tests/roots/*/data/*.yaml",
        )
        for path in sorted(ROOT.glob(pattern))
    ]


@pytest.mark.parametrize("path", data_files())
def test_data_files_validate(path):
    """Every file a loader reads without a problem, its schema accepts too."""
    clean = [name for name, loader in LOADERS.items() if not loader(str(path)).problems]
    if not clean:
        assert "tests/roots" in path.as_posix(), "the site's data has problems"
        pytest.skip("a file of wrong data, for the warnings")
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    for name in clean:
        assert errors(name, data) == []
        assert list(Draft7Validator(schema(name)).iter_errors(data)) == []


#: Files on which the schema and the loader must agree: good for both, or
#: wrong for both (the loader reports a problem, the schema an error). The
#: schemas' patterns of dates, months, kinds and the like are written for
#: JSON Schema: these are the cases where they could read otherwise.
AGREEMENT = [
    (
        "publications",
        True,
        """
        - title: Notes
          type: Article
          authors: Ada Lovelace and Charles Babbage
          year: "1995--1996"
          month: Oct.
          date: 1843-10-01
          selected: "yes"
          tags: a, b
          links:
            pdf: papers/notes.pdf
            slides: [a.ppt, a.pptx]
            data: {2-hop: https://example.org/2, 3-hop: "ftp://example.org/3"}
          related: Extended version.
        """,
    ),
    (
        "publications",
        True,
        """
        publications:
          - title: 1843
            type: " Technical Report "
            authors: [{person: ada}, {name: C. Babbage, mark: "*", url: "mailto:cb@example.org"}]
            related: {text: Thesis, links: {pdf: t.pdf}}
            month: septembre
        """,
    ),
    ("publications", False, "- {title: T, year: sometime}"),
    ("publications", False, "- {title: T, month: 13}"),
    ("publications", False, "- {title: T, month: Smarch}"),
    ("publications", False, "- {title: T, date: 2019-13}"),
    ("publications", False, "- {title: T, date: June 2019}"),
    ("publications", False, "- {title: T, selected: maybe}"),
    ("publications", False, "- {title: T, type: jurnal}"),
    ("publications", False, "- {title: T, type: 5}"),
    ("publications", False, "- {title: T, url: 'javascript:alert(1)'}"),
    ("publications", False, "- {title: T, links: {pdf: null}}"),
    ("publications", False, "- {title: T, links: [a.pdf]}"),
    ("publications", False, "- {title: T, tags: [a, [b]]}"),
    ("publications", False, "- {title: T, authors: ['']}"),
    ("publications", False, "- {title: T, authors: [{mark: '*'}]}"),
    ("publications", False, "- {title: T, authors: [{name: A, orcid: x}]}"),
    ("publications", False, "- {title: T, related: [5]}"),
    ("publications", False, "- {title: T, related: [{links: {pdf: a.pdf}}]}"),
    ("publications", False, "- {title: '  '}"),
    ("publications", False, "- {title: T, venu: V}"),
    ("publications", False, "- {title: T, venue: [a, b]}"),
    ("publications", False, "{papers: []}"),
    ("publications", False, "- just a title"),
    (
        "talks",
        True,
        """
        - {title: A, kind: Invited Talk, date: 2019-06, duration: 1h 21m}
        - {title: B, kind: plenary, year: 2019, duration: "1:21:00"}
        - {title: C, kind: "", duration: 53, speakers: [Ada Lovelace]}
        - {title: D, duration: 53 mins, publication: lovelace1843notes}
        """,
    ),
    ("talks", False, "- {title: A, duration: -5}"),
    ("talks", False, "- {title: A, duration: an hour}"),
    ("talks", False, "- {title: A, duration: '  '}"),
    ("talks", False, "- {title: A, kind: speech}"),
    ("talks", False, "- {title: ''}"),
    ("talks", False, "- {title: A, place: {city: Paris}}"),
    (
        "people",
        True,
        """
        people:
          - {id: ada, name: Ada, groups: "lab, alumni", links: {email: ada@example.org, cv: cv.pdf}}
          - {id: 7, name: Seven, variants: [S. Even], photo: photos/7.jpg}
        """,
    ),
    ("people", False, "- {id: ada}"),
    ("people", False, "- {id: ada, name: Ada, email: ada@example.org}"),
    ("people", False, "- {id: ada, name: Ada, photo: 'data:image/png;base64,xx'}"),
    ("people", False, "- {id: ada, name: Ada, groups: [[a]]}"),
    (
        "cv",
        True,
        """
        Education:
          - {degree: PhD, start: Sep 2010, end: present, advisors: [D. Fleet]}
        experience:
          - {title: Intern, kind: internship, when: Summer 2013, mentors: A and B}
        honours:
          - {title: Prize, by: Academy, year: 2013}
        teaching:
          - {title: Vision, terms: "Fall 2012, Fall 2013", start: 2012, end: 2013-12}
        service:
          - {role: Chair, year: "2019"}
        """,
    ),
    ("cv", False, "jobs: []"),
    ("cv", False, "education: {degree: PhD}"),
    ("cv", False, "education: [{field: CS}]"),
    ("cv", False, "education: [{degree: PhD, school: X}]"),
    ("cv", False, "education: [{degree: PhD, start: present}]"),
    ("cv", False, "education: [{degree: PhD, end: 2015-13}]"),
    ("cv", False, "education: [{degree: PhD, end: 1995--1996}]"),
    ("cv", False, "education: [{degree: PhD, end: someday}]"),
    ("cv", False, "positions: [{title: Intern, kind: Internship}]"),
    ("cv", False, "honors: [{title: Prize, year: last year}]"),
    ("cv", False, "- education"),
    (
        "event",
        True,
        """
        event: {name: E, date: 2015-07-06, url: https://example.org/}
        organisation: Lab
        sponsors: [{name: Lab, level: Gold, logo: logos/lab.png}]
        roles: [{group: Committee, role: Chair, people: Ada Lovelace}]
        program:
          - kind: Short Course
            title: T
            sponsors: Lab
            roles: [{role: Speakers, people: [{person: ada}]}]
            contributions:
              - {kind: oral presentation, title: P, authors: [A. Lovelace]}
              - {kind: invited talk, title: Q}
        """,
    ),
    ("event", False, "event: {title: E}"),
    ("event", False, "event: {name: E, start: soon}"),
    ("event", False, "{event: {name: E}, sponsor: []}"),
    ("event", False, "{event: {name: E}, sponsors: [{level: Gold}]}"),
    ("event", False, "{event: {name: E}, roles: [{role: Chair, people: []}]}"),
    ("event", False, "{event: {name: E}, roles: [{role: Chair}]}"),
    ("event", False, "{event: {name: E}, program: [{title: T, kind: banquet}]}"),
    (
        "event",
        False,
        "{event: {name: E}, program: [{title: T, contributions: [{kind: session, title: P}]}]}",
    ),
    ("event", False, "{event: {name: E}, program: {title: T}}"),
    ("event", False, "{event: {name: E}, program: [T]}"),
    (
        "awards",
        True,
        """
        program: P
        year: 2015
        projects:
          - {title: T, investigators: [{person: ada, title: PI}], amount: 60 guineas}
        recipients:
          - {name: "Somerville, Mary", field: Physics, url: https://example.org/ms}
        """,
    ),
    ("awards", False, "year: 2015"),
    ("awards", False, "{program: P, prize: '1'}"),
    ("awards", False, "{program: P, projects: [{amount: 5}]}"),
    ("awards", False, "{program: P, recipients: [{field: Physics}]}"),
    ("awards", False, "{program: P, recipients: [{name: M, prize: x}]}"),
    ("awards", False, "[{program: P}]"),
]


@pytest.mark.parametrize(("name", "good", "text"), AGREEMENT)
def test_schema_and_loader_agree(tmp_path, name, good, text):
    path = tmp_path / "data.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    problems = LOADERS[name](str(path)).problems
    assert (problems == []) is good, problems
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    for validator in (Draft202012Validator, Draft7Validator):
        found = errors(name, data, validator)
        assert (found == []) is good, (validator.__name__, found)


# ---------------------------------------------------------------- the docs


def test_the_reference_lists_every_field(make_app, tmp_path):
    """Each record's table in the docs has its declared fields, in order."""
    from bs4 import BeautifulSoup

    app = make_app("html", srcdir=ROOT / "docs", builddir=tmp_path, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    page = (app.outdir / "reference.html").read_text(encoding="utf-8")
    tables = [
        [row.find("td").find("code").get_text() for row in table.select("tbody tr")]
        for table in BeautifulSoup(page, "html.parser").select("table")
    ]
    for fmt in FORMATS.values():
        for record in records(fmt.record):
            fields = [item.name for item in record.fields]
            assert fields in tables, record.name
