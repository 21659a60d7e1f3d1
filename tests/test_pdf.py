"""The example site's CV builds to a PDF with LaTeX, and reads as a CV.

Needs TeX Live and latexmk (Debian: texlive-latex-recommended,
texlive-latex-extra, texlive-fonts-recommended, tex-gyre, latexmk) and
pdftotext (poppler-utils); CI installs them.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
TOOLS = ("latexmk", "pdflatex", "pdftotext")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]

if MISSING and os.environ.get("CI"):
    raise RuntimeError(f"CI must install {', '.join(MISSING)} (see .ci/run)")

needs_tex = pytest.mark.skipif(
    bool(MISSING), reason=f"{', '.join(MISSING)} not installed (CI installs them)"
)


@needs_tex
def test_example_cv_builds_to_a_pdf_that_reads_like_a_cv(make_app, tmp_path):
    app = make_app(
        "latex", srcdir=REPO / "example_site", builddir=tmp_path, freshenv=True
    )
    app.build()
    assert app.warning.getvalue() == ""
    done = subprocess.run(
        [
            "latexmk",
            "-pdf",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "norouzi-cv.tex",
        ],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(
        ["pdftotext", "-layout", str(app.outdir / "norouzi-cv.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for expected in (
        "Senior Research Scientist",
        "PhD student, Computer Science, University of Toronto",
        "Advisor: David Fleet, Sep 2010 - Dec 2015",
        "Mentors: Samy Bengio, Yoram Singer - Summer 2013.",
        "CSC2503: Foundations of Computer Vision (Grad),",
        "≤ 2015",
        "[81 mins] Lecture on “Towards a unified view of supervised learning and reinforcement",
    ):
        assert any(expected in line for line in lines), expected
