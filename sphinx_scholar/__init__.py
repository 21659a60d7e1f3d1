"""sphinx-scholar: academic websites with Sphinx."""

__version__ = "0.1.0.dev0"


def setup(app):
    from .extension import setup as setup_extension

    return setup_extension(app)
