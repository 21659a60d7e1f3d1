"""Build one page per data file of a corpus and report what rendered.

Usage: python scripts/corpus_check.py [--set NAME=VALUE ...] DIR [DIR ...]

``--set scholar_citation_style='"apa"'`` adds a line to the project's
``conf.py`` (the value a Python expression), to check the corpus under a
setting other than the defaults.

Every ``.bib``, ``.yaml``, ``.yml`` and ``.json`` file under the directories is
copied into a throw-away Sphinx project and shown with ``.. publications::``;
the report gives, per file, the entries rendered and the warnings, and says
whether the build crashed. Nothing is written outside a temporary directory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

SUFFIXES = {".bib", ".yaml", ".yml", ".json"}


def main(arguments: list[str]) -> int:
    settings = [
        arguments[index + 1]
        for index, argument in enumerate(arguments)
        if argument == "--set" and index + 1 < len(arguments)
    ]
    directories = [
        argument
        for index, argument in enumerate(arguments)
        if argument != "--set" and (index == 0 or arguments[index - 1] != "--set")
    ]
    files = sorted(
        path
        for directory in directories
        for path in Path(directory).rglob("*")
        if path.suffix in SUFFIXES
    )
    with tempfile.TemporaryDirectory() as temp:
        src = Path(temp) / "src"
        (src / "data").mkdir(parents=True)
        (src / "conf.py").write_text(
            'extensions = ["sphinx_scholar"]\n'
            + "".join(f"{setting.replace('=', ' = ', 1)}\n" for setting in settings),
            encoding="utf-8",
        )
        pages = []
        for number, path in enumerate(files):
            target = src / "data" / f"{number:03d}{path.suffix}"
            shutil.copyfile(path, target)
            page = f"file{number:03d}"
            (src / f"{page}.rst").write_text(
                f"{path.name}\n{'=' * len(path.name)}\n\n.. publications:: data/{target.name}\n",
                encoding="utf-8",
            )
            pages.append((page, path, target.name))
        toctree = "\n".join(f"   {page}" for page, _, _ in pages)
        (src / "index.rst").write_text(
            f"Corpus\n======\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
        )
        build = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-b",
                "html",
                str(src),
                str(Path(temp) / "out"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        warnings = build.stderr.splitlines()
        crashed = "Traceback" in build.stderr or "Exception occurred" in build.stderr
        total_entries = total_warnings = 0
        print(f"{'file':48} {'entries':>7} {'warnings':>8}")
        for page, path, copied in pages:
            html = Path(temp) / "out" / f"{page}.html"
            entries = 0
            if html.exists():
                soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
                entries = len(soup.select("li.scholar-publication"))
            count = sum(
                1
                for line in warnings
                if re.search(rf"data/{re.escape(copied)}\b|{page}\.rst", line)
            )
            total_entries += entries
            total_warnings += count
            print(f"{str(path)[-48:]:48} {entries:7d} {count:8d}")
        print(
            f"\n{len(pages)} files, {total_entries} entries rendered, {total_warnings} warnings, "
            f"build exit code {build.returncode}, crashed: {'yes' if crashed else 'no'}"
        )
        if crashed:
            print(build.stderr)
        return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["../shared/corpus"]))
