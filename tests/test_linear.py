"""Every loop and pattern over data text runs in linear time.

Each test feeds about 100 KB of the text that made the old code slow
(backtracking patterns, rescanning loops) and checks what a user sees: the
records and the warnings. The old code took minutes or hours on these; the
tests assert on the result, never on timing, but would hang without the fix.
Where a pattern was rewritten, the old one is kept here as a reference and
the two are compared on many small inputs.
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_scholar.loaders import load_talks
from sphinx_scholar.loaders.talks import parse_duration
from sphinx_scholar.text import fold

BIG = 100_000


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def messages(result, subtype=None):
    return [
        (p.line, p.message)
        for p in result.problems
        if subtype is None or p.subtype == subtype
    ]


# -- talk durations -----------------------------------------------------------

_OLD_DURATION = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)?)?\s*$"
)
_OLD_CLOCK = re.compile(r"^\s*(\d+):(\d{2})(?::(\d{2}))?\s*$")


def _old_parse_duration(value: str):
    if not value.strip():
        return None
    clock = _OLD_CLOCK.match(value)
    if clock:
        hours, minutes, seconds = clock.groups()
        if seconds is None:
            return int(hours) + (1 if int(minutes) >= 30 else 0)
        return int(hours) * 60 + int(minutes) + (1 if int(seconds) >= 30 else 0)
    match = _OLD_DURATION.match(fold(value))
    if not match or not (match.group("h") or match.group("m")):
        return None
    return int(match.group("h") or 0) * 60 + int(match.group("m") or 0)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "1",
                "21",
                "05",
                " ",
                "  ",
                "\t",
                "\n",
                "h",
                "hr",
                "hours",
                "m",
                "min",
                "mins",
                "minutes",
                ":",
                "x",
                "H",
                "Min",
            ]
        ),  # fmt: skip
        max_size=8,
    ).map("".join)
)
def test_durations_read_as_before(value):
    assert parse_duration(value) == _old_parse_duration(value)


def test_a_duration_of_100_kb_of_blanks_is_reported(tmp_path):
    # cubic before: 3,000 blanks and a letter took 91 s
    talks = [
        {"title": "Blanks Then A Letter", "duration": " " * BIG + "x"},
        {"title": "Number, Blanks, Letter", "duration": "1" + " " * BIG + "x"},
        {"title": "Hours, Blanks, Letter", "duration": "1h" + " " * BIG + "x"},
        {"title": "Long Number", "duration": "1" * BIG},
        {"title": "Spread Out", "duration": "1" + " " * BIG + "h 2" + " " * BIG + "m"},
    ]
    result = load_talks(write(tmp_path, "talks.json", json.dumps(talks)))
    durations = {talk.title: talk.duration for talk in result.records}
    assert durations == {
        "Blanks Then A Letter": None,
        "Number, Blanks, Letter": None,
        "Hours, Blanks, Letter": None,
        "Long Number": None,
        "Spread Out": 62,
    }
    warned = messages(result, "field_type")
    assert len(warned) == 4
    assert all("is not a duration" in message for _, message in warned)
    assert all(len(message) < 300 for _, message in warned)  # quoted short
