"""Loading data files into records, whatever their format."""

from __future__ import annotations

import os

from ..diagnostics import Subtype
from ..model import LoadResult, Problem
from .awards import awards_from_data
from .controls import may_hold_controls, without_stray_controls
from .cv import cv_from_data
from .events import event_from_data
from .lists import records_of, unique_records
from .people import people_from_data
from .publications import publication_from_mapping
from .structured import load_json, load_yaml
from .talks import talk_from_mapping
from .yaml_items import Items, keep_items, read_changed, split_items

STRUCTURED_SUFFIXES = {".yaml": load_yaml, ".yml": load_yaml, ".json": load_json}


def read_text(path: str, problems: list[Problem]) -> str | None:
    """The file's text as UTF-8; other encodings are read but reported."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        problems.append(
            Problem(Subtype.data_file, f"cannot read data file: {error.strerror}", path)
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(
                Subtype.data_file,
                f"data file is not UTF-8: the first byte that is not, "
                f"0x{data[error.start]:02X}, is on line {line}, column "
                f"{error.start - line_start + 1}; save the file as UTF-8 "
                "(until then it is read as Latin-1)",
                path,
                line,
            )
        )
        text = data.decode("latin-1")
    # Universal newlines, as open() reads text: every loader counts the lines
    # of a file with Windows or old Mac line ends as an editor does.
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
LOADERS = {
    "publications": load_publications,
    "people": load_people,
    "talks": load_talks,
    "cv": load_cv,
    "event": load_event,
    "awards": load_awards,
}
