"""The same site built two ways gives the same output: in parallel and
serially, and incrementally after edits and from scratch."""

import json
import os
import random
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).parent.parent
ROOTS = sorted(
    path.name[len("test-") :] for path in (REPO / "tests" / "roots").iterdir()
)


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every file written, but Sphinx's build record."""
    files = {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != ".buildinfo"
    }
    if "searchindex.js" in files:
        files["searchindex.js"] = search_terms(files["searchindex.js"])
    return files


def search_terms(script: bytes) -> bytes:
    """The search index without the words no page has any more: Sphinx
    keeps them, with no pages, after an incremental build removes pages."""
    index = json.loads(script.decode("utf-8")[len("Search.setIndex(") : -1])
    for terms in ("terms", "titleterms"):
        index[terms] = {
            word: pages for word, pages in index[terms].items() if pages != []
        }
    return json.dumps(index, sort_keys=True).encode("utf-8")


def scholar_warnings(app) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return sorted(line for line in text.splitlines() if "[scholar." in line)


def assert_same_files(expected: dict, actual: dict) -> None:
    assert sorted(actual) == sorted(expected)
    differing = [name for name in expected if expected[name] != actual[name]]
    assert differing == []


# --- parallel and serial ---------------------------------------------------------


@pytest.mark.parametrize("name", [*ROOTS, "example"])
def test_a_parallel_build_writes_what_a_serial_one_does(
    make_app, root_copy, tmp_path, name
):
    outputs, warnings = [], []
    for parallel in (1, 2):
        # the same place: records know the path of their data file
        srcdir = root_copy(name)
        app = make_app(
            "html",
            srcdir=srcdir,
            builddir=tmp_path / f"build{parallel}",
            parallel=parallel,
            freshenv=True,
        )
        app.build()
        outputs.append(output_files(app.outdir))
        # the same problems, once each, in whatever order the workers finish
        warnings.append(scholar_warnings(app))
    serial, parallel = outputs
    assert len([page for page in serial if page.endswith(".html")]) >= 2
    assert_same_files(serial, parallel)
    assert warnings[0] == warnings[1]


# --- incremental and clean -------------------------------------------------------


class Editor:
    """Edits a user makes to a site's data files, chosen by a seeded random
    generator; every edit leaves the file newer than the last build."""

    def __init__(self, srcdir: Path, seed: str):
        self.srcdir = srcdir
        self.random = random.Random(seed)
        self.clock = 0
        self.broken: dict[Path, str] = {}

    def data_files(self, people: bool = False) -> list[Path]:
        files = sorted((self.srcdir / "data").rglob("*.yaml"))
        files += sorted((self.srcdir / "data").rglob("*.bib"))
        return [path for path in files if (path.name == "people.yaml") == people]

    def write(self, path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        self.touch(path)

    def touch(self, path: Path) -> None:
        # Explicitly later than the build before: a file system may keep
        # times in seconds, and a build may take less.
        self.clock += 1
        later = int(os.stat(path).st_mtime) + 10 + self.clock
        os.utime(path, (later, later))

    def mappings_in_lists(self, data) -> list[tuple[list, int]]:
        """Every (list, index) of a mapping in a list, anywhere in the data."""
        found = []
        if isinstance(data, list):
            found += [
                (data, i) for i, item in enumerate(data) if isinstance(item, dict)
            ]
            for item in data:
                found += self.mappings_in_lists(item)
        elif isinstance(data, dict):
            for value in data.values():
                found += self.mappings_in_lists(value)
        return found

    def edit_yaml(self, path: Path, how: str) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = self.mappings_in_lists(data)
        items, index = self.random.choice(entries)
        entry = items[index]
        name = next(
            (
                f
                for f in ("title", "name", "degree", "role")
                if isinstance(entry.get(f), str)
            ),
            None,
        )
        if how == "title" and name:
            entry[name] += " Revised"
        elif how == "add":
            added = dict(entry)
            for field in ("key", "id"):
                if field in added:
                    added[field] = f"{added[field]}-added"
            if name:
                added[name] = f"An Added {added[name]}"
            items.insert(index + 1, added)
        elif how == "delete" and len(items) > 1:
            del items[index]
        self.write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))

    def edit_bibtex(self, path: Path, how: str) -> None:
        text = path.read_text(encoding="utf-8")
        pieces = re.split(r"(?m)^(?=@)", text)
        entries = [
            i
            for i, piece in enumerate(pieces)
            if re.match(r"@(?!string)\w+\{", piece, re.I)
        ]
        index = self.random.choice(entries)
        entry = pieces[index]
        if how == "title":
            pieces[index] = re.sub(
                r"title\s*=\s*\{", "title = {Revised ", entry, count=1
            )
        elif how == "add":
            added = re.sub(r"^(@\w+\{[^,]+),", r"\1-added,", entry)
            pieces.insert(
                index + 1,
                re.sub(r"title\s*=\s*\{", "title = {An Added ", added, count=1),
            )
        elif how == "delete" and len(entries) > 1:
            del pieces[index]
        self.write(path, "".join(pieces))

    def step(self, how: str) -> str:
        """Make one edit of the kind ``how``; say what was done."""
        if how == "people":
            path = self.random.choice(self.data_files(people=True))
            self.edit_yaml(path, self.random.choice(["title", "add", "delete"]))
            return f"people: {path.name}"
        if how == "fix":
            path, text = self.broken.popitem()
            self.write(path, text)
            return f"fix {path.name}"
        path = self.random.choice(self.data_files())
        if how == "touch":
            self.touch(path)
        elif how == "break":
            self.broken[path] = path.read_text(encoding="utf-8")
            broken = (
                "\n@article{broken,\n  title = {open\n"
                if path.suffix == ".bib"
                else "\n- [open: {\n"
            )
            self.write(path, self.broken[path] + broken)
        elif path.suffix == ".bib":
            self.edit_bibtex(path, how)
        else:
            self.edit_yaml(path, how)
        return f"{how} {path.name}"

    def plan(self, people: bool) -> list[str]:
        """One edit of each kind, in a random order; a break is fixed next."""
        kinds = ["title", "add", "delete", "touch", "break"] + (
            ["people"] if people else []
        )
        self.random.shuffle(kinds)
        return [
            step
            for kind in kinds
            for step in ([kind, "fix"] if kind == "break" else [kind])
        ]


def clean_build(make_app, builder: str, srcdir: Path, builddir: Path):
    """A build from nothing."""
    app = make_app(builder, srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    return app


@pytest.mark.parametrize(
    ("name", "builder"),
    [
        ("basic", "html"),
        ("basic", "text"),
        ("talks", "html"),
        ("events", "dirhtml"),
        ("hidden", "html"),
    ],
)
def test_an_incremental_build_after_edits_writes_what_a_clean_build_does(
    make_app, root_copy, tmp_path, name, builder
):
    srcdir = root_copy(name)
    editor = Editor(srcdir, seed=f"{name}-{builder}")
    incremental = tmp_path / "incremental"
    make_app(builder, srcdir=srcdir, builddir=incremental, freshenv=True).build()
    for number, step in enumerate(
        editor.plan(people=bool(editor.data_files(people=True)))
    ):
        done = editor.step(step)
        app = make_app(builder, srcdir=srcdir, builddir=incremental)
        app.build()
        clean = clean_build(make_app, builder, srcdir, tmp_path / f"clean{number}")
        assert scholar_warnings(app) == scholar_warnings(clean), done
        expected, actual = output_files(clean.outdir), output_files(app.outdir)
        assert sorted(actual) == sorted(expected), done
        differ = [page for page in expected if expected[page] != actual[page]]
        assert differ == [], done
