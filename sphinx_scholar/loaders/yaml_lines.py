"""YAML read into values that remember their lines (:mod:`.lines`).

PyYAML's safe loader (libyaml's, when it is there), with constructors that
record the line of each mapping, key and list item, and report duplicate keys,
which PyYAML silently overwrites. A syntax error becomes a problem with its
line and a hint at what to do.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

from ..diagnostics import Subtype
from ..model import Problem
from .lines import (
    MAX_NESTING,
    LineList,
    line_at,
    line_dict,
    line_starts,
    shift_lines,
)


@functools.cache
def _loader_class():
    """The YAML loader; made on first use, so that a build that reads no YAML
    does not import PyYAML."""
    import yaml

    base: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
    try:  # libyaml parses several times faster when it is there
        base = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        base = yaml.SafeLoader

    # a base chosen when the class is made, which mypy cannot follow
    class _Loader(base):  # type: ignore[valid-type,misc]
        """A safe loader that records lines and duplicate keys."""

        def __init__(self, stream: str, source: str, problems: list[Problem]):
            super().__init__(stream)
            self._source = source
            self._problems = problems
            self._line_starts = line_starts(stream)

        def line_of(self, mark) -> int:
            """The line an editor shows: YAML also breaks lines at U+0085, U+2028
            and U+2029, which editors show inside a line."""
            return line_at(self._line_starts, mark.index)

        def construct_line_mapping(self, node):
            # keys merged in (``<<: *base``) come first; an explicit key after
            # one overrides it, as merging means, and is not a duplicate
            written = {
                id(key_node)
                for key_node, _ in node.value
                if key_node.tag != "tag:yaml.org,2002:merge"
            }
            self.flatten_mapping(node)
            pairs: list[tuple[str, Any]] = []
            key_lines: dict[str, int] = {}
            explicit: set[str] = set()
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
            return line_dict(pairs, self.line_of(node.start_mark), key_lines)

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


_BRACKET = re.compile(r"[\[\]{}]")


def too_deep(text: str) -> bool:
    """Whether the brackets of ``text`` nest more than :data:`MAX_NESTING` deep."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return False
    depth = 0
    for match in _BRACKET.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_NESTING:
            return True
    return False


#: characters YAML reads as line breaks that editors show inside a line
_INLINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def inline_breaks_as_spaces(text: str, source: str, problems: list[Problem]) -> str:
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
            line_at(line_starts(text), first.start()),
        )
    )
    return _INLINE_BREAKS.sub(" ", text)


def parse_yaml(text: str, source: str, problems: list[Problem], consequence: str):
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
                line_at(line_starts(text), error.position),
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


def parse_yaml_at(text: str, start: int, source, problems, consequence: str):
    """:func:`parse_yaml` of a piece of a file that starts after line ``start``."""
    found: list[Problem] = []
    parsed, value = parse_yaml(text, source, found, consequence)
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
        shift_lines(value, start)
    return parsed, value
