"""YAML and JSON files read into Python values that remember their line numbers.

Mappings come back as :class:`LineDict`, which knows the line it starts on and
the line of each key, so that a problem in any field can be reported where it
is. Duplicate keys, which PyYAML and :mod:`json` silently overwrite, are
reported.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re

import yaml

from ..diagnostics import Subtype
from ..model import Problem

try:  # libyaml parses several times faster when it is there
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A mapping from a data file, with the 1-based lines of itself and its keys."""

    line: int = 0
    key_lines: dict = {}  # noqa: RUF012  (replaced per instance, never mutated)

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list from a data file, with the 1-based line of each item."""

    item_lines: list = []  # noqa: RUF012  (replaced per instance, never mutated)


def item_line(items: list, index: int) -> int:
    """The line of a list's item, when the list knows it."""
    lines = getattr(items, "item_lines", ())
    return lines[index] if index < len(lines) else 0


def _line_dict(pairs, line: int, key_lines: dict) -> LineDict:
    result = LineDict(pairs)
    result.line = line
    result.key_lines = key_lines
    return result


class _Loader(_BaseLoader):
    """A safe loader that records lines and duplicate keys."""

    def __init__(self, stream: str, source: str, problems: list[Problem]):
        super().__init__(stream)
        self._source = source
        self._problems = problems
        self._line_starts = _line_starts(stream)

    def line_of(self, mark) -> int:
        """The line an editor shows: YAML also breaks lines at U+0085, U+2028
        and U+2029, which editors show inside a line."""
        return _line_at(self._line_starts, mark.index)

    def construct_line_mapping(self, node):
        self.flatten_mapping(node)
        pairs = []
        key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                self._problems.append(
                    Problem(
                        Subtype.field_type,
                        "a mapping key must be a plain value",
                        self._source,
                        self.line_of(key_node.start_mark),
                    )
                )
                continue
            key = str(key) if not isinstance(key, str) else key
            line = self.line_of(key_node.start_mark)
            if key in key_lines:
                self._problems.append(
                    Problem(
                        Subtype.duplicate_key,
                        f"duplicate key {key!r} (first on line {key_lines[key]}); "
                        "the later value wins",
                        self._source,
                        line,
                    )
                )
            key_lines[key] = line
            pairs.append((key, self.construct_object(value_node, deep=True)))
        return _line_dict(pairs, self.line_of(node.start_mark), key_lines)

    def construct_line_sequence(self, node):
        items = LineList(
            self.construct_object(child, deep=True) for child in node.value
        )
        items.item_lines = [self.line_of(child.start_mark) for child in node.value]
        return items

    def construct_lenient_timestamp(self, node):
        """A date that looks like one but is not (``2019-13-01``) stays text,
        so that the field reports it where it is, instead of PyYAML failing."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_line_mapping
)
_Loader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_line_sequence
)
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", _Loader.construct_lenient_timestamp
)


#: Deeper flow nesting than this is refused: libyaml crashes on very deep input.
MAX_NESTING = 500
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> bool:
    depth = 0
    for match in _BRACKET.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_NESTING:
            return True
    return False


def load_yaml(text: str, source: str, problems: list[Problem]):
    """Parse YAML text; a syntax error becomes a problem and gives ``None``."""
    if text.count("[") + text.count("{") > MAX_NESTING and _too_deep(text):
        problems.append(
            Problem(
                Subtype.syntax,
                f"YAML nested more than {MAX_NESTING} levels deep",
                source,
            )
        )
        return None
    loader = _Loader(text, source, problems)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = loader.line_of(mark) if mark else 0
        what = error.problem or str(error)
        if error.context:
            what = f"{what} ({error.context})"
        lines = text.splitlines()
        near = lines[max(line - 2, 0) : line] if line else []
        if "tab" in what or any("\t" in near_line for near_line in near):
            what += "; indent with spaces, not tabs"
        problems.append(
            Problem(Subtype.syntax, f"YAML syntax error: {what}", source, line)
        )
    except yaml.reader.ReaderError as error:
        # not a MarkedYAMLError: its place is a position in the text
        code = error.character
        code = code if isinstance(code, int) else ord(code)
        problems.append(
            Problem(
                Subtype.syntax,
                f"YAML does not allow the character U+{code:04X} ({error.reason}); "
                "remove it, or write it as an escape in a double-quoted string",
                source,
                _line_at(_line_starts(text), error.position),
            )
        )
    except yaml.YAMLError as error:
        problems.append(Problem(Subtype.syntax, f"YAML error: {error}", source))
    except (ValueError, TypeError, RecursionError) as error:
        # PyYAML's constructors raise these for values they cannot build
        problems.append(
            Problem(Subtype.syntax, f"YAML value that cannot be read: {error}", source)
        )
    finally:
        loader.dispose()
    return None


def load_json(text: str, source: str, problems: list[Problem]):
    """Parse JSON text; objects become :class:`LineDict` with their lines."""
    newlines = _line_starts(text)

    def parse_object(state, strict, scan_once, object_hook, pairs_hook, memo=None):
        string, start = state
        pairs, end = json.decoder.JSONObject(state, strict, scan_once, None, list, memo)
        line = _line_at(newlines, start)
        key_lines = _key_lines(string, start, end, pairs, newlines)
        seen = set()
        for key, _ in pairs:
            if key in seen:
                problems.append(
                    Problem(
                        Subtype.duplicate_key,
                        f"duplicate key {key!r}; the later value wins",
                        source,
                        key_lines.get(key, line),
                    )
                )
            seen.add(key)
        return _line_dict(pairs, line, key_lines), end

    def parse_array(state, scan_once):
        starts = []  # where each item of this array starts

        def scan_item(string, index):
            starts.append(index)
            return scan_once(string, index)

        values, end = json.decoder.JSONArray(state, scan_item)
        items = LineList(values)
        items.item_lines = [_line_at(newlines, start) for start in starts]
        return items, end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.parse_array = parse_array
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    try:
        data = decoder.decode(text)
        if _ESCAPED_SURROGATE.search(text):
            lone = _LONE_SURROGATE.search(text)
            line = _line_at(newlines, lone.start()) if lone else 0
            data = _without_surrogates(data, source, problems, line)
        return data
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                Subtype.syntax, f"JSON syntax error: {error.msg}", source, error.lineno
            )
        )
    except RecursionError:
        problems.append(Problem(Subtype.syntax, "JSON nested too deeply", source))
    except ValueError as error:  # a number too long to read, and the like
        problems.append(
            Problem(Subtype.syntax, f"JSON value that cannot be read: {error}", source)
        )
    return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _line_at(starts: list[int], position: int) -> int:
    return bisect.bisect_right(starts, position)


def _key_lines(string: str, start: int, end: int, pairs, starts) -> dict:
    """Lines of an object's own keys, found by searching its text in order."""
    lines = {}
    position = start
    for key, _ in pairs:
        # the key is the quoted string followed by a colon, not a value like it
        found = re.compile(re.escape(json.dumps(key)) + r"\s*:").search(
            string, position, end
        )
        if not found:
            continue
        lines[key] = _line_at(starts, found.start())
        position = found.end()
    return lines


# JSON may escape half a UTF-16 pair ("\\ud800"), which no page can be written with.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: an escaped high surrogate without a low one after it, or a low one alone
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _without_surrogates(data, source: str, problems: list[Problem], line: int):
    """The data with lone surrogates replaced by U+FFFD, reported once."""
    found = []

    def clean(value):
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found.append(value)
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, LineDict):
            return _line_dict(
                [(clean(k), clean(v)) for k, v in value.items()],
                value.line,
                value.key_lines,
            )
        if isinstance(value, list):
            items = LineList(clean(item) for item in value)
            items.item_lines = getattr(value, "item_lines", [])
            return items
        return value

    data = clean(data)
    if found:
        problems.append(
            Problem(
                Subtype.data_file,
                "JSON escapes half of a UTF-16 surrogate pair (like \\ud800); it is read as \ufffd",
                source,
                line,
            )
        )
    return data
