"""The options of ``sphinx-scholar import``, apart so that the command line
builds its parser without loading the clients."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEFAULT_OUTPUT = Path("data/publications.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a file (.bib, .ris, or CSL-JSON .json) or an identifier: "
        "doi:10.1000/xyz, arxiv:1605.08386, openalex:W2741809807, "
        "orcid:0000-0002-1825-0097 (a person's works), dblp:pid/74/4209 (a "
        "person's works in dblp) or dblp:conf/nips/VaswaniSPUJGKP17 (a dblp "
        "record)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the YAML file to write or merge into (default: beside a single "
        f"file; {DEFAULT_OUTPUT} for identifiers; - for standard output)",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="write the changes to an existing file without asking",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would change, and write nothing",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output file instead of merging into it",
    )
    parser.add_argument(
        "--mailto",
        default=os.environ.get("SCHOLAR_MAILTO", ""),
        help="your e-mail address, sent to Crossref, OpenAlex, arXiv, ORCID and "
        "dblp "
        "as they ask (default: $SCHOLAR_MAILTO)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds to wait for each answer (default: 30)",
    )
