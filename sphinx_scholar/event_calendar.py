"""An event as iCalendar (for visitors' calendars) and as schema.org JSON-LD
(for search engines)."""

from __future__ import annotations

import datetime
import json

from . import __version__
from .event_model import Event


def _date(point) -> datetime.date | None:
    if not point:
        return None
    year, month, day = point
    return datetime.date(year, month or 1, day or 1)


def event_dates(event: Event) -> tuple[datetime.date, datetime.date] | None:
    """The first and the last day of the event."""
    start = _date(event.start)
    if start is None:
        return None
    return start, _date(event.end) or start


def event_ics(event: Event, uid_domain: str = "sphinx-scholar") -> bytes | None:
    """A one-event calendar, all-day from the first day to the last."""
    import icalendar  # here: only sites with events load it

    dates = event_dates(event)
    if dates is None:
        return None
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//sphinx-scholar//{__version__}//EN")
    calendar.add("version", "2.0")
    entry = icalendar.Event()
    entry.add("uid", f"{event.key}@{uid_domain}")
    entry.add("summary", event.title or event.name)
    entry.add("dtstart", dates[0])
    if dates[1] < datetime.date.max:
        entry.add("dtend", dates[1] + datetime.timedelta(days=1))  # exclusive
    else:  # the day after 9999-12-31 has no date: the same length, said so
        entry.add("duration", dates[1] - dates[0] + datetime.timedelta(days=1))
    entry.add(
        "dtstamp", datetime.datetime.combine(dates[0], datetime.time(), datetime.UTC)
    )
    if event.place:
        entry.add("location", event.place)
    # a URI may hold no line break (the loaders read a URL without them)
    url = event.url.replace("\r", "").replace("\n", "")
    if url:
        entry.add("url", url)
    if event.description:
        entry.add("description", event.description)
    calendar.add_component(entry)
    return calendar.to_ical()


def event_jsonld(event: Event) -> str | None:
    """schema.org ``Event`` as JSON, safe to put inside a ``<script>`` element."""
    dates = event_dates(event)
    if dates is None:
        return None
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title or event.name,
        "startDate": dates[0].isoformat(),
        "endDate": dates[1].isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if event.place:
        data["location"] = {
            "@type": "Place",
            "name": event.place,
            "address": event.place,
        }
    if event.url:
        data["url"] = event.url
    if event.description:
        data["description"] = event.description
    if event.sponsors:
        data["sponsor"] = [
            {"@type": "Organization", "name": s.sponsor} for s in event.sponsors
        ]
    return script_json(data)


def script_json(data: dict) -> str:
    """JSON that is safe inside a ``<script>`` element: ``</script>`` or
    ``<!--`` in a string can neither end nor confuse it."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
