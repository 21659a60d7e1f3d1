"""The example site's CV builds to a PDF with LaTeX, and reads as a CV; links
to publications have their labels.

Needs TeX Live and latexmk (Debian: texlive-latex-recommended,
texlive-latex-extra, texlive-fonts-recommended, tex-gyre, latexmk) and
pdftotext (poppler-utils); CI installs them.
"""

import os
import re
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


def latexmk(folder: Path, tex: str) -> None:
    done = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]


def undefined(log: Path) -> list[str]:
    """The warnings of references and labels that went wrong: undefined or
    twice defined in LaTeX, or a PDF link to nowhere."""
    text = log.read_text(encoding="latin-1")
    return re.findall(
        r"LaTeX Warning: (?:Hyper reference|Reference|Citation|Label).*"
        r"|warning \(dest\):.*",
        text,
    )


HYPERREF = re.compile(r"\\hyperref\[\\detokenize\{([^}]*)\}\]")
LABEL = re.compile(r"\\label\{\\detokenize\{([^}]*)\}\}")


@pytest.mark.sphinx("latex", testroot="latex-links", freshenv=True)
def test_links_to_entries_have_labels_in_latex(app):
    """A talk's [paper] link and :scholar:pub: point at a label: the
    publication's entry carries one, on its page or on another."""
    app.build()
    assert app.warning.getvalue() == ""
    tex = (app.outdir / "links.tex").read_text(encoding="utf-8")
    links = set(HYPERREF.findall(tex))
    labels = LABEL.findall(tex)
    assert {
        "papers:pub-lovelace2019engines",  # on another page
        "index:pub-lovelace2014notes",  # on the same page, in a container
    } <= links
    assert links <= set(labels)
    assert len(labels) == len(set(labels))
    # every entry is a target, as in HTML: talks and CV entries too
    for label in ("index:talk-engines-icml", "index:cv-teaching-1"):
        assert label in labels
    # a group heading that is not a section gets its label before it
    assert (
        r"\phantomsection\label{\detokenize{index:publications-2014}}\subsubsection*"
        in tex
    )


@needs_tex
@pytest.mark.sphinx("latex", testroot="latex-links", freshenv=True)
def test_links_to_entries_resolve_in_the_pdf(app):
    app.build()
    latexmk(app.outdir, "links.tex")
    assert undefined(app.outdir / "links.log") == []


@needs_tex
def test_example_cv_builds_to_a_pdf_that_reads_like_a_cv(make_app, tmp_path):
    app = make_app(
        "latex",
        srcdir=REPO / "example_site" / "homepage",
        builddir=tmp_path,
        freshenv=True,
    )
    app.build()
    assert app.warning.getvalue() == ""
    latexmk(app.outdir, "norouzi-cv.tex")
    # a talk's [paper] link goes to the paper's entry
    assert undefined(app.outdir / "norouzi-cv.log") == []
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
        '[81 mins] Lecture on "Towards a unified view of supervised learning and reinforcement',
    ):
        assert any(expected in line for line in lines), expected
