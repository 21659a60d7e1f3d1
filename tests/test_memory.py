"""A guest in the build: a site that uses no directive of the extension
needs about the memory it needs without it."""

import os
import subprocess
import sys

PAGES = 40
ITEMS = 150


def ordinary_site(folder, with_extension: bool):
    folder.mkdir()
    extensions = '["sphinx_scholar"]' if with_extension else "[]"
    (folder / "conf.py").write_text(
        f'project = "Ordinary"\nextensions = {extensions}\n', encoding="utf-8"
    )
    toctree = "".join(f"   page{n}\n" for n in range(PAGES))
    (folder / "index.rst").write_text(
        f"Home\n====\n\n.. toctree::\n\n{toctree}", encoding="utf-8"
    )
    for n in range(PAGES):
        items = "".join(
            f"- **Item {i}** of page {n}: *some emphasis*, a `link "
            f"<https://example.org/{n}/{i}>`_ and a sentence with ``code``.\n"
            for i in range(ITEMS)
        )
        title = f"Page {n}"
        (folder / f"page{n}.rst").write_text(
            f"{title}\n{'=' * len(title)}\n\n{items}", encoding="utf-8"
        )
    return folder


def peak_memory_kib(srcdir, outdir) -> int:
    """The peak resident memory of a fresh ``sphinx-build`` of the site."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        stdout=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return usage.ru_maxrss


def test_a_site_without_directives_needs_no_more_memory_with_the_extension(tmp_path):
    without = peak_memory_kib(ordinary_site(tmp_path / "plain", False), tmp_path / "a")
    with_it = peak_memory_kib(ordinary_site(tmp_path / "scholar", True), tmp_path / "b")
    print(f"peak memory: {with_it} KiB with the extension, {without} KiB without")
    assert with_it <= 1.15 * without, (with_it, without)


def test_a_build_leaves_the_collector_and_the_exit_as_they_were(
    make_app, root_copy, monkeypatch
):
    """Python's collector and exit hooks belong to the process, which the
    extension shares with Sphinx, other extensions and long-running servers."""
    import atexit
    import gc

    calls = []
    for name in ("disable", "freeze", "unfreeze", "set_threshold"):
        real = getattr(gc, name)
        monkeypatch.setattr(
            gc, name, lambda *a, real=real, name=name: calls.append(name) or real(*a)
        )
    registered = []
    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: registered.append(f))
    make_app("html", srcdir=root_copy("basic")).build()
    assert calls == []
    assert gc.isenabled()
    # others may register theirs (certifi does, when Sphinx imports it)
    assert gc.freeze not in registered
    assert not [f for f in registered if "scholar" in getattr(f, "__module__", "")]
