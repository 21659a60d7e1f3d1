"""Loading data files into records, whatever their format."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable

from ..diagnostics import Subtype
from ..model import LoadResult, Problem
from .awards import awards_from_data
from .cv import cv_from_data
from .events import event_from_data
from .invisible_characters import may_hold_controls, without_stray_controls
from .lists import records_of, unique_records
from .people import people_from_data
from .publications import publication_from_mapping
from .structured import load_json, load_yaml
from .talks import talk_from_mapping
from .yaml_items import Items, keep_items, read_changed, split_items

STRUCTURED_SUFFIXES = {".yaml": load_yaml, ".yml": load_yaml, ".json": load_json}


#: byte-order marks, and the encoding each says (UTF-32's first: it starts
#: with UTF-16's)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: str, problems: list[Problem]) -> str | None:
    """The file's text: UTF-8, or the encoding its byte-order mark names.

    A UTF-8 file with a few bytes that are not (a stray byte pasted in) is
    read as UTF-8, those bytes shown as U+FFFD; a file with no UTF-8 at all
    but such bytes is read as Windows-1252, which editors on Windows write.
    Either is reported at the first byte that is not UTF-8."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        problems.append(
            Problem(Subtype.data_file, f"cannot read data file: {error.strerror}", path)
        )
        return None
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            problems.append(
                Problem(
                    Subtype.data_file,
                    f"data file starts with a {encoding.upper()} byte-order mark "
                    f"but is not {encoding.upper()} ({error.reason}); save it as UTF-8",
                    path,
                )
            )
            return None
        text = _not_quite_utf8(data, error, path, problems)
    # Universal newlines, as open() reads text: every loader counts the lines
    # of a file with Windows or old Mac line ends as an editor does.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _not_quite_utf8(
    data: bytes, error: UnicodeDecodeError, path: str, problems: list[Problem]
) -> str:
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    utf8 = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    as_utf8 = utf8 >= stray  # more letters read as UTF-8 than bytes that are not
    line_start = data.rfind(b"\n", 0, error.start) + 1
    line = data.count(b"\n", 0, error.start) + 1
    read_as = (
        f"it is read as UTF-8, and the {stray} byte(s) that are not are shown as �"
        if as_utf8
        else "until then it is read as Windows-1252"
    )
    problems.append(
        Problem(
            Subtype.data_file,
            f"data file is not UTF-8: the first byte that is not, "
            f"0x{data[error.start]:02X}, is on line {line}, column "
            f"{error.start - line_start + 1}; save the file as UTF-8 ({read_as})",
            path,
            line,
        )
    )
    return text if as_utf8 else data.decode("cp1252", errors="replace")


def load_structured(path: str, problems: list[Problem]):
    """The Python value of a YAML or JSON file, with :class:`LineDict` mappings."""
    return _structured(path, problems)[0]


def _structured(path: str, problems: list[Problem]) -> tuple[object, str | None]:
    """The value of a YAML or JSON file, and its text."""
    text = read_text(path, problems)
    if text is None:
        return None, None
    suffix = os.path.splitext(path)[1].lower()
    return STRUCTURED_SUFFIXES.get(suffix, load_yaml)(text, path, problems), text


def _result(
    records: list,
    path: str,
    problems: list[Problem],
    text: str | None,
    escapes: bool = True,
) -> LoadResult:
    """What a loader gives: the records, whatever their format, without the
    invisible characters no page should get (looked for only when the text
    can hold them: almost no file does)."""
    if text is not None and may_hold_controls(text, escapes):
        records = without_stray_controls(records, path, problems)
    return LoadResult(records, problems)


def load_publications(path: str, previous: LoadResult | None = None) -> LoadResult:
    """Every publication in a ``.bib``, ``.yaml``, ``.yml`` or ``.json`` file;
    what is unchanged since the ``previous`` reading of a BibTeX file is not
    parsed again."""
    problems: list[Problem] = []
    if path.lower().endswith(".bib"):
        # imported here: a build that reads no BibTeX does not load pybtex
        from .bibtex import Reuse, load_bibtex

        text = read_text(path, problems)
        reuse = previous.reusable if previous else None
        keep = Reuse()
        records = (
            load_bibtex(
                text, path, problems, reuse if isinstance(reuse, Reuse) else None, keep
            )
            if text is not None
            else []
        )
        # BibTeX has no escapes that make control characters
        records = unique_records(records, problems, "key")
        result = _result(records, path, problems, text, escapes=False)
        result.reusable = keep
        return result
    if path.lower().endswith((".yaml", ".yml")):
        return _load_yaml_publications(path, previous)
    data, text = _structured(path, problems)
    records = records_of(data, path, problems, "publications", publication_from_mapping)
    return _result(unique_records(records, problems, "key"), path, problems, text)


def _load_yaml_publications(path: str, previous: LoadResult | None) -> LoadResult:
    """A YAML file of publications; when it is a list that was read before,
    only its changed items are parsed (see :mod:`.yaml_items`)."""
    problems: list[Problem] = []
    text = read_text(path, problems)
    items = split_items(text) if text is not None else None
    kept = previous.reusable if previous else None
    records = None
    if items and isinstance(kept, Items):
        records = read_changed(items, path, kept, publication_from_mapping)
    if records is None:  # read whole
        data = load_yaml(text, path, problems) if text is not None else None
        records = records_of(
            data, path, problems, "publications", publication_from_mapping
        )
    result = _result(unique_records(records, problems, "key"), path, problems, text)
    result.reusable = keep_items(
        items,
        result.records,
        result.problems,
        kept if isinstance(kept, Items) else None,
    )
    return result


def load_talks(path: str) -> LoadResult:
    """Every talk in a ``.yaml``, ``.yml`` or ``.json`` file."""
    problems: list[Problem] = []
    data, text = _structured(path, problems)
    records = records_of(data, path, problems, "talks", talk_from_mapping)
    return _result(unique_records(records, problems, "key"), path, problems, text)


def load_cv(path: str) -> LoadResult:
    """Every entry of a CV file, section by section."""
    problems: list[Problem] = []
    data, text = _structured(path, problems)
    return _result(cv_from_data(data, path, problems), path, problems, text)


def load_event(path: str) -> LoadResult:
    """The event an event file describes."""
    problems: list[Problem] = []
    data, text = _structured(path, problems)
    return _result(event_from_data(data, path, problems), path, problems, text)


def load_awards(path: str) -> LoadResult:
    """The award or fellowship programme an awards file describes."""
    problems: list[Problem] = []
    data, text = _structured(path, problems)
    return _result(awards_from_data(data, path, problems), path, problems, text)


def load_people(path: str) -> LoadResult:
    problems: list[Problem] = []
    data, text = _structured(path, problems)
    return _result(people_from_data(data, path, problems), path, problems, text)


#: The loader of each kind of data file, by the name directives give it.
#: kind -> its loader: ``loader(path)``, and ``loader(path, previous)`` for
#: the kinds that reuse the last reading (:data:`..cache.INCREMENTAL`)
LOADERS: dict[str, Callable[..., LoadResult]] = {
    "publications": load_publications,
    "people": load_people,
    "talks": load_talks,
    "cv": load_cv,
    "event": load_event,
    "awards": load_awards,
}
