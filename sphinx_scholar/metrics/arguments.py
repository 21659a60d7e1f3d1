"""The options of ``sphinx-scholar metrics``, apart so that the command line
builds its parser without loading the clients."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEFAULT_PUBLICATIONS = Path("data/publications.yaml")
DEFAULT_OUTPUT = Path("data/metrics.yaml")
SOURCE_CHOICES = ("openalex", "crossref", "semanticscholar", "inspire")
#: the sources asked without --source: those that count any field's works
#: and allow many requests without a key
DEFAULT_SOURCES = ("openalex", "crossref")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "publications",
        nargs="*",
        type=Path,
        help="the site's publications files (YAML, JSON or BibTeX); each "
        "publication with a DOI or an arXiv id is counted (default: "
        f"{DEFAULT_PUBLICATIONS})",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"the metrics file to update (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument(
        "--source",
        action="append",
        choices=SOURCE_CHOICES,
        help="a service to ask, once per service (default: "
        f"{' and '.join(DEFAULT_SOURCES)}); semanticscholar sends "
        "$SEMANTIC_SCHOLAR_API_KEY when set; inspire knows high-energy physics",
    )
    parser.add_argument(
        "--mailto",
        default=os.environ.get("SCHOLAR_MAILTO", ""),
        help="your e-mail address, sent to the services as they ask "
        "(default: $SCHOLAR_MAILTO)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds to wait for each answer (default: 30)",
    )
