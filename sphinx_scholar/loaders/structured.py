"""YAML and JSON files read into Python values that remember their line numbers.

Mappings come back as :class:`LineDict`, which knows the line it starts on and
the line of each key, so that a problem in any field can be reported where it
is. Duplicate keys, which PyYAML and :mod:`json` silently overwrite, are
reported.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import json.decoder
import json.scanner
import re

from ..diagnostics import Subtype
from ..model import Problem


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


@functools.cache
def _loader_class():
    """The YAML loader; made on first use, so that a build that reads no YAML
    does not import PyYAML."""
    import yaml

    try:  # libyaml parses several times faster when it is there
        base = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        base = yaml.SafeLoader

    class _Loader(base):
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
            # keys merged in (``<<: *base``) come first; an explicit key after
            # one overrides it, as merging means, and is not a duplicate
            written = {
                id(key_node)
                for key_node, _ in node.value
                if key_node.tag != "tag:yaml.org,2002:merge"
            }
            self.flatten_mapping(node)
            pairs = []
            key_lines = {}
            explicit = set()
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
                if key in explicit and id(key_node) in written:
                    self._problems.append(
                        Problem(
                            Subtype.duplicate_field,
                            f"duplicate key {key!r} (first on line {key_lines[key]}); "
                            "the later value wins: remove one of them",
                            self._source,
                            line,
                        )
                    )
                if id(key_node) in written:
                    explicit.add(key)
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

    return _Loader


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


#: characters YAML reads as line breaks that editors show inside a line
_INLINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def _inline_breaks_as_spaces(text: str, source: str, problems: list[Problem]) -> str:
    """U+0085, U+2028 and U+2029 (pasted from a PDF or a word processor)
    would end a plain value in the middle of its line, and the entry with
    it: they are read as spaces, and reported."""
    first = _INLINE_BREAKS.search(text)
    if first is None:
        return text
    problems.append(
        Problem(
            Subtype.text,
            f"U+{ord(first.group()):04X}, which YAML reads as a line break "
            "though editors show none, is read as a space; remove it (or each "
            "one like it) from the file",
            source,
            _line_at(_line_starts(text), first.start()),
        )
    )
    return _INLINE_BREAKS.sub(" ", text)


def load_yaml(text: str, source: str, problems: list[Problem]):
    """Parse YAML text; a syntax error becomes a problem and gives ``None``."""
    text = _inline_breaks_as_spaces(text, source, problems)
    if text.count("[") + text.count("{") > MAX_NESTING and _too_deep(text):
        problems.append(
            Problem(
                Subtype.syntax,
                f"YAML nested more than {MAX_NESTING} levels deep",
                source,
            )
        )
        return None
    found: list[Problem] = []
    parsed, value = _parse_yaml(text, source, found, "")
    problems.extend(found if parsed else ())
    if parsed:
        return value
    # A syntax error: read the file again entry by entry, so that it costs
    # only the entry it is in, when the file is a list or a mapping of them.
    recovered = []
    value = _recover_yaml(text, source, recovered)
    if value is None:
        _parse_yaml(
            text, source, problems, "; nothing in the file is read until it is fixed"
        )
        return None
    if not any(problem.subtype == Subtype.syntax for problem in recovered):
        # the error is between the pieces, not in one: it must not go unsaid
        whole: list[Problem] = []
        _parse_yaml(text, source, whole, "; the entries around it are read")
        recovered += [problem for problem in whole if problem.subtype == Subtype.syntax]
    problems.extend(recovered)
    return value


def _parse_yaml(text: str, source: str, problems: list[Problem], consequence: str):
    """``(True, value)``, or ``(False, None)`` with the syntax error reported
    (its message ending with ``consequence``)."""
    import yaml

    loader = _loader_class()(text, source, problems)
    try:
        return True, loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = loader.line_of(mark) if mark else 0
        what = error.problem or str(error)
        if error.context:
            what = f"{what} ({error.context})"
        lines = text.split("\n")  # the lines an editor shows, see read_text
        near = lines[max(line - 2, 0) : line] if line else []
        if "tab" in what or any("\t" in near_line for near_line in near):
            what += "; indent with spaces, not tabs"
        elif "mapping values are not allowed" in what:
            what += "; check the indentation of this line and the one above"
        problems.append(
            Problem(
                Subtype.syntax, f"YAML syntax error: {what}{consequence}", source, line
            )
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
        problems.append(
            Problem(Subtype.syntax, f"YAML error: {error}{consequence}", source)
        )
    except (ValueError, TypeError, RecursionError) as error:
        # PyYAML's constructors raise these for values they cannot build
        problems.append(
            Problem(
                Subtype.syntax,
                f"YAML value that cannot be read: {error}{consequence}",
                source,
            )
        )
    finally:
        loader.dispose()
    return False, None


_SECTION_KEY = re.compile(r"^([^\s#:'\"][^:#]*):\s*(#.*)?$")
#: the marker of the document's start, alone or with a comment after it
_DOCUMENT_START = re.compile(r"---(?:[ \t]+(?:#.*)?)?")


def _recover_yaml(text: str, source: str, problems: list[Problem]):
    """The file read piece by piece: the items of a top-level list, or the
    sections of a top-level mapping (and, when a section does not parse, the
    items of its list). ``None`` when the file is not made that way."""
    # split at line feeds only: str.splitlines() also splits at form feeds
    # and other separators, which editors show inside a line
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    if not lines[-1]:
        lines.pop()
    content = [
        number
        for number, line in enumerate(lines)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if content and _DOCUMENT_START.fullmatch(lines[content[0]].rstrip()):
        content = content[1:]  # the document's start
    if not content:
        return None
    if _item_indent(lines[content[0]]) == 0:
        return _recover_items(lines, content[0], len(lines), source, problems)
    if lines[content[0]][0] in " \t":
        return None
    starts = [number for number in content if lines[number][0] not in " \t#-"]
    if not starts or starts[0] != content[0]:
        return None  # the file starts with something that is not a section
    pairs, key_lines = [], {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        piece = "".join(lines[start:end])
        piece_problems: list[Problem] = []
        parsed, value = _parse_yaml_at(piece, start, source, piece_problems, "")
        header = _SECTION_KEY.match(lines[start].rstrip("\r\n"))
        if not (parsed and isinstance(value, dict)) and header:
            key = header.group(1).strip()
            items = _recover_items(lines, start + 1, end, source, problems)
            value = LineDict({key: items}) if items is not None else None
            if value is not None:
                value.line, value.key_lines = start + 1, {key: start + 1}
        if not isinstance(value, dict):
            _parse_yaml_at(
                piece, start, source, problems, "; this part of the file is left out"
            )
            continue
        problems.extend(piece_problems if parsed else ())
        for key, item in value.items():
            if key in key_lines:
                problems.append(
                    Problem(
                        Subtype.duplicate_field,
                        f"duplicate key {key!r} (first on line {key_lines[key]}); "
                        "the later value wins: remove one of them",
                        source,
                        value.line_of(key),
                    )
                )
            key_lines[key] = value.line_of(key)
            pairs.append((key, item))
    return _line_dict(pairs, content[0] + 1, key_lines) if pairs else None


def _item_indent(line: str) -> int | None:
    """The indentation of a line that starts a block list item, else ``None``."""
    stripped = line.lstrip(" ")
    if stripped.startswith("-") and stripped[1:2] in (" ", "\t", "\n", "\r", ""):
        return len(line) - len(stripped)
    return None


def _recover_items(lines, begin: int, end: int, source, problems):
    """The items of the block list in ``lines[begin:end]``, each parsed on its
    own; an item with a syntax error is reported and left out."""
    content = [
        number
        for number in range(begin, end)
        if lines[number].strip() and not lines[number].lstrip().startswith("#")
    ]
    if not content:
        return None
    indent = _item_indent(lines[content[0]])
    if indent is None:
        return None
    starts = [n for n in content if _item_indent(lines[n]) == indent]
    items = LineList()
    items.item_lines = []
    for start, stop in zip(starts, [*starts[1:], end], strict=True):
        piece = "".join(lines[start:stop])
        parsed, value = _parse_yaml_at(
            piece,
            start,
            source,
            problems,
            "; this entry is left out (the others are read)",
        )
        if parsed and isinstance(value, list):
            items += value
            items.item_lines += getattr(value, "item_lines", [0] * len(value))
    return items


def _parse_yaml_at(text: str, start: int, source, problems, consequence: str):
    """:func:`_parse_yaml` of a piece of a file that starts after line ``start``."""
    found: list[Problem] = []
    parsed, value = _parse_yaml(text, source, found, consequence)
    # an error found at the end of the piece (an unclosed bracket) is in it,
    # not on the first line of the next one
    last = max(text.count("\n") + (not text.endswith("\n")), 1)
    problems.extend(
        dataclasses.replace(problem, line=min(problem.line, last) + start)
        if problem.line
        else problem
        for problem in found
    )
    if start:
        _shift_lines(value, start)
    return parsed, value


def _shift_lines(value, offset: int) -> None:
    """Move every line in ``value`` by ``offset``; a list or mapping that YAML
    aliases share is moved once, and walked once (aliases of aliases would
    otherwise make a few lines billions of visits)."""
    seen: set[int] = set()
    pending = [value]
    while pending:
        value = pending.pop()
        if not isinstance(value, (dict, list)) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, LineDict):
            value.line += offset
            value.key_lines = {
                key: line + offset for key, line in value.key_lines.items()
            }
        elif isinstance(value, LineList):
            value.item_lines = [line + offset for line in value.item_lines]
        pending.extend(value.values() if isinstance(value, dict) else value)


def load_json(text: str, source: str, problems: list[Problem]):
    """Parse JSON text; objects become :class:`LineDict` with their lines.

    After a syntax error in a top-level list, the entries are read one by one,
    so that a broken entry costs only itself."""
    if not text.strip():
        return None  # an empty file, reported by the kind of data it should hold
    newlines = _line_starts(text)
    found: list[Problem] = []  # kept apart until it is known whether to re-read

    def parse_object(state, strict, scan_once, object_hook, pairs_hook, memo=None):
        string, start = state
        pairs, end = json.decoder.JSONObject(state, strict, scan_once, None, list, memo)
        line = _line_at(newlines, start)
        key_lines = _key_lines(string, start, end, pairs, newlines)
        seen = set()
        for key, _ in pairs:
            if key in seen:
                found.append(
                    Problem(
                        Subtype.duplicate_field,
                        f"duplicate key {key!r}; the later value wins: remove one of them",
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
    data = None
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as error:
        found.clear()
        data = _recover_json_list(text, decoder, source, found)
        if data is None or not any(p.subtype == Subtype.syntax for p in found):
            found.append(
                Problem(
                    Subtype.syntax,
                    f"JSON syntax error: {_json_error_text(error)}; "
                    + (
                        "nothing in the file is read until it is fixed"
                        if data is None
                        else "the entries around it are read"
                    ),
                    source,
                    error.lineno,
                )
            )
    except RecursionError:
        found.append(Problem(Subtype.syntax, "JSON nested too deeply", source))
    except ValueError as error:  # a number too long to read, and the like
        found.append(
            Problem(Subtype.syntax, f"JSON value that cannot be read: {error}", source)
        )
    problems.extend(found)
    if data is not None and _ESCAPED_SURROGATE.search(text):
        lone = _LONE_SURROGATE.search(text)
        line = _line_at(newlines, lone.start()) if lone else 0
        data = _without_surrogates(data, source, problems, line)
    return data


#: What to do about the errors of :mod:`json`.
_JSON_HINTS = {
    "Expecting ',' delimiter": "put a comma between two fields or two entries",
    "Expecting ':' delimiter": "put a colon between a name and its value",
    "Expecting property name enclosed in double quotes": "write names in double "
    "quotes, and remove any comma after the last field",
    "Expecting value": "a value is missing, or is text without double quotes",
    "Invalid control character at": "a string is not closed on its line, or holds "
    "a tab or a line break (write \\t or \\n)",
    "Unterminated string starting at": "close the string with a double quote",
    "Extra data": "the file goes on after its list ends: put every entry in the list",
}


def _json_error_text(error: json.JSONDecodeError) -> str:
    message = error.msg.removesuffix(" at") if error.msg.endswith(" at") else error.msg
    hint = _JSON_HINTS.get(error.msg)
    return f"{message} at column {error.colno}" + (f" ({hint})" if hint else "")


def _recover_json_list(text: str, decoder, source: str, problems: list[Problem]):
    """The entries of a top-level JSON list that do parse, each read on its
    own; ``None`` when the file is not a list."""
    begin = len(text) - len(text.lstrip())
    if not text.startswith("[", begin):
        return None
    starts = _line_starts(text)

    def report(message: str, position: int) -> None:
        problems.append(
            Problem(
                Subtype.syntax,
                f"JSON syntax error: {message}",
                source,
                _line_at(starts, position),
            )
        )

    items: list = []
    position, indent = begin + 1, None
    before = "["  # what came last: "[", "," or an entry ("{")
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            report("the file ends before the list is closed with ']'; add it", position)
            return items
        if text[position] == "]":
            if before == ",":
                report("a comma before ']'; remove it", position)
            if text[position + 1 :].strip():
                report(
                    "the file goes on after its list ends; put every entry in the list",
                    position,
                )
            return items
        if text[position] == ",":
            if before != "{":
                report("a comma with no entry before it; remove it", position)
            position, before = position + 1, ","
            continue
        if before == "{":
            report("expecting ',' between two entries; add it", position)
        if indent is None:
            indent = text[text.rfind("\n", 0, position) + 1 : position]
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            # go on at the next line that starts an entry as the first one did
            following = (
                re.compile("\n" + re.escape(indent) + r"[{\[]").search(text, position)
                if indent.isspace() or not indent
                else None
            )
            what, where = _json_error_text(error), error.pos
            if following is not None and following.end() - 1 <= error.pos:
                # the parser ran into the next entry: the error is this one's end
                next_line = _line_at(starts, following.end() - 1)
                what = (
                    f"the entry is not closed before the next one starts on line "
                    f"{next_line}: close it with '}}'"
                )
                where = position
            report(f"{what}; this entry is left out (the others are read)", where)
            if following is None:
                return items
            position, before = following.end() - 1, "["
            continue
        except (ValueError, RecursionError) as error:  # a number too long, ...
            report(
                f"a value that cannot be read ({error}); the entries from here on "
                "are left out",
                position,
            )
            return items
        items.append(item)
        before = "{"


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
