"""Properties that hold for any input: loaders never raise on what a user
may write, name matching is as loose as documented, and the filter language
either parses or says why, and means what it says."""

import json
import os
import pickle
import re
import tempfile
import unicodedata

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sphinx_scholar import cache
from sphinx_scholar.diagnostics import Subtype
from sphinx_scholar.filters import FIELDS, QueryError, compile_filter
from sphinx_scholar.loaders import LOADERS, awards, people
from sphinx_scholar.loaders import cv_fields as cv
from sphinx_scholar.loaders import event_fields as events
from sphinx_scholar.loaders import publication_fields as publications
from sphinx_scholar.loaders import talks as talk_loader
from sphinx_scholar.model import Author, CvEntry, LoadResult, Person, Publication, Talk
from sphinx_scholar.people_matching import Registry, resolve_highlight
from sphinx_scholar.query import group_records, parse_sort, sort_records
from sphinx_scholar.text import fold, name_key, natural_order, split_mark

# --- loaders ----------------------------------------------------------------

#: Field names every kind of data file uses, and the names of its lists.
FIELD_NAMES = sorted(
    {
        *publications.FIELDS,
        *talk_loader.FIELDS,
        *people.FIELDS,
        *awards.FIELDS,
        *awards.PROJECT_FIELDS,
        *awards.RECIPIENT_FIELDS,
        *events.FILE_FIELDS,
        *events.EVENT_FIELDS,
        *events.ITEM_FIELDS,
        *events.ROLE_FIELDS,
        *events.CONTRIBUTION_FIELDS,
        *events.SPONSOR_FIELDS,
        *cv.SECTION_FIELDS,
        *(name for fields in cv.SECTION_FIELDS.values() for name in fields),
        "publications",
        "talks",
        "people",
        "start",
        "end",
        "when",
        "name",
        "mark",
        "person",
        "files",
        "label",
    }
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2019",
            "2019-05",
            "2019-13-01",
            "May 2019",
            "present",
            "30 mins",
            "https://example.org/",
            "javascript:alert(1)",
            "Lovelace, Ada",
            "Ada Lovelace*",
            "journal",
            "keynote",
            "data/photo.png",
            "",
        ]
    ),
    st.dates(),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=25,
)
records = st.dictionaries(st.sampled_from(FIELD_NAMES), values, max_size=8)
documents = st.one_of(
    values,
    st.lists(records, max_size=4),
    st.dictionaries(st.sampled_from(FIELD_NAMES), st.lists(records, max_size=3)),
    st.dictionaries(st.sampled_from(FIELD_NAMES), records),
)


def as_yaml(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def as_json(value) -> str:
    return json.dumps(value, default=str, ensure_ascii=False, indent=1)


BIBTEX_PIECES = [
    "@article{",
    "@inproceedings{",
    "@misc(",
    "@string{",
    "@preamble{",
    "@comment{",
    "}",
    "{",
    ")",
    "=",
    ",",
    '"',
    "#",
    "\n",
    " ",
    "key",
    "title",
    "author",
    "year",
    "crossref",
    "journal",
    "month",
    "pages",
    "url",
    " and ",
    "others",
    "2019",
    "jan",
    "\\'e",
    '\\"{o}',
    "{\\ss}",
    "\\&",
    "$x^2$",
    "--",
    "\\textbf{",
    "\\i",
    "~",
    "%",
    "\\",
    # the classes of the second security probe: macro chains, link commands,
    # entities, trailing commas, noncharacters, durations, marks
    '@string{a = "xxxxxxxx"}',
    "a # a # a # a",
    "crossref = {k}",
    "\\url{https://example.org/a_b}",
    "\\href{https://x.org}{x}",
    "\\&amp;",
    ",}",
    "\ufffe",
    "*\u2020",
    "pdf = {slides: a.pdf, b.pdf}",
    "date = {2019-01\n-02}",
    "date = {1984/1986}",
]
bibtex_texts = st.lists(
    st.one_of(st.sampled_from(BIBTEX_PIECES), st.text(max_size=4)), max_size=40
).map("".join)


def load_every_way(text: str, suffix: str) -> None:
    """Every loader reads the text, through the cache, without raising; every
    problem names the file and a line of it, and the result pickles."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, f"data{suffix}")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as file:
            file.write(text)
        lines = len(re.split(r"\r\n|\r|\n", text))
        for kind in LOADERS:
            result = cache.load(path, kind, os.path.join(folder, "cache"))
            assert isinstance(result, LoadResult)
            for problem in result.problems:
                assert problem.source == path, problem
                assert 0 <= problem.line <= lines, (problem, lines)
                # only problems of the whole file ("has no publications") have no line
                assert problem.line or problem.subtype == Subtype.data_file, problem
                assert problem.subtype in set(Subtype), problem
                assert problem.message
            pickle.loads(pickle.dumps(result))


@given(st.text(max_size=200), st.sampled_from([".yaml", ".json", ".bib"]))
def test_any_text_loads_or_gives_problems(text, suffix):
    load_every_way(text, suffix)


#: pieces of YAML of every class the second security probe found: a tab
#: after a dash, a commented document start, aliases and merge keys, line
#: separators, noncharacters, URLs on two lines, long blanks, marks, years
YAML_PIECES = [
    "- ", "-\t", "--- # c\n", "\n", "  ", "key: k", "title: T", "authors: ",
    "A and B and ", "Ada Lovelace*\u2020", "&a [x, x]", "*a", "<<: *a", "url: |-\n",
    "  https://a\n  b\n", "\u2028", "\x85", "\u2029", "\ufffe", "duration: ",
    " " * 40, "x", "year: 0000", "end: 9999-12-31", "selected: maybe", "{", "[",
    ": ", "'", '"', "#", "tags: [a|b, constructor]", "date: 2019-\n  01-02", "start: 2019-01\n",
]  # fmt: skip
yaml_texts = st.lists(
    st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=4)), max_size=40
).map("".join)


@given(yaml_texts)
def test_any_yaml_like_text_loads_or_gives_problems(text):
    load_every_way(text, ".yaml")


@settings(max_examples=30)
@given(yaml_texts, st.sampled_from(["utf-8-sig", "utf-16", "utf-32", "cp1252"]))
def test_any_yaml_like_text_in_any_encoding_loads_or_gives_problems(text, encoding):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.yaml")
        with open(path, "wb") as file:
            file.write(text.encode(encoding, errors="replace"))
        for kind in LOADERS:
            result = cache.load(path, kind)
            assert isinstance(result, LoadResult)
            assert all(p.subtype in set(Subtype) and p.message for p in result.problems)


@given(documents)
def test_any_yaml_data_loads_or_gives_problems(document):
    load_every_way(as_yaml(document), ".yaml")


@given(documents)
def test_any_json_data_loads_or_gives_problems(document):
    load_every_way(as_json(document), ".json")


@given(bibtex_texts)
def test_any_bibtex_like_text_loads_or_gives_problems(text):
    load_every_way(text, ".bib")


# --- name matching ------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzçéèêëíïñóöøüßłæ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=4).map(" ".join)


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@given(st.text())
def test_name_helpers_never_raise(text):
    name_key(text)
    fold(text)
    split_mark(text)
    natural_order(text)
    registry = Registry.of([Person("p", text, variants=(text,), groups=(text,))])
    registry.match(Author(text))
    resolve_highlight([text, "p"], registry)


@given(names)
def test_a_name_matches_itself_through_the_registry(name):
    person = Person("someone", name)
    registry = Registry.of([person])
    assert registry.match(Author(name)) == person
    assert resolve_highlight([name], registry).ids == {"someone"}


@given(names)
def test_name_keys_ignore_case_accents_and_periods(name):
    key = name_key(name)
    assert name_key(name.upper()) == key
    assert name_key(name.title()) == key
    assert name_key(without_accents(name)) == key
    assert name_key(name.replace(" ", ". ")) == key
    assert name_key(f"  {name}*  ") == key


@given(names, words)
def test_last_comma_first_is_first_last(first, last):
    assume(first.lower() not in ("jr", "sr", "ii", "iii", "iv", "phd"))
    assert name_key(f"{last}, {first}") == name_key(f"{first} {last}")


# --- the filter language --------------------------------------------------------

FILTER_WORDS = [
    *FIELDS,
    "authors",
    "tags",
    "kind",
    "event",
    "and",
    "or",
    "not",
    "in",
    "contains",
    "==",
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "~",
    "(",
    ")",
    "[",
    "]",
    ",",
    "2016",
    "-3",
    "1.5",
    "journal",
    "ada",
    '"Ada Lovelace"',
    "'x y'",
    "true",
    '"',
    "\\",
]
filter_texts = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(FILTER_WORDS), max_size=12).map(" ".join),
)


filter_values = st.one_of(
    st.sampled_from(["journal", "ada", "lab", "draft", "x", "true", "Lovelace"]),
    st.text(alphabet="abcé .-'", min_size=1, max_size=6).map(
        lambda text: '"' + text + '"'
    ),
)
numbers = st.integers(min_value=-5, max_value=3000).map(str)
comparisons = st.one_of(
    st.tuples(
        st.sampled_from(["year", "month"]),
        st.sampled_from(["==", "!=", "<", "<=", ">", ">="]),
        numbers,
    ).map(" ".join),
    st.tuples(
        st.sampled_from(["type", "venue", "key", "title", "status", "tag", "author"]),
        st.sampled_from(["==", "!=", "contains", "~"]),
        filter_values,
    ).map(" ".join),
    st.tuples(
        st.sampled_from(["type", "tag", "author", "group", "note"]),
        st.sampled_from(["in", "not in"]),
        st.lists(st.one_of(filter_values, numbers), min_size=1, max_size=3).map(
            lambda items: "[" + ", ".join(items) + "]"
        ),
    ).map(" ".join),
    st.tuples(
        st.just("year"),
        st.sampled_from(["in", "not in"]),
        st.lists(numbers, min_size=1, max_size=3).map(
            lambda items: "(" + ", ".join(items) + ")"
        ),
    ).map(" ".join),
    st.sampled_from(["selected", "tag", "author", "group", "abstract"]),
)
valid_filters = st.recursive(
    comparisons,
    lambda inner: st.one_of(
        inner.map(lambda text: f"not ({text})"),
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(" ".join),
        inner.map(lambda text: f"({text})"),
    ),
    max_leaves=6,
)


def compiled_or_none(text: str):
    try:
        return compile_filter(text)
    except QueryError:
        return None


authors = st.lists(
    st.builds(
        Author,
        name=st.one_of(names, st.text(max_size=10)),
        person=st.sampled_from(["", "ada", "nobody"]),
    ),
    max_size=3,
).map(tuple)
short_texts = st.text(max_size=10)
years = st.one_of(st.none(), st.integers(min_value=1, max_value=3000))
months = st.one_of(st.none(), st.integers(min_value=1, max_value=12))
texts = st.lists(short_texts, max_size=3).map(tuple)
publication_records = st.builds(
    Publication,
    key=short_texts,
    title=short_texts,
    type=st.sampled_from(Publication.TYPES),
    authors=authors,
    venue=short_texts,
    year=years,
    month=months,
    status=short_texts,
    notes=texts,
    tags=texts,
    selected=st.booleans(),
)
talk_records = st.builds(
    Talk,
    key=short_texts,
    title=short_texts,
    kind=st.sampled_from(Talk.TYPES),
    event=short_texts,
    year=years,
    month=months,
    speakers=authors,
    tags=texts,
)
cv_records = st.builds(
    CvEntry,
    key=short_texts,
    section=st.sampled_from(["positions", "education", "honors"]),
    title=short_texts,
    kind=st.sampled_from(CvEntry.TYPES),
    organisation=short_texts,
    people=authors,
    year=years,
)
person_records = st.builds(
    Person,
    id=short_texts,
    name=st.one_of(names, short_texts),
    variants=texts,
    groups=texts,
    role=short_texts,
    affiliation=short_texts,
)
any_records = st.one_of(
    st.lists(publication_records, max_size=5),
    st.lists(talk_records, max_size=5),
    st.lists(cv_records, max_size=5),
    st.lists(person_records, max_size=5),
)
REGISTRY = Registry.of(
    [Person("ada", "Ada Lovelace", variants=("A. King",), groups=("lab",))]
)


@given(filter_texts)
def test_a_filter_parses_or_raises_a_query_error(text):
    compiled_or_none(text)


@given(st.one_of(filter_texts, valid_filters), any_records)
def test_a_parsed_filter_evaluates_on_any_record(text, records):
    predicate = compiled_or_none(text)
    for record in records if predicate is not None else ():
        assert predicate(record, REGISTRY) in (True, False)


@given(valid_filters, valid_filters, any_records)
def test_not_and_and_or_are_complement_intersection_and_union(a, b, records):
    first, second = compiled_or_none(a), compiled_or_none(b)
    assert first is not None and second is not None, (a, b)
    negated = compile_filter(f"not ({a})")
    both = compile_filter(f"({a}) and ({b})")
    either = compile_filter(f"({a}) or ({b})")
    for record in records:
        in_first = first(record, REGISTRY)
        in_second = second(record, REGISTRY)
        assert negated(record, REGISTRY) == (not in_first)
        assert both(record, REGISTRY) == (in_first and in_second)
        assert either(record, REGISTRY) == (in_first or in_second)


@given(
    st.lists(
        st.sampled_from(["year", "-year", "title", "venue desc", "type", "author"]),
        max_size=3,
    ).map(", ".join),
    st.sampled_from(["year", "type", "venue", "none"]),
    st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)),
    any_records,
)
def test_any_records_sort_and_group(sort, grouping, collapse_before, records):
    ordered = sort_records(records, parse_sort(sort))
    assert sorted(map(id, ordered)) == sorted(map(id, records))
    groups = group_records(ordered, grouping, collapse_before)
    assert sum(len(group.records) for group in groups) == len(records)
