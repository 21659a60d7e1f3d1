"""The JSON Schemas of the data files: valid, in step with the loaders, and
agreeing with them on what a good file is."""

import datetime
import json
import re
import textwrap
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
    publications,
    talks,
)
from sphinx_scholar.model import (
    CONTRIBUTION_KINDS,
    CV_SECTIONS,
    PROGRAM_KINDS,
    PUBLICATION_TYPES,
    TALK_KINDS,
)

SCHEMA_DIR = Path(sphinx_scholar.__file__).parent / "schemas"
ROOT = Path(__file__).parent.parent

#: Each data format: its schema file is ``<format>.schema.json``.
FORMATS = ("publications", "talks", "cv", "event", "awards", "people")


def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def part(name: str, pointer: str) -> dict:
    """The subschema at ``$defs/x`` (or the whole schema for ``""``)."""
    found = schema(name)
    for step in filter(None, pointer.split("/")):
        found = found[step]
    return found


def as_json(value):
    """YAML's dates as the strings they were written as; keys as strings."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return (
            value.isoformat(sep=" ")
            if isinstance(value, datetime.datetime)
            else value.isoformat()
        )
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


def test_the_schemas_are_all_there():
    assert sorted(path.name for path in SCHEMA_DIR.glob("*.json")) == sorted(
        f"{name}.schema.json" for name in FORMATS
    )
    assert set(FORMATS) == set(LOADERS)


@pytest.mark.parametrize("name", FORMATS)
def test_schema_is_valid(name):
    found = schema(name)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert found["$id"].endswith(f"/sphinx_scholar/schemas/{name}.schema.json")
    Draft202012Validator.check_schema(found)
    # editors' YAML support implements draft 7: the schema is one there too
    Draft7Validator.check_schema(found)


def properties_of(value):
    """Every ``properties`` mapping of a schema, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "properties" and isinstance(item, dict):
                yield item
            yield from properties_of(item)
    elif isinstance(value, list):
        for item in value:
            yield from properties_of(item)


@pytest.mark.parametrize("name", FORMATS)
def test_every_property_is_described(name):
    for found in properties_of(schema(name)):
        for field, subschema in found.items():
            if set(subschema) <= {"type", "pattern", "minLength"}:
                continue  # a constraint inside anyOf, described where it is declared
            assert subschema.get("description"), f"{name}: {field} has no description"
            assert subschema.get("examples"), f"{name}: {field} has no example"
            # an editor offers the examples: they must be right
            for example in subschema["examples"]:
                assert Draft202012Validator(
                    {**subschema, "$defs": schema(name).get("$defs", {})}
                ).is_valid(example), (name, field, example)


#: Every record of every format, and the fields its loader knows.
RECORDS = [
    ("publications", "$defs/publication", publications.FIELDS),
    ("publications", "$defs/author", publications._AUTHOR_FIELDS),
    ("talks", "$defs/talk", talks.FIELDS),
    ("talks", "$defs/author", publications._AUTHOR_FIELDS),
    ("people", "$defs/person", people.FIELDS),
    *(
        ("cv", f"$defs/{section}", (*fields, *cv._COMMON))
        for section, fields in cv.SECTION_FIELDS.items()
    ),
    ("cv", "$defs/author", publications._AUTHOR_FIELDS),
    ("event", "", events.FILE_FIELDS),
    ("event", "$defs/event", events.EVENT_FIELDS),
    ("event", "$defs/item", events.ITEM_FIELDS),
    ("event", "$defs/role", events.ROLE_FIELDS),
    ("event", "$defs/contribution", events.CONTRIBUTION_FIELDS),
    ("event", "$defs/sponsor", events.SPONSOR_FIELDS),
    ("event", "$defs/author", publications._AUTHOR_FIELDS),
    ("awards", "", awards.FIELDS),
    ("awards", "$defs/project", awards.PROJECT_FIELDS),
    ("awards", "$defs/recipient", awards.RECIPIENT_FIELDS),
]


@pytest.mark.parametrize(("name", "pointer", "fields"), RECORDS)
def test_record_fields_are_the_loaders(name, pointer, fields):
    record = part(name, pointer)
    assert tuple(record["properties"]) == tuple(fields)
    # the loaders report unknown fields: so does the schema
    assert record["additionalProperties"] is False


def test_related_items_have_the_loaders_fields():
    item = part("publications", "$defs/related_item")["anyOf"][1]
    assert tuple(item["properties"]) == ("text", "links")
    assert item["additionalProperties"] is False


def test_cv_sections_are_the_loaders():
    found = schema("cv")
    assert set(found["properties"]) == set(CV_SECTIONS) | set(cv._SECTION_ALIASES)
    assert found["additionalProperties"] is False
    for written in [*CV_SECTIONS, *cv._SECTION_ALIASES]:
        for spelled in (written, written.upper(), written.title()):
            section = cv._SECTION_ALIASES.get(written, written)
            matching = [
                pattern
                for pattern in found["patternProperties"]
                if re.search(pattern, spelled)
            ]
            assert len(matching) == 1, spelled
            entries = found["patternProperties"][matching[0]]
            assert entries["items"]["$ref"] == f"#/$defs/{section}"


def enum_words(subschema: dict) -> list:
    return [
        word
        for branch in subschema.get("anyOf", [subschema])
        for word in branch.get("enum", ())
    ]


#: Each kind field: its canonical values and the other names its loader reads.
KINDS = [
    (
        "publications",
        "$defs/publication",
        "type",
        PUBLICATION_TYPES,
        publications.TYPE_ALIASES,
    ),
    ("talks", "$defs/talk", "kind", TALK_KINDS, talks.KIND_ALIASES),
    ("event", "$defs/item", "kind", PROGRAM_KINDS, events._KIND_ALIASES),
    ("event", "$defs/contribution", "kind", CONTRIBUTION_KINDS, events._KIND_ALIASES),
]


@pytest.mark.parametrize(("name", "pointer", "field", "kinds", "aliases"), KINDS)
def test_kinds_are_the_loaders(name, pointer, field, kinds, aliases):
    subschema = part(name, pointer)["properties"][field]
    accepted = [alias for alias, kind in aliases.items() if kind in kinds]
    assert enum_words(subschema) == [*kinds, *accepted]
    # in any case, as the loaders fold it; blank or null means the default
    validator = Draft202012Validator(subschema)
    for word in [*kinds, *accepted]:
        for spelled in (word, word.upper(), f" {word.title()} "):
            assert validator.is_valid(spelled), spelled
    for word in ("", None):
        assert validator.is_valid(word)
    for word in ("nonsense", "journals", 5, True):
        assert not validator.is_valid(word), word


def test_position_kinds_are_the_loaders():
    subschema = part("cv", "$defs/positions")["properties"]["kind"]
    assert [word for word in subschema["enum"] if word] == list(cv._POSITION_KINDS)


#: Every data file of the example site and the documentation, and its format.
DATA_FILES = {
    "example_site/data/cv.yaml": "cv",
    "example_site/data/larochelle.yaml": "publications",
    "example_site/data/people.yaml": "people",
    "example_site/data/publications.yaml": "publications",
    "example_site/data/talks.yaml": "talks",
    "example_site/data/org/cvpr2015.yaml": "event",
    "example_site/data/org/european-fellows.yaml": "awards",
    "example_site/data/org/googlers.yaml": "people",
    "example_site/data/org/icml2015.yaml": "event",
    "example_site/data/org/journalism-awards.yaml": "awards",
    "example_site/data/org/papers.yaml": "publications",
    "docs/data/awards.yaml": "awards",
    "docs/data/cv.yaml": "cv",
    "docs/data/event.yaml": "event",
    "docs/data/papers.yaml": "publications",
    "docs/data/people.yaml": "people",
    "docs/data/talks.yaml": "talks",
}


def test_every_data_file_is_checked():
    found = {
        path.relative_to(ROOT).as_posix()
        for pattern in (
            "example_site/data/*.yaml",
            "example_site/data/org/*.yaml",
            "docs/data/*.yaml",
        )
        for path in ROOT.glob(pattern)
    }
    assert found == set(DATA_FILES)


@pytest.mark.parametrize(("path", "name"), DATA_FILES.items())
def test_data_files_validate(path, name):
    data = as_json(yaml.safe_load((ROOT / path).read_text(encoding="utf-8")))
    assert errors(name, data) == []
    # and by draft 7's rules, as editors read the schema
    assert list(Draft7Validator(schema(name)).iter_errors(data)) == []
    # the loader agrees that there is nothing wrong
    assert LOADERS[name](str(ROOT / path)).problems == []


#: Records the schemas refuse.
WRONG = [
    ("publications", [{"title": "T", "venu": "V"}], "Additional properties"),
    ("publications", [{"title": "T", "authors": 5}], "is not of type"),
    ("publications", [{"title": "T", "type": "jurnal"}], "is not valid under any"),
    ("publications", [{"authors": ["A"]}], "'title' is a required property"),
    (
        "publications",
        [{"title": "T", "links": {"pdf": "javascript:alert(1)"}}],
        "is not valid under any",
    ),
    (
        "publications",
        [{"title": "T", "authors": [{"name": "A", "orcid": "x"}]}],
        "is not valid under any",
    ),
    ("publications", {"papers": []}, "'publications' is a required property"),
    ("talks", [{"title": "T", "kind": "speech"}], "is not valid under any"),
    ("talks", [{"title": "T", "duration": "an hour"}], "is not valid under any"),
    (
        "people",
        [{"id": "ada", "name": "Ada", "email": "ada@example.org"}],
        "Additional properties",
    ),
    ("people", [{"name": "Ada"}], "'id' is a required property"),
    ("cv", {"education": [{"degree": "PhD", "school": "X"}]}, "Additional properties"),
    ("cv", {"jobs": []}, "does not match any of the regexes"),
    ("cv", {"positions": [{"title": "Intern", "kind": "job"}]}, "is not one of"),
    ("cv", {"honors": [{"title": "Prize", "year": "last year"}]}, "does not match"),
    ("event", {"event": {"name": "E", "start": "July 2015"}}, "does not match"),
    ("event", {"event": {"title": "E"}}, "'name' is a required property"),
    ("event", {"event": {"name": "E"}, "sponsor": []}, "Additional properties"),
    (
        "event",
        {"event": {"name": "E"}, "program": [{"title": "T", "kind": "banquet"}]},
        "is not valid under any",
    ),
    (
        "event",
        {"event": {"name": "E"}, "roles": [{"role": "Chair"}]},
        "'people' is a required property",
    ),
    (
        "awards",
        {"program": "P", "recipients": [{"title": "Dr"}]},
        "is not valid under any",
    ),
    ("awards", {"program": "P", "prize": "1"}, "Additional properties"),
]


@pytest.mark.parametrize(("name", "data", "message"), WRONG)
def test_wrong_records_are_refused(name, data, message):
    found = errors(name, data)
    assert found
    assert any(message in error for error in found), found


#: Files on which the schema and the loader must agree: good for both, or
#: wrong for both (the loader reports a problem, the schema an error).
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
          notes: Best paper
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
            authors: [{person: ada}, {name: C. Babbage, mark: "*", url: "mailto:cb@example.org"}]
            related: {text: Thesis, links: {pdf: t.pdf}}
            doi: doi:10.1/x
        """,
    ),
    ("publications", False, "- {title: T, year: sometime}"),
    ("publications", False, "- {title: T, month: 13}"),
    ("publications", False, "- {title: T, month: Smarch}"),
    ("publications", False, "- {title: T, date: 2019-13}"),
    ("publications", False, "- {title: T, date: June 2019}"),
    ("publications", False, "- {title: T, selected: maybe}"),
    ("publications", False, "- {title: T, url: 'javascript:alert(1)'}"),
    ("publications", False, "- {title: T, links: {pdf: null}}"),
    ("publications", False, "- {title: T, links: [a.pdf]}"),
    ("publications", False, "- {title: T, tags: [a, [b]]}"),
    ("publications", False, "- {title: T, authors: ['']}"),
    ("publications", False, "- {title: T, authors: [{mark: '*'}]}"),
    ("publications", False, "- {title: T, related: [5]}"),
    ("publications", False, "- {title: T, related: [{links: {pdf: a.pdf}}]}"),
    ("publications", False, "- {title: '  '}"),
    ("publications", False, "- {title: T, venue: [a, b]}"),
    ("publications", False, "- {title: T, volume: true}"),
    ("publications", False, "- {title: T, type: 5}"),
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
    ("people", False, "- {id: ada, name: Ada, url: ' '}"),
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
    ("cv", False, "education: [{degree: PhD, start: present}]"),
    ("cv", False, "education: [{degree: PhD, end: 2015-13}]"),
    ("cv", False, "education: [{degree: PhD, end: 1995--1996}]"),
    ("cv", False, "education: [{degree: PhD, end: someday}]"),
    ("cv", False, "positions: [{title: Intern, kind: Internship}]"),
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
