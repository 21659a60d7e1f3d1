from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = "sphinx.testing.fixtures"

collect_ignore = ["roots"]

# Property-based tests are reproducible (the same examples on every run) and
# short: they run with the rest of the suite. ``--hypothesis-profile=thorough``
# looks further, with new examples on each run.
settings.register_profile("scholar", derandomize=True, deadline=None, max_examples=60)
settings.register_profile("thorough", deadline=None, max_examples=2000)
settings.load_profile("scholar")


@pytest.fixture(scope="session", autouse=True)
def plain_messages():
    """Sphinx colours its messages when CI is set, even into a pipe; the
    tests read the messages of the builds they start as text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NO_COLOR", "1")
        yield


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).parent / "roots"


@pytest.fixture
def root_copy(rootdir, tmp_path):
    """A fresh copy of a test root (``"example"``: the example site), for
    tests that change its files (the ``sphinx`` marker shares one copy
    between tests). Copying again replaces the copy, at the same place."""
    import shutil

    def copy(name: str) -> Path:
        source = (
            rootdir.parent.parent / "example_site"
            if name == "example"
            else rootdir / f"test-{name}"
        )
        target = tmp_path / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("_build", "pub"))
        return target

    return copy
