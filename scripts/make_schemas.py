"""Write the JSON Schemas of the data formats from the loaders' declarations.

    python scripts/make_schemas.py          # writes sphinx_scholar/schemas/*.json
    python scripts/make_schemas.py --check  # fails if a schema is not up to date

Run it after changing the fields a loader declares (``Field`` and ``Record``
in ``sphinx_scholar/loaders/``); the schemas are committed so that editors can
read them from the repository, and a test checks that they are up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sphinx_scholar.loaders.schema import FORMATS, schema_text  # noqa: E402

SCHEMA_DIR = ROOT / "sphinx_scholar" / "schemas"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name in FORMATS:
        path = SCHEMA_DIR / f"{name}.schema.json"
        text = schema_text(name)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("out of date (run scripts/make_schemas.py):", *stale, sep="\n  ")
        return 1
    for path in stale:
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
