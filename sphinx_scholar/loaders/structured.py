"""YAML and JSON files read into Python values that remember their line numbers.

Mappings come back as :class:`~.lines.LineDict`, which knows the line it
starts on and the line of each key, so that a problem in any field can be
reported where it is. A file that does not parse costs only the entries with
the syntax errors, when it is a list of entries (or a mapping of them).

:mod:`.yaml_lines` and :mod:`.json_lines` read each format with its lines,
:mod:`.yaml_recovery` and :mod:`.json_recovery` what can be read of a file
that does not parse.
"""

from __future__ import annotations

import json

from ..diagnostics import Subtype
from ..model import Problem
from .json_lines import JsonText, without_surrogates
from .json_recovery import json_error_text, recover_json_list
from .lines import MAX_NESTING
from .yaml_lines import inline_breaks_as_spaces, parse_yaml, too_deep
from .yaml_recovery import recover_yaml


def load_yaml(text: str, source: str, problems: list[Problem]):
    """Parse YAML text; a syntax error becomes a problem and gives ``None``."""
    text = inline_breaks_as_spaces(text, source, problems)
    if too_deep(text):
        problems.append(
            Problem(
                Subtype.syntax,
                f"YAML nested more than {MAX_NESTING} levels deep",
                source,
            )
        )
        return None
    found: list[Problem] = []
    parsed, value = parse_yaml(text, source, found, "")
    problems.extend(found if parsed else ())
    if parsed:
        return value
    # A syntax error: read the file again entry by entry, so that it costs
    # only the entry it is in, when the file is a list or a mapping of them.
    recovered: list[Problem] = []
    value = recover_yaml(text, source, recovered)
    if value is None:
        parse_yaml(
            text, source, problems, "; nothing in the file is read until it is fixed"
        )
        return None
    if not any(problem.subtype == Subtype.syntax for problem in recovered):
        # the error is between the pieces, not in one: it must not go unsaid
        whole: list[Problem] = []
        parse_yaml(text, source, whole, "; the entries around it are read")
        recovered += [problem for problem in whole if problem.subtype == Subtype.syntax]
    problems.extend(recovered)
    return value


def load_json(text: str, source: str, problems: list[Problem]):
    """Parse JSON text; objects become :class:`~.lines.LineDict` with their lines.

    After a syntax error in a top-level list, the entries are read one by one,
    so that a broken entry costs only itself."""
    if not text.strip():
        return None  # an empty file, reported by the kind of data it should hold
    found: list[Problem] = []  # kept apart until it is known whether to re-read
    reader = JsonText(text, source, found)
    data = None
    try:
        data = reader.document()
    except json.JSONDecodeError as error:
        found.clear()
        data = recover_json_list(text, reader, source, found)
        if data is None or not any(p.subtype == Subtype.syntax for p in found):
            found.append(
                Problem(
                    Subtype.syntax,
                    f"JSON syntax error: {json_error_text(error)}; "
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
    if data is not None:
        data = without_surrogates(data, text, source, problems)
    return data
