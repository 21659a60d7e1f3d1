"""Wiring the extension into Sphinx: directives, config, domain and build events."""

from __future__ import annotations

import os

from sphinx.application import Sphinx

from . import __version__, cache, config
from .diagnostics import report
from .directives.listing import cache_dir
from .directives.publications import PublicationsDirective
from .domain import ScholarDomain
from .locale import MESSAGE_CATALOG
from .registry import registry_for, report_problems

STATIC_DIR = os.path.join(os.path.dirname(__file__), "static")
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")

#: Bump when what the extension stores in the environment changes shape.
ENV_VERSION = 1

#: Characters the extension itself writes that pdflatex does not know by default.
PDFLATEX_CHARACTERS = r"""
% sphinx-scholar: characters of group headings and author marks
\DeclareUnicodeCharacter{2264}{\ensuremath{\leq}}
\DeclareUnicodeCharacter{2020}{\textdagger}
\DeclareUnicodeCharacter{2021}{\textdaggerdbl}
"""


def setup(app: Sphinx) -> dict:
    config.register(app)
    app.add_domain(ScholarDomain)
    app.add_directive("publications", PublicationsDirective)
    app.add_message_catalog(MESSAGE_CATALOG, LOCALE_DIR)
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-before-read-docs", on_before_read_docs)
    app.connect("env-updated", on_env_updated)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def on_config_inited(app: Sphinx, config) -> None:
    if config.latex_engine == "pdflatex":
        elements = dict(config.latex_elements)
        elements["preamble"] = elements.get("preamble", "") + PDFLATEX_CHARACTERS
        config.latex_elements = elements


def on_builder_inited(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(STATIC_DIR)
        app.add_css_file("sphinx-scholar.css")
    report_problems(app.env)


_read_this_build: list[str] = []


def on_before_read_docs(app: Sphinx, env, docnames: list[str]) -> None:
    """Remember what is read, and parse the data files those pages showed last
    time here, before parallel workers fork, so that they share one parse."""
    _read_this_build[:] = docnames
    registry_for(env)
    domain: ScholarDomain = env.get_domain("scholar")
    for path, kind in domain.sources_of(docnames):
        if os.path.isfile(path):
            cache.load(path, kind, cache_dir(env))


def on_env_updated(app: Sphinx, env) -> list[str]:
    """Report the problems of every data file shown by a page read in this
    build, once each, whatever the number of pages and processes."""
    domain: ScholarDomain = env.get_domain("scholar")
    for path, kind in domain.sources_of(_read_this_build):
        loaded = cache.load(path, kind, cache_dir(env))
        for problem in sorted(loaded.problems, key=lambda p: p.line):
            report(problem)
    _read_this_build.clear()
    return []
