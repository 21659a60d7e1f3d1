"""``resume.json``: the CV the site shows, as a JSON Resume document
(https://jsonresume.org/schema, version 1.0.0), written beside the pages.

Which CV entries the site shows, the ``cv`` lists tell: each notes the
entries it shows and the parts of them it shows, and the domain keeps that
when the document is read, with the ``only`` blocks around the list. The
export leaves out the lists the builder leaves out, so that nothing a list
hides is exported: not an entry its ``:filter:`` or ``:limit:`` leaves out,
nor a part its ``:hide:`` does.

positions -> ``work``, education -> ``education``, honors -> ``awards``,
service -> ``volunteer``, teaching -> ``work`` (a course line per highlight);
the site's highlighted person -> ``basics``; the publications the site
lists -> ``publications``. ``docs/cv.rst`` has the table.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from typing import TYPE_CHECKING

from . import cache
from .domain import scholar_domain
from .model import CvEntry, DateRange, Link, Person, Publication
from .people_matching import resolve_highlight
from .render.people import LINK_LABELS
from .render.publications import shown_title
from .shown import condition_holds, site_publications
from .site_people import registry_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx

RESUME_FILE = "resume.json"
SCHEMA_URL = (
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
)
#: The links of a person that are no profile on a network.
_NOT_PROFILES = {"email", "cv", "web"}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")

Point = tuple[int, int | None]


def shown_entries(app: Sphinx) -> list[tuple[CvEntry, frozenset[str]]]:
    """Each CV entry the built site shows, once, in the order of its data
    file, with the parts of it that any list shows."""
    env = app.env
    shown = scholar_domain(env).visible_cv(
        lambda expression: condition_holds(app.builder.tags, expression)
    )
    found: list[tuple[CvEntry, frozenset[str]]] = []
    data = cache.of(env)
    for path in sorted({source for source, _line, _key in shown}):
        if not os.path.isfile(path):
            continue
        for entry in data.load(path, "cv").records:
            parts = shown.get((entry.source, entry.line, entry.key))
            if parts is not None:
                found.append((entry, frozenset(parts)))
    return found


def write_resume(app: Sphinx) -> None:
    """``resume.json``, or none when the site shows no CV entry."""
    path = os.path.join(app.outdir, RESUME_FILE)
    entries = shown_entries(app)
    if not entries:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)
        return
    document = resume(app, entries)
    with open(path, "w", encoding="utf-8") as file:
        file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def resume(app: Sphinx, entries: list[tuple[CvEntry, frozenset[str]]]) -> dict:
    base = (app.config.html_baseurl or "").rstrip("/")
    document: dict = {"$schema": SCHEMA_URL}
    basics = basics_of(app)
    if basics:
        document["basics"] = basics
    by_section: dict[str, list[tuple[CvEntry, frozenset[str]]]] = {}
    for entry, parts in entries:
        by_section.setdefault(entry.section, []).append((entry, parts))
    sections = {
        "work": [
            *(work(e, parts) for e, parts in by_section.get("positions", ())),
            *teaching(by_section.get("teaching", [])),
        ],
        "volunteer": [volunteer(e, p) for e, p in by_section.get("service", ())],
        "education": [education(e, p) for e, p in by_section.get("education", ())],
        "awards": [award(e, p) for e, p in by_section.get("honors", ())],
        "publications": publications(app, base),
    }
    document.update((name, items) for name, items in sections.items() if items)
    if base:
        document["meta"] = {"canonical": f"{base}/{RESUME_FILE}"}
    return document


def _put(item: dict, **values) -> dict:
    """``item`` with the values that are known (not empty)."""
    item.update((name, value) for name, value in values.items() if value)
    return item


def iso(point: Point | None) -> str:
    """``2010-09`` or ``2010``; empty for a year JSON Resume cannot write."""
    if point is None or not 1000 <= point[0] <= 2999:
        return ""
    year, month = point
    return f"{year}-{month:02d}" if month else str(year)


def span(entry: CvEntry, parts: frozenset[str]) -> dict[str, str]:
    """``startDate`` and ``endDate`` as the page shows them: an entry still
    going on has no end; one with a start alone ends when it starts (a
    reader of JSON Resume takes a missing end for "present")."""
    if "dates" not in parts:
        return {}
    start, end, ongoing = _points(entry.dates)
    if start is None and end is None and entry.section in ("honors", "service"):
        # the page shows the year of an honour or a service role without dates
        start = end = (entry.year, None) if entry.year else None
    if start is not None and end is None and not ongoing:
        end = start
    return _put({}, startDate=iso(start), endDate="" if ongoing else iso(end))


def _points(dates: DateRange) -> tuple[Point | None, Point | None, bool]:
    start, end = dates.start, dates.end
    if start is None and end is None and dates.text:
        # free text ("Summer 2013"): from its first year to its last
        years = sorted(int(year) for year in _YEAR.findall(dates.text))
        if years:
            start, end = (years[0], None), (years[-1], None)
    return start, end, dates.ongoing


def url_of(links: tuple[Link, ...]) -> str:
    """The first link to a web page (not a file of the site): a ``web`` one if any."""
    urls = [
        (link.label != "web", file.url)
        for link in links
        for file in link.files
        if file.url.startswith(("https://", "http://"))
    ]
    return min(urls, key=lambda pair: pair[0])[1] if urls else ""


def _shown(parts: frozenset[str], part: str, value: str) -> str:
    """The value, if the lists show the part of the entry it is in."""
    return value if part in parts else ""


def work(entry: CvEntry, parts: frozenset[str]) -> dict:
    def shown(value: str) -> str:
        return _shown(parts, "title", value)

    return _put(
        {},
        name=shown(entry.organisation),
        location=shown(entry.place),
        position=shown(entry.title),
        url=_shown(parts, "links", url_of(entry.links)),
        **span(entry, parts),
        summary=_shown(parts, "description", entry.description),
    )


def volunteer(entry: CvEntry, parts: frozenset[str]) -> dict:
    item = work(entry, parts)
    item.pop("location", None)
    if "name" in item:
        # ``organization``, as JSON Resume spells it here; put first
        item = {"organization": item.pop("name"), **item}
    return item


def education(entry: CvEntry, parts: frozenset[str]) -> dict:
    def shown(value: str) -> str:
        return _shown(parts, "title", value)

    return _put(
        {},
        institution=shown(entry.organisation),
        url=_shown(parts, "links", url_of(entry.links)),
        area=shown(entry.field),
        studyType=shown(entry.title),
        **span(entry, parts),
    )


def award(entry: CvEntry, parts: frozenset[str]) -> dict:
    dates = span(entry, parts)
    return _put(
        {},
        title=_shown(parts, "title", entry.title),
        date=dates.get("startDate") or dates.get("endDate", ""),
        awarder=_shown(parts, "title", entry.organisation),
        summary=_shown(parts, "description", entry.description),
    )


def teaching(courses: list[tuple[CvEntry, frozenset[str]]]) -> list[dict]:
    """A ``work`` item per role at an institution, as the page heads a role's
    courses: a highlight per course, from its first date to its last."""
    roles: dict[tuple[str, str], list[tuple[CvEntry, frozenset[str]]]] = {}
    for course, parts in courses:
        roles.setdefault((course.role, course.organisation), []).append((course, parts))
    items = []
    for (role, organisation), taught in roles.items():
        starts: list[Point] = []
        ends: list[Point] = []
        ongoing = False
        for course, parts in taught:
            years = [(int(y), None) for t in course.terms for y in _YEAR.findall(t)]
            start, end, still = (
                _points(course.dates) if "dates" in parts else (None, None, False)
            )
            starts += [point for point in (start, end, *years) if point]
            ends += [point for point in (end, start, *years) if point]
            ongoing = ongoing or still
        items.append(
            _put(
                {},
                name=organisation,
                position=role or "Teaching",
                startDate=iso(min(starts, key=_order, default=None)),
                endDate="" if ongoing else iso(max(ends, key=_order, default=None)),
                highlights=[_course(course) for course, _parts in taught],
            )
        )
    return items


def _order(point: Point) -> tuple[int, int]:
    """A year alone before its months."""
    return point[0], point[1] or 0


def _course(course: CvEntry) -> str:
    text = f"{course.code}: {course.title}" if course.code else course.title
    remarks = [part for part in (course.level, ", ".join(course.terms)) if part]
    return f"{text} ({'; '.join(remarks)})" if remarks else text


def publications(app: Sphinx, base: str) -> list[dict]:
    """The publications the site lists (nothing its lists hide)."""
    site = site_publications(app)
    return [
        _put(
            {},
            name=shown_title(record),
            publisher=record.venue,
            releaseDate=iso((record.year, record.month)) if record.year else "",
            url=_publication_url(app, record, base, site.pages.get(record.key)),
        )
        for record in site.ordered_records()
    ]


def _publication_url(
    app: Sphinx, record: Publication, base: str, page: str | None
) -> str:
    if record.url.startswith(("https://", "http://")):
        return record.url
    if base and page:
        return f"{base}/{app.builder.get_target_uri(page)}"
    return f"https://doi.org/{record.doi}" if record.doi else ""


def highlighted_person(app: Sphinx) -> tuple[Person | None, str]:
    """The person ``scholar_highlight`` names, when it names one: from the
    people registry, or else only the name written."""
    configured = app.config.scholar_highlight
    items = [configured] if isinstance(configured, str) else list(configured or ())
    items = [item.strip() for item in items if isinstance(item, str) and item.strip()]
    if len(items) != 1:
        return None, ""
    registry = registry_for(app.env)
    highlight = resolve_highlight(items, registry)
    if len(highlight.ids) == 1:
        (person_id,) = highlight.ids
        return registry.people.get(person_id), ""
    return None, items[0] if not highlight.ids else ""


def basics_of(app: Sphinx) -> dict:
    person, name = highlighted_person(app)
    if person is None:
        return _put({}, name=name)
    urls = {
        link.label: file.url for link in reversed(person.links) for file in link.files
    }
    email = urls.get("email", "").removeprefix("mailto:").partition("?")[0]
    profiles = [
        {"network": str(LINK_LABELS.get(link.label, link.label)), "url": file.url}
        for link in person.links
        if link.label not in _NOT_PROFILES
        for file in link.files[:1]
        if file.url.startswith(("https://", "http://"))
    ]
    homepage = person.url or urls.get("web", "")
    return _put(
        {},
        name=person.name,
        label=person.role,
        email=email if "@" in email else "",
        url=homepage if homepage.startswith(("https://", "http://")) else "",
        profiles=profiles,
    )
