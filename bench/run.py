"""The benchmark of sphinx-scholar: one command, one table.

    python bench/run.py [--sizes 100,1000,2000,5000,20000,tugboat] [--runs 3] [--quick]

For each size it builds the same publication list three ways, in throwaway
projects under a temporary folder:

* ``scholar-bib``: sphinx-scholar's ``publications`` directive on the BibTeX
  file (``scholar_publication_pages = ""``);
* ``scholar-yaml``: the same on the YAML file;
* ``bibtex``: sphinxcontrib-bibtex, ``.. bibliography::`` with ``:all:``;
* ``rst``: the same list written by hand in reStructuredText (the floor);
* ``scholar-pages``: sphinx-scholar on the BibTeX file with a page per
  publication (the default), reported on its own row;

and a one-page project without any extension (the no-op baseline), at the
start and again at the end.

Every build is ``python -m sphinx -b html -q`` in a fresh child process;
wall-clock time and the child's peak resident memory (from ``wait4``) are
recorded. The packages' bytecode is compiled first, as an installed package
has it. Results go to ``bench/results.json`` and ``bench/results.rst``
(included by ``docs/benchmark.rst``), and a summary is printed.

A size is a number of generated publications (``bench/generate.py``) or
``tugboat``, the real ``biber_tugboat.bib`` of ``../shared/corpus/bib`` (or
``--corpus``). ``SIZE:measure+measure`` limits what is measured at a size,
e.g. ``20000:full``, and to some projects, e.g. ``20000:full+rst+scholar-bib``.
Measures: ``full`` (fresh build, with peak memory),
``noop`` (a rebuild with nothing changed), ``edit`` (a rebuild after one
entry's title changed in the data file, or in the page for hand-written rST),
``site`` (a fresh build of 50 pages, each showing a filtered view of the same
file), ``site-j2`` (the same with ``-j 2``); ``scholar-pages`` measures
``full-j2`` (its one page and publication pages with ``-j 2``) instead of the
site.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
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
    "5000:full+noop+edit+scholar-bib+scholar-yaml+rst,"
    "20000:full+scholar-bib+scholar-yaml+bibtex+rst"
)
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bib" / "biber_tugboat.bib"
MEASURES = ("full", "noop", "edit", "site", "site-j2", "full-j2")
VARIANTS = ("scholar-bib", "scholar-yaml", "bibtex", "rst", "scholar-pages")
LABELS = {
    "scholar-bib": "sphinx-scholar (.bib)",
    "scholar-yaml": "sphinx-scholar (.yaml)",
    "bibtex": "sphinxcontrib-bibtex",
    "rst": "hand-written rST",
    "scholar-pages": "sphinx-scholar (.bib), publication pages on",
}
SITE_PAGES = 50


# -- the projects ------------------------------------------------------------

CONF = {
    "scholar-bib": 'extensions = ["sphinx_scholar"]\nscholar_publication_pages = ""\n',
    "scholar-yaml": 'extensions = ["sphinx_scholar"]\nscholar_publication_pages = ""\n',
    "scholar-pages": 'extensions = ["sphinx_scholar"]\n',
    "bibtex": 'extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["papers.bib"]\n',
    "rst": "",
}
DATA = {
    "scholar-bib": "papers.bib",
    "scholar-yaml": "papers.yaml",
    "scholar-pages": "papers.bib",
    "bibtex": "papers.bib",
    "rst": None,
}
COMMON_CONF = 'project = "bench"\nexclude_patterns = ["_build"]\n'


def heading(title: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n"


def page(variant: str, min_year: int | None = None, number: int = 0) -> str:
    """One page showing the list (all of it, or the years from ``min_year``)."""
    title = "Publications" if min_year is None else f"Publications since {min_year}"
    if variant.startswith("scholar"):
        text = heading(title) + f".. publications:: /{DATA[variant]}\n"
        if min_year is not None:
            text += f"   :filter: year >= {min_year}\n"
        return text
    if variant == "bibtex":
        text = heading(title) + ".. bibliography::\n"
        if min_year is None:
            return text + "   :all:\n"
        # the same entries on 50 pages: keys need a prefix to stay unique
        return text + f'   :filter: year >= "{min_year}"\n   :keyprefix: p{number}-\n'
    raise ValueError(variant)


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

    def files(self, variant: str) -> dict[str, str]:
        """The single-page project of ``variant``: file name -> text."""
        files = {"conf.py": COMMON_CONF + CONF[variant]}
        files["index.rst"] = self.rst if variant == "rst" else page(variant)
        return files

    def site_files(self, variant: str) -> dict[str, str]:
        """The 50-page project: an index and 50 filtered views."""
        files = {"conf.py": COMMON_CONF + CONF[variant]}
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
    if variant == "rst":
        path = folder / "index.rst"
        # the first entry's title: "- | **Title**" or "- | `Title <url>`__"
        pattern = re.compile(r"^(- \| (?:\*\*|`))", re.M)
    elif DATA[variant].endswith(".yaml"):
        path = folder / DATA[variant]
        pattern = re.compile(r"^(\s*title: \")", re.M)
    else:
        path = folder / DATA[variant]
        pattern = re.compile(r"^(\s*title\s*=\s*[{\"])", re.M | re.I)
    text = path.read_text(encoding="utf-8")
    text, done = pattern.subn(rf"\g<1>Edited {count} ", text, count=1)
    assert done, f"no title to edit in {path}"
    path.write_text(text, encoding="utf-8")


# -- measuring ---------------------------------------------------------------


class BuildFailed(RuntimeError):
    pass


def sphinx_build(
    python: str, src: Path, jobs: int = 1, fresh: bool = False, parsed: bool = False
) -> dict:
    """Run one build in a fresh child; its wall-clock time and peak memory.
    ``fresh``: from nothing; with ``parsed``, from nothing but the parsed data
    that sphinx-scholar keeps next to the doctrees."""
    out = src / "_build"
    if fresh:
        kept = out / "doctrees" / "scholar"
        if parsed and kept.is_dir():
            shutil.move(kept, src / "parsed-data")
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(src / "pub", ignore_errors=True)  # publication pages
        if parsed and (src / "parsed-data").is_dir():
            kept.parent.mkdir(parents=True)
            shutil.move(src / "parsed-data", kept)
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
            if variant == "scholar-yaml" and not dataset.has_yaml:
                continue
            data = dataset.folder / DATA[variant] if DATA[variant] else None
            got = samples.setdefault(variant, {})

            def record(measure, result, got=got, run=run, variant=variant):
                got.setdefault(measure, []).append(result)
                log(
                    f"  {dataset.name:>8} run {run + 1}/{runs} {variant:<13} "
                    f"{measure:<8} {result['seconds']:8.2f} s {result['rss_mb']:7.0f} MB"
                    + (
                        f"  ({result['warnings']} warnings)"
                        if result["warnings"]
                        else ""
                    )
                )

            one = root / variant / "page"
            if {"full", "noop", "edit", "full-j2"} & set(measures):
                write_project(
                    one, dataset.files(variant), data
                )  # the data as generated
                record("full", sphinx_build(python, one, fresh=True))
                if "noop" in measures:
                    record("noop", sphinx_build(python, one))
                if "edit" in measures:
                    edit_one_title(one, variant, run + 1)
                    record("edit", sphinx_build(python, one))
                    if variant.startswith("scholar"):
                        # what the page costs when its data need not be parsed
                        record("page", sphinx_build(python, one, fresh=True, parsed=True))
                if "full-j2" in measures and variant == "scholar-pages":
                    record("full-j2", sphinx_build(python, one, jobs=2, fresh=True))
            if variant == "scholar-pages":
                continue  # its pages are the same with or without 50 views
            site = root / variant / "site"
            if "site" in measures or "site-j2" in measures:
                write_project(site, dataset.site_files(variant), data)
            if "site" in measures:
                record("site", sphinx_build(python, site, fresh=True))
            if "site-j2" in measures:
                record("site-j2", sphinx_build(python, site, jobs=2, fresh=True))
    return {
        variant: {measure: summarise(values) for measure, values in got.items()}
        for variant, got in samples.items()
    }


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
    "latexcodec", "yaml", "sphinx", "docutils",
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
        " 'pybtex-docutils', 'docutils', 'PyYAML'):\n"
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
    """The targets sphinx-scholar is judged against, and what was measured."""
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

    for variant in ("scholar-bib", "scholar-yaml"):
        full = get(results, "2000", variant, "full")
        rst = get(results, "2000", "rst", "full")
        bib = get(results, "2000", "bibtex", "full")
        check(
            "full build at 2,000 entries ≤ 1.0× hand-written rST",
            variant,
            full / rst if full and rst else None,
            1.0,
            f"{fmt_seconds(full)} vs {fmt_seconds(rst)}",
            cpu_ratio("2000", variant, "full", "2000", "rst", "full"),
        )
        check(
            "full build at 2,000 entries ≤ 0.35× sphinxcontrib-bibtex",
            variant,
            full / bib if full and bib else None,
            0.35,
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
        big = get(results, "20000", variant, "full")
        check(
            "full build at 20,000 entries ≤ 11× at 2,000",
            variant,
            big / full if big and full else None,
            11.0,
            f"{fmt_seconds(big)} vs {fmt_seconds(full)}",
            cpu_ratio("20000", variant, "full", "2000", variant, "full"),
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
            1.5 * cpu[1] + cpu[2] - base_full_cpu if all(cpu) and base_full_cpu else None
        )
        check(
            "editing one entry of 5,000 ≤ 1.5× the no-op rebuild + the page's cost",
            variant,
            edit / allowed if edit and allowed else None,
            1.0,
            f"{fmt_seconds(edit)} vs 1.5 × {fmt_seconds(noop5k)} + "
            f"({fmt_seconds(page)} − {fmt_seconds(base_full)})",
            cpu[0] / cpu_allowed if cpu_allowed else None,
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
    return checks


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


def size_title(results, size) -> str:
    info = results["sizes"][size]
    if size == "tugboat":
        return f"biber_tugboat.bib (real, {info['entries']:,} entries)"
    return f"{info['entries']:,} entries (generated)"


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
        f"Command: ``{results['command']}``, {results['total_seconds'] / 60:.0f} minutes. "
        + (
            f"Times are wall-clock medians of {results['runs']} runs"
            if results["runs"] > 1
            else "Times are wall-clock times of one run"
        )
        + "; memory is the peak resident set of the build process. "
        "Ratios are sphinx-scholar's time (or memory) divided by the other's.",
        "",
        f"A one-page project without any extension: full build "
        f"{fmt_seconds(results['baseline']['full']['median'])}, no-op rebuild "
        f"{fmt_seconds(results['baseline']['noop']['median'])}.",
        "",
    ]
    sizes = sorted(results["sizes"], key=lambda size: results["sizes"][size]["entries"])

    # the overview: a full build of the one page, at every size
    lines += ["Full build, by size", "~~~~~~~~~~~~~~~~~~~", ""]
    header = (
        ["entries"]
        + [LABELS[v] for v in VARIANTS]
        + ["scholar (.bib) ÷ rST", "scholar (.bib) ÷ bibtex"]
    )
    rows = []
    for size in sizes:
        row = [size_title(results, size).replace(" (generated)", "")]
        row += [
            fmt_seconds(get(results, size, variant, "full")) for variant in VARIANTS
        ]
        row.append(
            fmt_ratio(
                get(results, size, "scholar-bib", "full"),
                get(results, size, "rst", "full"),
            )
        )
        row.append(
            fmt_ratio(
                get(results, size, "scholar-bib", "full"),
                get(results, size, "bibtex", "full"),
            )
        )
        rows.append(row)
    lines.append(list_table(header, rows))

    columns = [
        ("full", "full build"),
        ("noop", "no-op rebuild"),
        ("edit", "edit one entry"),
        ("page", "the page, data parsed"),
        ("site", f"{SITE_PAGES} pages"),
        ("site-j2", f"{SITE_PAGES} pages, ``-j 2``"),
        ("full-j2", "full build, ``-j 2``"),
    ]
    for size in sizes:
        title = size_title(results, size)
        lines += [title, "~" * len(title), ""]
        present = [
            (measure, label)
            for measure, label in columns
            if any(
                get(results, size, variant, measure) is not None for variant in VARIANTS
            )
        ]
        header = [""] + [label for _, label in present] + ["peak memory"]
        rows = []
        for variant in VARIANTS:
            if variant not in results["sizes"][size]["variants"]:
                continue
            row = [LABELS[variant]]
            row += [
                fmt_seconds(get(results, size, variant, measure))
                for measure, _ in present
            ]
            rss = get(results, size, variant, "full", "rss_mb_median")
            row.append(f"{rss:.0f} MB" if rss else "—")
            rows.append(row)
        for other, label in (
            ("rst", "hand-written rST"),
            ("bibtex", "sphinxcontrib-bibtex"),
        ):
            row = [f"sphinx-scholar (.bib) ÷ {label}"]
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
                    warned.setdefault(text, []).append(f"{LABELS[variant]} ({measure})")
        for text, where in warned.items():
            lines += [
                f"Warnings printed: {text}, by {'; '.join(where)} "
                "(problems in the data file, reported and skipped).",
                "",
            ]

    lines += ["Against the goals", "~~~~~~~~~~~~~~~~~", ""]
    rows = []
    with_cpu = any(check.get("cpu_value") for check in results["goals"])
    for check in results["goals"]:
        verdict = {True: "passes", False: "fails", None: "not measured"}[
            check["passed"]
        ]
        value = f"{check['value']:.2f}×" if check["value"] is not None else "—"
        row = [check["goal"], LABELS[check["variant"]], value, check["detail"]]
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
        "The verdict is on wall-clock time (and on memory for the last goal)."
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
    print()
    print(
        f"{'size':>8} {'variant':<14}"
        + "".join(f"{m:>10}" for m in MEASURES)
        + f"{'peak MB':>10}"
    )
    for size, info in results["sizes"].items():
        for variant, measures in info["variants"].items():
            cells = "".join(
                f"{measures[m]['median']:>10.2f}" if m in measures else f"{'—':>10}"
                for m in MEASURES
            )
            rss = measures.get("full", {}).get("rss_mb_median")
            print(f"{size:>8} {variant:<14}{cells}{rss or 0:>10.0f}")
    base = results["baseline"]
    print(
        f"baseline one page without extension: full {base['full']['median']:.2f} s, "
        f"no-op {base['noop']['median']:.2f} s"
    )
    print()
    for check in results["goals"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a "}[check["passed"]]
        value = f"{check['value']:.2f}x" if check["value"] is not None else "—"
        print(
            f"{verdict} {check['variant']:<13} {check['goal']}: {value} (limit {check['limit']}x; {check['detail']})"
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
            chosen = [v for v in variants if only is None or v in only]
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
