"""The benchmark of sphinx-scholar: one command, one table.

    python bench/run.py [--sizes 100,1000,2000,5000,20000,tugboat] [--runs 3] [--quick]

For each size it builds the same publication list several ways, in throwaway
projects under a temporary folder:

* ``scholar-bib``: sphinx-scholar's ``publications`` directive on the BibTeX
  file, in the default configuration: a page per publication, which the HTML
  builder makes through ``html-collect-pages``. The headline;
* ``scholar-yaml``: the same on the YAML file;
* ``bibtex``: sphinxcontrib-bibtex, ``.. bibliography::`` with ``:all:``;
* ``rst``: the same list written by hand in reStructuredText;
* ``scholar-list``: ``scholar-bib`` with ``scholar_publication_pages = ""``,
  the list without publication pages (for information);
* ``floor``: ``scholar-list`` and a ten-line extension that hands Sphinx as
  many plain pages of a fixed body as there are publications: the least any
  page generator costs on the theme. The publication pages cost
  ``scholar-bib`` less ``scholar-list``, the floor's pages ``floor`` less
  ``scholar-list``;
* ``scholar-bib-book``, ``scholar-list-book``, ``floor-book``: the same three
  with ``html_theme = "sphinx_book_theme"``, built at 2,000 entries
  (``--book-sizes``);

and a one-page project without any extension (the no-op baseline), at the
start and again at the end; and a site of 250 plain pages (no publication
anywhere) built with and without the extension, for its memory
(``--memory-pages``).

Every build is ``python -m sphinx -b html -q`` in a fresh child process;
wall-clock time, CPU time and the child's peak resident memory (from
``wait4``) are recorded. The packages' bytecode is compiled first, as an
installed package has it. Results go to ``bench/results.json`` and
``bench/results.rst`` (included by ``docs/benchmark.rst``), and a summary is
printed.

A size is a number of generated publications (``bench/generate.py``) or
``tugboat``, the real ``biber_tugboat.bib`` of ``../shared/corpus/bib`` (or
``--corpus``). ``SIZE:measure+measure`` limits what is measured at a size,
e.g. ``20000:full``, and to some projects, e.g. ``20000:full+rst+scholar-bib``.
Measures: ``full`` (fresh build, with peak memory), ``noop`` (a rebuild with
nothing changed), ``edit`` (a rebuild after one entry's title changed in the
data file, or in the page for hand-written rST; sphinx-scholar then measures
``page`` too, what the pages that show the entry cost), ``site`` (a fresh
build of 50 pages, each showing a filtered view of the same file),
``site-j2`` (the same with ``-j 2``), ``full-j2`` (``scholar-bib``'s full
build with ``-j 2``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

DEFAULT_SIZES = "100,1000,2000,5000,20000,tugboat"
QUICK_SIZES = (
    "100,1000,2000,tugboat:full+noop+edit,"
    "5000:full+noop+edit+scholar-bib+scholar-yaml+scholar-list+rst,"
    "20000:full+scholar-bib+scholar-yaml+scholar-list+bibtex+rst"
)
DEFAULT_BOOK_SIZES = "2000"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bib" / "biber_tugboat.bib"
MEASURES = ("full", "noop", "edit", "site", "site-j2", "full-j2")
SITE_PAGES = 50
#: where sphinx-scholar writes its publication pages by default
PAGES_FOLDER = "pub"
#: the memory row: plain pages, each a bullet list of this many items
MEMORY_PAGES = 250
MEMORY_ITEMS = 150


# -- the projects ------------------------------------------------------------

COMMON_CONF = 'project = "bench"\nexclude_patterns = ["_build"]\n'
SCHOLAR = 'extensions = ["sphinx_scholar"]\n'
LIST_ONLY = 'scholar_publication_pages = ""\n'
BOOK = 'html_theme = "sphinx_book_theme"\n'
FLOOR = (
    "import os\nimport sys\n\n"
    'sys.path.insert(0, os.path.abspath("."))\n'
    'extensions = ["sphinx_scholar", "floor_pages"]\n'
)
#: The floor: as many pages as the site has publications, each of a fixed
#: body about the size of a publication page's, through the same event.
FLOOR_EXTENSION = '''\
"""As many plain pages as the site has publications: the theme's floor."""

WORDS = "<p>" + "Some words of a page. " * 120 + "</p></section>"


def pages(app):
    for number in range(1, app.config.floor_pages + 1):
        body = f"<section><h1>Page {number}</h1>" + WORDS
        yield f"pub/page{number}", {"title": f"Page {number}", "body": body}, "page.html"


def setup(app):
    app.add_config_value("floor_pages", 0, "html")
    app.connect("html-collect-pages", pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''

ONE_PAGE = ("full", "noop", "edit")
ALL_BUT_J2 = ("full", "noop", "edit", "site", "site-j2")


@dataclasses.dataclass(frozen=True)
class Variant:
    """One way of building the page."""

    label: str
    #: what its ``conf.py`` has besides :data:`COMMON_CONF`
    conf: str
    #: the data file it reads (``None``: the hand-written list)
    data: str | None
    #: the measures it takes (of those asked for)
    measures: tuple[str, ...]
    #: sphinx-scholar in the default configuration: publication pages on
    pages: bool = False
    #: the floor extension's pages
    floor: bool = False
    #: sphinx-book-theme: built at ``--book-sizes`` only, unless a size names it
    book: bool = False


VARIANTS = {
    "scholar-bib": Variant(
        "sphinx-scholar (.bib)", SCHOLAR, "papers.bib", MEASURES, pages=True
    ),
    "scholar-yaml": Variant(
        "sphinx-scholar (.yaml)", SCHOLAR, "papers.yaml", ALL_BUT_J2, pages=True
    ),
    "bibtex": Variant(
        "sphinxcontrib-bibtex",
        'extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["papers.bib"]\n',
        "papers.bib",
        ALL_BUT_J2,
    ),
    "rst": Variant("hand-written rST", "", None, ALL_BUT_J2),
    "scholar-list": Variant(
        "sphinx-scholar (.bib), list only", SCHOLAR + LIST_ONLY, "papers.bib", ONE_PAGE
    ),
    "floor": Variant(
        "theme floor (list only + plain pages)",
        FLOOR + LIST_ONLY,
        "papers.bib",
        ("full",),
        floor=True,
    ),
    "scholar-bib-book": Variant(
        "sphinx-scholar (.bib), book theme",
        SCHOLAR + BOOK,
        "papers.bib",
        ("full",),
        pages=True,
        book=True,
    ),
    "scholar-list-book": Variant(
        "sphinx-scholar (.bib), list only, book theme",
        SCHOLAR + LIST_ONLY + BOOK,
        "papers.bib",
        ("full",),
        book=True,
    ),
    "floor-book": Variant(
        "theme floor, book theme",
        FLOOR + LIST_ONLY + BOOK,
        "papers.bib",
        ("full",),
        floor=True,
        book=True,
    ),
}
#: the themes of the pages-cost comparison: name, suffix of its variants
THEMES = (("alabaster", ""), ("sphinx-book-theme", "-book"))
#: other rows of the goals table
OTHER_LABELS = {
    "memory": "sphinx-scholar on plain pages",
    "scholar-pages": "sphinx-scholar (.bib), publication pages on",  # old results
}


def label(name: str) -> str:
    return VARIANTS[name].label if name in VARIANTS else OTHER_LABELS.get(name, name)


def is_scholar(name: str) -> bool:
    return name in VARIANTS and VARIANTS[name].conf.startswith(SCHOLAR)


def heading(title: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n"


def page(variant: str, min_year: int | None = None, number: int = 0) -> str:
    """One page showing the list (all of it, or the years from ``min_year``)."""
    title = "Publications" if min_year is None else f"Publications since {min_year}"
    if variant == "bibtex":
        text = heading(title) + ".. bibliography::\n"
        if min_year is None:
            return text + "   :all:\n"
        # the same entries on 50 pages: keys need a prefix to stay unique
        return text + f'   :filter: year >= "{min_year}"\n   :keyprefix: p{number}-\n'
    data = VARIANTS[variant].data
    if data is None:
        raise ValueError(variant)
    text = heading(title) + f".. publications:: /{data}\n"
    if min_year is not None:
        text += f"   :filter: year >= {min_year}\n"
    return text


def site_years(years: list[int]) -> list[int]:
    """The ``year >= Y`` of each of the 50 pages: the last ten years of the data."""
    newest = max(years)
    return [newest - (index % 10) for index in range(SITE_PAGES)]


class Dataset:
    """One size: its data files, its records, and the hand-written pages."""

    def __init__(self, name: str, folder: Path, corpus: Path | None, seed: int):
        self.name = name
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        if name == "tugboat":
            from sphinx_scholar.loaders import LOADERS

            shutil.copy(corpus, folder / "papers.bib")
            loaded = LOADERS["publications"](str(folder / "papers.bib"))
            self.records = generate.from_publications(loaded.records)
            self.entries = len(
                re.findall(
                    r"^\s*@(?!string|preamble|comment)\w+\s*[{(]",
                    (folder / "papers.bib").read_text(
                        encoding="utf-8", errors="replace"
                    ),
                    re.M | re.I,
                )
            )
            self.has_yaml = False
        else:
            self.records = generate.write_all(int(name), folder, seed)
            self.entries = int(name)
            self.has_yaml = True
        self.rst = generate.rst_page(self.records)
        self.years = site_years([r.year for r in self.records if r.year])

    def conf(self, variant: str) -> dict[str, str]:
        """``conf.py``, and the floor's extension where it has one."""
        spec = VARIANTS[variant]
        files = {"conf.py": COMMON_CONF + spec.conf}
        if spec.floor:
            # a page per publication the list shows
            files["conf.py"] += f"floor_pages = {len(self.records)}\n"
            files["floor_pages.py"] = FLOOR_EXTENSION
        return files

    def files(self, variant: str) -> dict[str, str]:
        """The single-page project of ``variant``: file name -> text."""
        files = self.conf(variant)
        files["index.rst"] = self.rst if variant == "rst" else page(variant)
        return files

    def site_files(self, variant: str) -> dict[str, str]:
        """The 50-page project: an index and 50 filtered views."""
        files = self.conf(variant)
        names = [f"p{number:02d}" for number in range(1, SITE_PAGES + 1)]
        files["index.rst"] = (
            heading("Site") + ".. toctree::\n\n" + "".join(f"   {n}\n" for n in names)
        )
        for number, (name, year) in enumerate(
            zip(names, self.years, strict=True), start=1
        ):
            files[f"{name}.rst"] = (
                generate.rst_page(self.records, f"Publications since {year}", year)
                if variant == "rst"
                else page(variant, year, number)
            )
        return files


#: the words of the memory row's pages
PLAIN_WORDS = (
    "the", "a", "an", "of", "to", "in", "on", "for", "with", "from", "by",
    "about", "under", "over", "after", "before", "river", "stone", "paper",
    "garden", "window", "morning", "letter", "question", "answer", "number",
    "quiet", "small", "early", "bright", "simple", "long", "open", "green",
    "careful", "ordinary", "reads", "writes", "keeps", "turns", "finds",
    "holds", "shows", "brings", "makes", "takes",
)  # fmt: skip


def plain_site(pages: int, extension: bool) -> dict[str, str]:
    """The memory row's site: ``pages`` pages of hand-written bullet lists
    and an index with their toctree; no publication anywhere."""
    rng = random.Random(pages)
    names = [f"page{number:03d}" for number in range(1, pages + 1)]
    files = {
        "conf.py": COMMON_CONF + (SCHOLAR if extension else ""),
        "index.rst": heading("Plain pages")
        + ".. toctree::\n\n"
        + "".join(f"   {name}\n" for name in names),
    }
    for number, name in enumerate(names, start=1):
        items = []
        for _ in range(MEMORY_ITEMS):
            words = [rng.choice(PLAIN_WORDS) for _ in range(rng.randint(3, 6))]
            items.append(f"- {' '.join(words).capitalize()}.\n")
        files[f"{name}.rst"] = heading(f"Page {number}") + "".join(items)
    return files


def write_project(folder: Path, files: dict[str, str], data: Path | None) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if data is not None:
        shutil.copy(data, folder / data.name)


def edit_one_title(folder: Path, variant: str, count: int) -> None:
    """Change the title of one entry: in the data file, or in the page."""
    data = VARIANTS[variant].data
    if variant == "rst":
        path = folder / "index.rst"
        # the first entry's title: "- | **Title**" or "- | `Title <url>`__"
        pattern = re.compile(r"^(- \| (?:\*\*|`))", re.M)
    elif data.endswith(".yaml"):
        path = folder / data
        pattern = re.compile(r"^(\s*title: \")", re.M)
    else:
        path = folder / data
        pattern = re.compile(r"^(\s*title\s*=\s*[{\"])", re.M | re.I)
    text = path.read_text(encoding="utf-8")
    text, done = pattern.subn(rf"\g<1>Edited {count} ", text, count=1)
    assert done, f"no title to edit in {path}"
    path.write_text(text, encoding="utf-8")


# -- measuring ---------------------------------------------------------------


class BuildFailed(RuntimeError):
    pass


def sphinx_build(
    python: str, src: Path, jobs: int = 1, fresh: bool = False, keep=()
) -> dict:
    """Run one build in a fresh child; its wall-clock time and peak memory.
    ``fresh``: from nothing, but the folders ``keep`` names under ``_build``."""
    out = src / "_build"
    if fresh:
        aside = src.parent / f"{src.name}-kept"
        shutil.rmtree(aside, ignore_errors=True)
        kept = [rel for rel in keep if (out / rel).exists()]
        for index, rel in enumerate(kept):
            aside.mkdir(exist_ok=True)
            shutil.move(out / rel, aside / str(index))
        shutil.rmtree(out, ignore_errors=True)
        for index, rel in enumerate(kept):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(aside / str(index), out / rel)
        shutil.rmtree(aside, ignore_errors=True)
    out.mkdir(exist_ok=True)
    argv = [python, "-m", "sphinx", "-b", "html", "-q", "-d", str(out / "doctrees")]
    if jobs > 1:
        argv += ["-j", str(jobs)]
    argv += [str(src), str(out / "html")]
    errors = out / "stderr.txt"
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (
            os.POSIX_SPAWN_OPEN,
            2,
            str(errors),
            os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
            0o644,
        ),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(python, argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    stderr = errors.read_text(encoding="utf-8", errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise BuildFailed(f"{' '.join(argv)} failed:\n{stderr[-3000:]}")
    warnings = [line for line in stderr.splitlines() if "WARNING" in line]
    kinds: dict[str, int] = {}
    for line in warnings:
        kind = re.search(r"\[([\w.-]+)\]\s*$", line)
        kinds[kind.group(1) if kind else "other"] = (
            kinds.get(kind.group(1) if kind else "other", 0) + 1
        )
    # ru_maxrss is in kilobytes on Linux; it covers the child and the
    # children it waited for (the workers of -j 2)
    return {
        "seconds": seconds,
        # user + system time: less disturbed than the wall clock by other work
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "warnings": len(warnings),
        "warning_kinds": kinds,
        "warning_lines": warnings[:5],
    }


def median(values):
    return statistics.median(values) if values else None


def summarise(samples: list[dict]) -> dict:
    return {
        "seconds": [round(s["seconds"], 4) for s in samples],
        "median": round(median([s["seconds"] for s in samples]), 4),
        "cpu_seconds": [round(s["cpu_seconds"], 4) for s in samples],
        "cpu_median": round(median([s["cpu_seconds"] for s in samples]), 4),
        "rss_mb": [round(s["rss_mb"], 1) for s in samples],
        "rss_mb_median": round(median([s["rss_mb"] for s in samples]), 1),
        "warnings": max(s["warnings"] for s in samples),
        "warning_kinds": max(
            (s["warning_kinds"] for s in samples), key=lambda k: sum(k.values())
        ),
        "warning_lines": max((s["warning_lines"] for s in samples), key=len),
    }


def measure_size(
    dataset: Dataset, variants, measures, runs: int, python: str, root: Path, log
) -> dict:
    samples: dict[str, dict[str, list]] = {}
    for run in range(runs):
        for variant in variants:
            spec = VARIANTS[variant]
            if spec.data == "papers.yaml" and not dataset.has_yaml:
                continue
            wanted = [measure for measure in measures if measure in spec.measures]
            if not wanted:
                continue
            data = dataset.folder / spec.data if spec.data else None
            got = samples.setdefault(variant, {})

            def record(measure, result, got=got, run=run, variant=variant):
                got.setdefault(measure, []).append(result)
                log(
                    f"  {dataset.name:>8} run {run + 1}/{runs} {variant:<17} "
                    f"{measure:<8} {result['seconds']:8.2f} s {result['rss_mb']:7.0f} MB"
                    + (
                        f"  ({result['warnings']} warnings)"
                        if result["warnings"]
                        else ""
                    )
                )

            one = root / variant / "page"
            if {"full", "noop", "edit", "full-j2"} & set(wanted):
                # the data as generated
                write_project(one, dataset.files(variant), data)
                record("full", sphinx_build(python, one, fresh=True))
                if "noop" in wanted:
                    record("noop", sphinx_build(python, one))
                if "edit" in wanted:
                    edit_one_title(one, variant, run + 1)
                    record("edit", sphinx_build(python, one))
                    if is_scholar(variant):
                        record("page", pages_build(python, one, spec.pages))
                if "full-j2" in wanted:
                    record("full-j2", sphinx_build(python, one, jobs=2, fresh=True))
            site = root / variant / "site"
            if "site" in wanted or "site-j2" in wanted:
                write_project(site, dataset.site_files(variant), data)
            if "site" in wanted:
                record("site", sphinx_build(python, site, fresh=True))
            if "site-j2" in wanted:
                record("site-j2", sphinx_build(python, site, jobs=2, fresh=True))
    return {
        variant: {measure: summarise(values) for measure, values in got.items()}
        for variant, got in samples.items()
    }


def pages_build(python: str, src: Path, pages: bool) -> dict:
    """What the pages that show an edited entry cost: a build from nothing but
    the parsed data sphinx-scholar keeps beside the doctrees, and (publication
    pages on) the publication pages already written, less the one the edit
    wrote again. It reads and writes the list's page and that one publication
    page, and checks the others, without parsing the data file."""
    keep = ["doctrees/scholar"]
    if pages:
        folder = src / "_build" / "html" / PAGES_FOLDER
        written = sorted(
            folder.glob("*.html"), key=lambda path: path.stat().st_mtime_ns
        )
        if written:
            written[-1].unlink()  # the newest: the edited entry's page
        keep.append(f"html/{PAGES_FOLDER}")
    return sphinx_build(python, src, fresh=True, keep=keep)


def measure_baseline(
    runs: int, python: str, root: Path, log, samples: dict | None = None
) -> dict:
    """The one-page project without the extension, built ``runs`` times; with
    the ``samples`` of an earlier call, all of them. The benchmark calls it at
    its start and at its end, so that the baseline is not all taken while
    the machine is slower or faster than for the rest of the run."""
    folder = root / "baseline"
    write_project(
        folder,
        {"conf.py": COMMON_CONF, "index.rst": heading("Home") + "Hello.\n"},
        None,
    )
    samples = samples or {"full": [], "noop": []}
    full, noop = samples["full"], samples["noop"]
    for _ in range(runs):
        full.append(sphinx_build(python, folder, fresh=True))
        noop.append(sphinx_build(python, folder))
        log(
            f"  baseline run {len(full)}: full {full[-1]['seconds']:.2f} s, no-op {noop[-1]['seconds']:.2f} s"
        )
    return samples


def measure_memory(pages: int, runs: int, python: str, root: Path, log) -> dict:
    """The memory row: a site of ``pages`` plain pages (no publication
    anywhere), a full build with ``extensions = ["sphinx_scholar"]`` and one
    without any extension, ``runs`` times each, in turn."""
    samples: dict[str, list] = {"with": [], "without": []}
    for name in samples:
        write_project(root / "memory" / name, plain_site(pages, name == "with"), None)
    for run in range(runs):
        for name, got in samples.items():
            got.append(sphinx_build(python, root / "memory" / name, fresh=True))
            log(
                f"  memory run {run + 1}/{runs} {name:<7} {pages} pages "
                f"{got[-1]['seconds']:8.2f} s {got[-1]['rss_mb']:7.0f} MB"
            )
    return {
        "pages": pages,
        "items": MEMORY_ITEMS,
        "variants": {name: summarise(got) for name, got in samples.items()},
    }


# -- the machine and the versions --------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "system": f"{platform.system()} {platform.release()}",
    }


#: The packages whose builds are compared, and what they run on.
COMPILED_PACKAGES = (
    "sphinx_scholar", "sphinxcontrib.bibtex", "pybtex", "pybtex_docutils",
    "latexcodec", "yaml", "sphinx", "docutils", "alabaster",
    "sphinx_book_theme", "pydata_sphinx_theme",
)  # fmt: skip


def compile_bytecode(python: str) -> None:
    """Compile the measured packages' bytecode first, as pip does when it
    installs them. Without it, an editable install of sphinx-scholar run
    with ``PYTHONDONTWRITEBYTECODE`` (as in many containers) compiles its
    modules again at every build, which a user's install never does."""
    code = (
        "import compileall, importlib, os\n"
        f"for name in {COMPILED_PACKAGES!r}:\n"
        "    try:\n"
        "        module = importlib.import_module(name)\n"
        "    except ImportError:\n"
        "        continue\n"
        "    compileall.compile_dir(os.path.dirname(module.__file__), quiet=2)\n"
    )
    subprocess.run([python, "-c", code], check=True)


def versions(python: str) -> dict:
    code = (
        "import json, platform\n"
        "from importlib.metadata import version\n"
        "out = {'Python': platform.python_version()}\n"
        "for name in ('Sphinx', 'sphinx-scholar', 'sphinxcontrib-bibtex', 'pybtex',"
        " 'pybtex-docutils', 'docutils', 'PyYAML', 'sphinx-book-theme',"
        " 'pydata-sphinx-theme'):\n"
        "    try:\n"
        "        out[name] = version(name)\n"
        "    except Exception:\n"
        "        out[name] = None\n"
        "print(json.dumps(out))\n"
    )
    found = json.loads(subprocess.check_output([python, "-c", code], text=True))
    try:
        commit = subprocess.check_output(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            text=True,
            stderr=subprocess.DEVNULL,
        ).strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "sphinx_scholar"],
            stderr=subprocess.DEVNULL,
        ).returncode
        found["sphinx-scholar commit"] = commit + (
            " (with uncommitted changes)" if dirty else ""
        )
    except (OSError, subprocess.CalledProcessError):
        pass
    return found


# -- the report --------------------------------------------------------------


def fmt_seconds(value) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def fmt_ratio(a, b) -> str:
    if a is None or b is None or not b:
        return "—"
    return f"{a / b:.2f}×"


def get(results, size, variant, measure, key="median"):
    return (
        results["sizes"]
        .get(size, {})
        .get("variants", {})
        .get(variant, {})
        .get(measure, {})
        .get(key)
    )


def goals(results: dict) -> list[dict]:
    """The targets sphinx-scholar is judged against, and what was measured.
    All are on the default configuration (publication pages on), but the
    memory row's, which has no publication."""
    checks = []
    base_noop = results["baseline"]["noop"]["median"]

    def check(goal, variant, value, limit, detail, cpu=None):
        checks.append(
            {
                "goal": goal,
                "variant": variant,
                "value": value,
                "limit": limit,
                "passed": None if value is None else value <= limit,
                "detail": detail,
                "cpu_value": cpu,
            }
        )

    def cpu_ratio(size_a, variant_a, measure_a, size_b, variant_b, measure_b):
        if variant_b == "baseline":
            b = results["baseline"][measure_b].get("cpu_median")
        else:
            b = get(results, size_b, variant_b, measure_b, "cpu_median")
        a = get(results, size_a, variant_a, measure_a, "cpu_median")
        return a / b if a and b else None

    for theme, suffix in THEMES:
        cost = pages_cost(results, "2000", suffix)
        check(
            f"publication pages at 2,000 entries ({theme}) ≤ 1.3× the theme "
            "floor's pages",
            f"scholar-bib{suffix}",
            cost["ratio"] if cost else None,
            1.3,
            cost["detail"] if cost else "not measured",
            cost["cpu_ratio"] if cost else None,
        )
    for variant in ("scholar-bib", "scholar-yaml"):
        full = get(results, "2000", variant, "full")
        bib = get(results, "2000", "bibtex", "full")
        check(
            "full build at 2,000 entries ≤ 0.75× sphinxcontrib-bibtex",
            variant,
            full / bib if full and bib else None,
            0.75,
            f"{fmt_seconds(full)} vs {fmt_seconds(bib)}",
            cpu_ratio("2000", variant, "full", "2000", "bibtex", "full"),
        )
        noop = get(results, "2000", variant, "noop")
        check(
            "no-op rebuild (2,000 entries) ≤ 1.3× one page without the extension",
            variant,
            noop / base_noop if noop and base_noop else None,
            1.3,
            f"{fmt_seconds(noop)} vs {fmt_seconds(base_noop)}",
            cpu_ratio("2000", variant, "noop", None, "baseline", "noop"),
        )
        edit = get(results, "5000", variant, "edit")
        noop5k = get(results, "5000", variant, "noop")
        page = get(results, "5000", variant, "page")
        base_full = results["baseline"]["full"]["median"]
        allowed = 1.5 * noop5k + (page - base_full) if noop5k and page else None
        cpu = [
            get(results, "5000", variant, measure, "cpu_median")
            for measure in ("edit", "noop", "page")
        ]
        base_full_cpu = results["baseline"]["full"].get("cpu_median")
        cpu_allowed = (
            1.5 * cpu[1] + cpu[2] - base_full_cpu
            if all(cpu) and base_full_cpu
            else None
        )
        check(
            "editing one entry of 5,000 ≤ 1.5× the no-op rebuild + the pages "
            "that show it",
            variant,
            edit / allowed if edit and allowed else None,
            1.0,
            f"{fmt_seconds(edit)} vs 1.5 × {fmt_seconds(noop5k)} + "
            f"({fmt_seconds(page)} − {fmt_seconds(base_full)})",
            cpu[0] / cpu_allowed if cpu[0] and cpu_allowed else None,
        )
        big = get(results, "20000", variant, "full")
        check(
            "full build at 20,000 entries ≤ 11× at 2,000",
            variant,
            big / full if big and full else None,
            11.0,
            f"{fmt_seconds(big)} vs {fmt_seconds(full)}",
            cpu_ratio("20000", variant, "full", "2000", variant, "full"),
        )
        rss = get(results, "20000", variant, "full", "rss_mb_median")
        rss_rst = get(results, "20000", "rst", "full", "rss_mb_median")
        check(
            "peak memory at 20,000 entries ≤ 1.5× hand-written rST",
            variant,
            rss / rss_rst if rss and rss_rst else None,
            1.5,
            f"{rss:.0f} MB vs {rss_rst:.0f} MB" if rss and rss_rst else "not measured",
        )
    memory = results.get("memory")
    with_, without = memory_rss(memory)
    check(
        f"peak memory of {memory['pages'] if memory else MEMORY_PAGES} plain pages "
        "with the extension ≤ 1.15× without",
        "memory",
        with_ / without if with_ and without else None,
        1.15,
        f"{with_:.0f} MB vs {without:.0f} MB" if with_ and without else "not measured",
    )
    return checks


def pages_cost(results: dict, size: str, suffix: str = "") -> dict | None:
    """The publication pages' cost (the default configuration's full build
    less the list only's) and the theme floor's pages' (the floor's less the
    list only's), in ``suffix``'s theme; ``None`` where one is not measured."""

    def three(key):
        return [
            get(results, size, f"{variant}{suffix}", "full", key)
            for variant in ("scholar-bib", "scholar-list", "floor")
        ]

    pages, listed, floor = three("median")
    if not (pages and listed and floor):
        return None
    cost, floor_cost = pages - listed, floor - listed
    cpu_pages, cpu_listed, cpu_floor = three("cpu_median")
    cpu_ratio = None
    if cpu_pages and cpu_listed and cpu_floor and cpu_floor > cpu_listed:
        cpu_ratio = (cpu_pages - cpu_listed) / (cpu_floor - cpu_listed)
    return {
        "pages": pages,
        "list": listed,
        "floor": floor,
        "cost": cost,
        "floor_cost": floor_cost,
        "ratio": cost / floor_cost if floor_cost > 0 else None,
        "cpu_ratio": cpu_ratio,
        "detail": f"({fmt_seconds(pages)} − {fmt_seconds(listed)}) vs "
        f"({fmt_seconds(floor)} − {fmt_seconds(listed)})",
    }


def memory_rss(memory: dict | None) -> tuple[float | None, float | None]:
    if not memory:
        return None, None
    return tuple(
        memory["variants"].get(name, {}).get("rss_mb_median")
        for name in ("with", "without")
    )


def list_table(
    header: list[str], rows: list[list[str]], widths: str | None = None
) -> str:
    out = [".. list-table::", "   :header-rows: 1"]
    if widths:
        out.append(f"   :widths: {widths}")
    out.append("")
    for row in [header] + rows:
        out.append(f"   * - {row[0]}")
        out.extend(f"     - {cell}" for cell in row[1:])
    return "\n".join(out) + "\n"


def minutes(seconds: float) -> str:
    count = max(1, round(seconds / 60))
    return f"{count} minute{'s' if count > 1 else ''}"


def size_title(results, size) -> str:
    info = results["sizes"][size]
    if size == "tugboat":
        return f"biber_tugboat.bib (real, {info['entries']:,} entries)"
    return f"{info['entries']:,} entries (generated)"


def variants_in(results: dict, sizes=None) -> list[str]:
    """The variants measured (at ``sizes``), in the order of the tables."""
    found = {
        variant
        for size in sizes or results["sizes"]
        for variant in results["sizes"][size]["variants"]
    }
    known = [name for name in VARIANTS if name in found]
    return known + sorted(found - set(known))


def report_rst(results: dict) -> str:
    m, v = results["machine"], results["versions"]
    lines = [
        "Results",
        "-------",
        "",
        f"Measured on {results['date']}: {m['cpu']}, {m['cores']} cores"
        + (f", {m['memory_gb']} GB of memory" if m.get("memory_gb") else "")
        + f", {m['system']}; "
        + ", ".join(f"{name} {value}" for name, value in v.items() if value)
        + ".",
        "",
        f"Command: ``{results['command']}``, {minutes(results['total_seconds'])}. "
        + (
            f"Times are wall-clock medians of {results['runs']} runs"
            if results["runs"] > 1
            else "Times are wall-clock times of one run"
        )
        + "; memory is the peak resident set of the build process. "
        "Ratios are sphinx-scholar's time (or memory) divided by the other's. "
        "sphinx-scholar is in its default configuration, a page per "
        "publication, but where a row says *list only*.",
        "",
        f"A one-page project without any extension: full build "
        f"{fmt_seconds(results['baseline']['full']['median'])}, no-op rebuild "
        f"{fmt_seconds(results['baseline']['noop']['median'])}.",
        "",
    ]
    sizes = sorted(results["sizes"], key=lambda size: results["sizes"][size]["entries"])

    # the overview: a full build of the one page, at every size
    lines += ["Full build, by size", "~~~~~~~~~~~~~~~~~~~", ""]
    shown = [
        variant
        for variant in variants_in(results)
        if not (variant in VARIANTS and VARIANTS[variant].book)
    ]
    header = (
        ["entries"]
        + [label(variant) for variant in shown]
        + [
            "scholar (.bib) ÷ bibtex",
            "list only ÷ rST",
            "publication pages ÷ floor's pages",
        ]
    )
    rows = []
    for size in sizes:
        row = [size_title(results, size).replace(" (generated)", "")]
        row += [fmt_seconds(get(results, size, variant, "full")) for variant in shown]
        row.append(
            fmt_ratio(
                get(results, size, "scholar-bib", "full"),
                get(results, size, "bibtex", "full"),
            )
        )
        row.append(
            fmt_ratio(
                get(results, size, "scholar-list", "full"),
                get(results, size, "rst", "full"),
            )
        )
        cost = pages_cost(results, size)
        row.append(f"{cost['ratio']:.2f}×" if cost and cost["ratio"] else "—")
        rows.append(row)
    lines.append(list_table(header, rows))

    # what the publication pages cost, against the theme's floor
    rows = []
    for size in sizes:
        for theme, suffix in THEMES:
            cost = pages_cost(results, size, suffix)
            if cost is None:
                continue
            rows.append(
                [
                    size_title(results, size).replace(" (generated)", ""),
                    theme,
                    fmt_seconds(cost["list"]),
                    fmt_seconds(cost["pages"]),
                    fmt_seconds(cost["floor"]),
                    fmt_seconds(cost["cost"]),
                    fmt_seconds(cost["floor_cost"]),
                    f"{cost['ratio']:.2f}×" if cost["ratio"] else "—",
                    f"{cost['cpu_ratio']:.2f}×" if cost["cpu_ratio"] else "—",
                ]
            )
    if rows:
        lines += [
            "Publication pages and the theme floor",
            "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
            "",
            list_table(
                [
                    "entries",
                    "theme",
                    "list only",
                    "default (pages on)",
                    "floor",
                    "publication pages",
                    "floor's pages",
                    "ratio",
                    "by CPU time",
                ],
                rows,
            ),
        ]

    columns = [
        ("full", "full build"),
        ("noop", "no-op rebuild"),
        ("edit", "edit one entry"),
        ("page", "the pages that show it"),
        ("site", f"{SITE_PAGES} pages"),
        ("site-j2", f"{SITE_PAGES} pages, ``-j 2``"),
        ("full-j2", "full build, ``-j 2``"),
    ]
    for size in sizes:
        title = size_title(results, size)
        lines += [title, "~" * len(title), ""]
        here = variants_in(results, [size])
        present = [
            (measure, name)
            for measure, name in columns
            if any(get(results, size, variant, measure) is not None for variant in here)
        ]
        header = [""] + [name for _, name in present] + ["peak memory"]
        rows = []
        for variant in here:
            row = [label(variant)]
            row += [
                fmt_seconds(get(results, size, variant, measure))
                for measure, _ in present
            ]
            rss = get(results, size, variant, "full", "rss_mb_median")
            row.append(f"{rss:.0f} MB" if rss else "—")
            rows.append(row)
        for other in ("rst", "bibtex"):
            row = [f"sphinx-scholar (.bib) ÷ {label(other)}"]
            row += [
                fmt_ratio(
                    get(results, size, "scholar-bib", measure),
                    get(results, size, other, measure),
                )
                for measure, _ in present
            ]
            row.append(
                fmt_ratio(
                    get(results, size, "scholar-bib", "full", "rss_mb_median"),
                    get(results, size, other, "full", "rss_mb_median"),
                )
            )
            rows.append(row)
        if "noop" in dict(present):
            row = ["sphinx-scholar (.bib) ÷ one page without extension"]
            row += ["—"] * len(present) + ["—"]
            row[1 + [m for m, _ in present].index("noop")] = fmt_ratio(
                get(results, size, "scholar-bib", "noop"),
                results["baseline"]["noop"]["median"],
            )
            rows.append(row)
        lines.append(list_table(header, rows))
        warned = {}
        for variant, measures in results["sizes"][size]["variants"].items():
            for measure, data in measures.items():
                if data["warnings"]:
                    kinds = data.get("warning_kinds") or {"": data["warnings"]}
                    text = ", ".join(
                        f"{count} ``{kind}``" if kind else str(count)
                        for kind, count in sorted(kinds.items())
                    )
                    warned.setdefault(text, []).append(f"{label(variant)} ({measure})")
        for text, where in warned.items():
            lines += [
                f"Warnings printed: {text}, by {'; '.join(where)} "
                "(problems in the data file, reported and skipped).",
                "",
            ]

    memory = results.get("memory")
    if memory:
        title = f"{memory['pages']} plain pages, with and without the extension"
        lines += [
            title,
            "~" * len(title),
            "",
            f"Each page a bullet list of {memory['items']} items of a few words, "
            "and an index with their toctree; no publication anywhere.",
            "",
        ]
        got = memory["variants"]
        rows = []
        for name, text in (
            ("without", "without any extension"),
            ("with", '``extensions = ["sphinx_scholar"]``'),
        ):
            data = got.get(name)
            rows.append(
                [
                    text,
                    fmt_seconds(data["median"] if data else None),
                    fmt_seconds(data["cpu_median"] if data else None),
                    f"{data['rss_mb_median']:.0f} MB" if data else "—",
                ]
            )
        with_, without = got.get("with"), got.get("without")
        if with_ and without:
            rows.append(
                [
                    "with ÷ without",
                    fmt_ratio(with_["median"], without["median"]),
                    fmt_ratio(with_["cpu_median"], without["cpu_median"]),
                    fmt_ratio(with_["rss_mb_median"], without["rss_mb_median"]),
                ]
            )
        lines.append(list_table(["", "full build", "CPU time", "peak memory"], rows))

    lines += ["Against the goals", "~~~~~~~~~~~~~~~~~", ""]
    rows = []
    with_cpu = any(check.get("cpu_value") for check in results["goals"])
    for check in results["goals"]:
        verdict = {True: "passes", False: "fails", None: "not measured"}[
            check["passed"]
        ]
        value = f"{check['value']:.2f}×" if check["value"] is not None else "—"
        row = [check["goal"], label(check["variant"]), value, check["detail"]]
        if with_cpu:
            row.append(f"{check['cpu_value']:.2f}×" if check.get("cpu_value") else "—")
        rows.append(row + [verdict])
    header = (
        ["goal", "", "measured", "times"]
        + (["by CPU time"] if with_cpu else [])
        + ["verdict"]
    )
    lines.append(list_table(header, rows))
    lines += [
        "The verdict is on wall-clock time (and on memory for the goals on "
        "memory)."
        + (
            " The ratio of CPU times (user and system time of the build and its "
            "workers) is less disturbed by other work on the machine."
            if with_cpu
            else ""
        ),
        "",
    ]
    return "\n".join(lines)


def print_summary(results: dict) -> None:
    columns = MEASURES[:3] + ("page",) + MEASURES[3:]
    print()
    print(
        f"{'size':>8} {'variant':<18}"
        + "".join(f"{m:>9}" for m in columns)
        + f"{'peak MB':>9}"
    )
    for size, info in results["sizes"].items():
        for variant, measures in info["variants"].items():
            cells = "".join(
                f"{measures[m]['median']:>9.2f}" if m in measures else f"{'—':>9}"
                for m in columns
            )
            rss = measures.get("full", {}).get("rss_mb_median")
            print(f"{size:>8} {variant:<18}{cells}{rss or 0:>9.0f}")
    base = results["baseline"]
    print(
        f"baseline one page without extension: full {base['full']['median']:.2f} s, "
        f"no-op {base['noop']['median']:.2f} s"
    )
    for size in results["sizes"]:
        for theme, suffix in THEMES:
            cost = pages_cost(results, size, suffix)
            if cost and cost["ratio"]:
                print(
                    f"{size:>8} {theme}: publication pages {cost['cost']:.2f} s, "
                    f"the floor's pages {cost['floor_cost']:.2f} s: "
                    f"{cost['ratio']:.2f}x"
                )
    memory = results.get("memory")
    if memory:
        for name, data in memory["variants"].items():
            print(
                f"{memory['pages']} plain pages, {name} the extension: "
                f"{data['median']:.2f} s, {data['rss_mb_median']:.0f} MB"
            )
    print()
    for check in results["goals"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[check["passed"]]
        value = f"{check['value']:.2f}x" if check["value"] is not None else "—"
        print(
            f"{verdict} {check['variant']:<17} {check['goal']}: {value} (limit {check['limit']}x; {check['detail']})"
        )


# -- the command -------------------------------------------------------------


def parse_sizes(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...] | None]]:
    """``100,2000,20000:full+rst+scholar-bib``: each size, its measures and
    (when named) its variants."""
    sizes = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        name, _, spec = item.partition(":")
        name = name.replace("_", "")
        if name != "tugboat" and not name.isdigit():
            raise SystemExit(f"unknown size {name!r}: a number or 'tugboat'")
        words = [word for word in spec.split("+") if word]
        unknown = set(words) - set(MEASURES) - set(VARIANTS)
        if unknown:
            raise SystemExit(
                f"unknown measure(s) or variant(s) {', '.join(sorted(unknown))}; "
                f"measures: {', '.join(MEASURES)}; variants: {', '.join(VARIANTS)}"
            )
        measures = tuple(w for w in words if w in MEASURES) or MEASURES
        variants = tuple(w for w in words if w in VARIANTS) or None
        sizes.append((name, measures, variants))
    return sizes


def chosen_variants(
    size: str, variants: list[str], only: tuple[str, ...] | None, book_sizes: set
) -> list[str]:
    """The variants built at ``size``: those it names, or all of ``variants``
    (the book theme's at ``book_sizes`` only)."""
    if only is not None:
        return [variant for variant in variants if variant in only]
    return [
        variant
        for variant in variants
        if not VARIANTS[variant].book or size in book_sizes
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Build the same publication list with sphinx-scholar, "
        "sphinxcontrib-bibtex and hand-written rST, and compare.",
    )
    parser.add_argument(
        "--sizes",
        default=None,
        help=f"comma-separated sizes, each a number or 'tugboat', optionally "
        f"SIZE:measure+measure (default {DEFAULT_SIZES})",
    )
    parser.add_argument(
        "--runs", type=int, default=None, help="runs per measure (default 3)"
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"sizes {QUICK_SIZES}, one run"
    )
    parser.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help="which projects to build (default: all)",
    )
    parser.add_argument(
        "--book-sizes",
        default=DEFAULT_BOOK_SIZES,
        help="the sizes at which the sphinx-book-theme variants are built, "
        "unless a size names its variants (default %(default)s)",
    )
    parser.add_argument(
        "--memory-pages",
        type=int,
        default=MEMORY_PAGES,
        help="the pages of the memory row's site, built with and without the "
        "extension (default %(default)s; 0 leaves it out)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="the real BibTeX file of the 'tugboat' size",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the Python that runs Sphinx (default: this one)",
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE,
        help="where results.json and results.rst go (default: bench/)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the projects (printed)"
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="only write results.rst again from results.json",
    )
    args = parser.parse_args(argv)
    if args.report_only:
        results = json.loads((args.out / "results.json").read_text(encoding="utf-8"))
        results["goals"] = goals(results)
        (args.out / "results.rst").write_text(report_rst(results), encoding="utf-8")
        print_summary(results)
        return 0

    sizes = parse_sizes(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))
    runs = args.runs or (1 if args.quick else 3)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    for variant in variants:
        if variant not in VARIANTS:
            raise SystemExit(
                f"unknown variant {variant!r}; known: {', '.join(VARIANTS)}"
            )
    book_sizes = {size.strip().replace("_", "") for size in args.book_sizes.split(",")}
    if any(size[0] == "tugboat" for size in sizes) and not args.corpus.is_file():
        print(
            f"{args.corpus} is not there: the 'tugboat' size is left out",
            file=sys.stderr,
        )
        sizes = [size for size in sizes if size[0] != "tugboat"]

    def log(message):
        print(message, flush=True)

    root = Path(tempfile.mkdtemp(prefix="scholar-bench-"))
    started = time.perf_counter()
    results = {
        "date": datetime.date.today().isoformat(),
        "command": "python bench/run.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "runs": runs,
        "runs_text": f"{runs} run{'s' if runs > 1 else ''}",
        "machine": machine(),
        "versions": versions(args.python),
        "site_pages": SITE_PAGES,
        "sizes": {},
    }
    log(f"projects in {root}")
    compile_bytecode(args.python)
    try:
        baseline = measure_baseline(max(runs, 3), args.python, root, log)
        for name, measures, only in sizes:
            dataset = Dataset(name, root / f"data-{name}", args.corpus, args.seed)
            chosen = chosen_variants(name, variants, only, book_sizes)
            log(
                f"{name}: {dataset.entries} entries; {', '.join(measures)}; {', '.join(chosen)}"
            )
            results["sizes"][name] = {
                "entries": dataset.entries,
                "measures": list(measures),
                "site_filter_years": sorted(set(dataset.years)),
                "variants": measure_size(
                    dataset, chosen, measures, runs, args.python, root / name, log
                ),
            }
        if args.memory_pages > 0:
            log(f"memory: {args.memory_pages} plain pages, with and without")
            results["memory"] = measure_memory(
                args.memory_pages, runs, args.python, root, log
            )
        measure_baseline(max(runs, 3), args.python, root, log, baseline)
        results["baseline"] = {
            measure: summarise(values) for measure, values in baseline.items()
        }
    finally:
        if args.keep:
            print(f"projects kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["goals"] = goals(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (args.out / "results.rst").write_text(report_rst(results), encoding="utf-8")
    print_summary(results)
    print(
        f"\n{results['total_seconds']:.0f} s in all; wrote {args.out / 'results.json'} and {args.out / 'results.rst'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
