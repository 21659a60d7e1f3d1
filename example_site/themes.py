"""The settings of each theme the example sites are shown in.

Each example site's conf.py takes its theme from here: sphinx-book-theme by
default, or the one ``SCHOLAR_THEME`` names (``sphinx_book_theme``,
``pydata_sphinx_theme``, ``furo``, ``alabaster``), so that the sites can be
built and measured in each; docs/howto/homepage.rst explains the settings.
"""

import os

THEMES = ("sphinx_book_theme", "pydata_sphinx_theme", "furo", "alabaster")


def theme_settings(sidebar: bool = True) -> dict:
    """``html_theme``, ``html_theme_options``, ``html_sidebars``,
    ``html_context`` and ``templates_path`` for a
    homepage: no download or full-screen buttons, one search box, no
    "Previous" and "Next" links; a left sidebar of pages when ``sidebar``."""
    theme = os.environ.get("SCHOLAR_THEME") or "sphinx_book_theme"
    if theme not in THEMES:
        raise ValueError(f"SCHOLAR_THEME={theme!r}: one of {', '.join(THEMES)}")
    options: dict = {}
    sidebars: dict = {}
    context: dict = {}
    if theme in ("sphinx_book_theme", "pydata_sphinx_theme"):
        # without it the theme's script says "Got invalid theme mode"
        context = {"default_mode": "auto"}
        options = {
            "show_prev_next": False,
            "secondary_sidebar_items": {"**": ["page-toc"], "index": []},
            "footer_start": ["copyright"],
            "footer_end": [],
        }
    if theme == "sphinx_book_theme":
        options.update(
            show_toc_level=2,
            article_header_end=["search-button", "theme-switcher"],
            footer_content_items=["author", "copyright"],
        )
        options.pop("footer_start")
        options.pop("footer_end")
        sidebars = {"**": ["navbar-logo", "sbt-sidebar-nav"] if sidebar else []}
    elif theme == "pydata_sphinx_theme":
        options["navbar_end"] = ["theme-switcher"]
        sidebars = {"**": ["sidebar-nav-bs"] if sidebar else []}
    elif theme == "alabaster":
        options = {"show_powered_by": False}
        sidebars = {"**": ["homepage-sidebar.html"] if sidebar else []}
    return {
        "templates_path": [os.path.join(os.path.dirname(__file__), "_templates")],
        "html_theme": theme,
        "html_theme_options": options,
        "html_sidebars": sidebars,
        "html_context": context,
    }
