"""Which files the extension may read: those in the source directory, and in
the folders ``scholar_outside_dirs`` names.

A data file, a people file, or a file a record links to (a PDF, a photo) is
copied into the site or shown on it; one outside the source directory, by a
``../`` path, an absolute path or a symbolic link, could publish any file of
the machine that builds the site. Paths are compared once symbolic links are
resolved, so a link inside the source directory to a file outside it is
outside too.
"""

from __future__ import annotations

import os

CONFIG_NAME = "scholar_outside_dirs"


def readable_folders(srcdir, config) -> tuple[str, ...]:
    """The source directory and the allowed folders, their links resolved."""
    folders = [srcdir, *(os.path.join(srcdir, d) for d in config.scholar_outside_dirs)]
    return tuple(os.path.realpath(folder) for folder in folders)


def is_readable(path: str, folders: tuple[str, ...]) -> bool:
    real = os.path.realpath(path)
    return any(
        real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
        for folder in folders
    )


def outside_message(path: str) -> str:
    """The end of a warning about a file that may not be read."""
    return (
        f"is outside the source directory ({os.path.realpath(path)}); it is not "
        f"read: add its folder to {CONFIG_NAME} in conf.py to allow it"
    )
