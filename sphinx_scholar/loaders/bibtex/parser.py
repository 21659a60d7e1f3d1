"""pybtex's parser, with what ``@string`` macros expand to bounded."""

from __future__ import annotations

from pybtex.database.input.bibtex import LowLevelParser
from pybtex.scanner import PybtexSyntaxError

#: The most characters a field or an ``@string`` macro that uses macros may
#: hold once they are expanded (a field written out is as long as it is): a
#: few bytes of macros, each several copies of the one before, made a title of
#: 10 MB (and 3 GB with one more). More is cut, with a warning.
FIELD_MAX = 100_000
#: The most characters that macros may bring into one file, all fields
#: together (a 100,000-character macro used in each of a thousand fields);
#: values that use macros past it are left out, with a warning.
EXPANSION_MAX = 5_000_000


class TooLong(PybtexSyntaxError):
    """A field or macro longer than :data:`FIELD_MAX` once expanded: cut."""

    error_type = "too long"


class BoundedParser(LowLevelParser):
    """pybtex's parser, with the length of what macros expand to bounded: a
    value is cut at :data:`FIELD_MAX` characters (so no macro holds more), and
    macros bring at most :data:`EXPANSION_MAX` characters into a file. Values
    are joined from their parts after this: no longer value is ever made."""

    def __init__(self, text, macros, handle_error, budget: list[int]):
        super().__init__(text, macros=macros, handle_error=handle_error)
        self.budget = budget  # [characters macros may still bring]

    #: the parts of the value being read (pybtex's)
    current_value: list[str]
    in_string = False
    from_macros = 0  # characters macros brought into the value being read

    def parse_string_body(self, body_end):
        self.in_string = True
        try:
            super().parse_string_body(body_end)
        finally:
            self.in_string = False

    def substitute_macro(self, name):
        value = super().substitute_macro(name)
        self.from_macros += len(value)
        return value

    def parse_value(self):
        self.from_macros = 0
        super().parse_value()
        parts = self.current_value  # joined by the caller: not here
        what = "@string macro" if self.in_string else "field"
        name = self.current_field_name
        if self.from_macros and sum(map(len, parts)) > FIELD_MAX:
            kept, room = [], FIELD_MAX
            for part in parts:
                kept.append(part[:room])
                room -= len(kept[-1])
                if not room:
                    break
            self.current_value = kept
            self.handle_error(
                TooLong(
                    f"{what} {name!r} is longer than {FIELD_MAX:,} characters "
                    "once its @string macros are expanded; it is cut there",
                    self,
                )
            )
        spent = min(self.from_macros, FIELD_MAX)
        if spent <= self.budget[0]:
            self.budget[0] -= spent
            return
        self.current_value = []
        if self.budget[0] >= 0:
            self.handle_error(
                TooLong(
                    f"@string macros expand to more than {EXPANSION_MAX:,} characters "
                    f"in this file; {what} {name!r} and the values after it that "
                    "use macros are left out: use fewer, or shorter, macros",
                    self,
                )
            )
        self.budget[0] = -1
