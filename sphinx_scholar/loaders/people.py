"""The people registry: who the authors are, where they link, which groups they are in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Link, Person, Problem
from .declarations import Field, Record
from .fields import FieldReader
from .lists import records_of, unique_records
from .publications import read_links

#: The labels of profile links that are shown by their site's name.
PROFILE_LINKS = Record(
    "profile_links",
    "links",
    "Profile links: a mapping of labels to a URL (or a list of URLs, or a mapping of file labels to URLs). Known labels are shown by their site's name, any other as written.",
    (
        Field(
            "scholar",
            "link",
            "Google Scholar profile.",
            examples=("https://scholar.google.com/citations?user=XXXX",),
        ),
        Field(
            "orcid",
            "link",
            "ORCID record.",
            examples=("https://orcid.org/0000-0000-0000-0000",),
        ),
        Field(
            "github", "link", "GitHub profile.", examples=("https://github.com/ada",)
        ),
        Field(
            "gitlab", "link", "GitLab profile.", examples=("https://gitlab.com/ada",)
        ),
        Field(
            "cv", "link", "A CV (a URL or a file of the site).", examples=("cv.pdf",)
        ),
        Field(
            "email",
            "link",
            "An e-mail address (`mailto:` is added).",
            examples=("ada@example.org",),
        ),
        Field("web", "link", "A homepage.", examples=("https://example.org/ada",)),
        Field(
            "twitter", "link", "Twitter profile.", examples=("https://twitter.com/ada",)
        ),
        Field(
            "mastodon",
            "link",
            "Mastodon profile.",
            examples=("https://mastodon.social/@ada",),
        ),
        Field(
            "bluesky",
            "link",
            "Bluesky profile.",
            examples=("https://bsky.app/profile/ada.example.org",),
        ),
        Field(
            "linkedin",
            "link",
            "LinkedIn profile.",
            examples=("https://www.linkedin.com/in/ada",),
        ),
        Field(
            "dblp",
            "link",
            "DBLP page.",
            examples=("https://dblp.org/pid/00/0000.html",),
        ),
        Field(
            "semanticscholar",
            "link",
            "Semantic Scholar page.",
            examples=("https://www.semanticscholar.org/author/0000",),
        ),
        Field(
            "researchgate",
            "link",
            "ResearchGate profile.",
            examples=("https://www.researchgate.net/profile/Ada-Lovelace",),
        ),
    ),
    open=True,
    examples=(
        {
            "scholar": "https://scholar.google.com/citations?user=XXXX",
            "email": "ada@example.org",
        },
    ),
)

PERSON = Record(
    "person",
    "person",
    "One person of the registry. `id` and `name` are required.",
    (
        Field(
            "id",
            "text",
            "The person's id (required), unique in the registry: `person:` of an author, `:highlight:`, `:filter: author == ...` and `.. profile::` name it.",
            required=True,
            examples=("ada",),
        ),
        Field(
            "name",
            "text",
            "The name as shown (required).",
            required=True,
            examples=("Ada Lovelace",),
        ),
        Field(
            "variants",
            "texts",
            "Other spellings of the name that authors lists use; case, accents, periods and the `Last, First` order are ignored anyway.",
            examples=(["A. Lovelace", "Augusta Ada King"],),
        ),
        Field(
            "url",
            "url",
            "Where the person's name links in every list.",
            examples=("https://example.org/ada",),
        ),
        Field(
            "affiliation",
            "text",
            "Where the person works.",
            examples=("Analytical Engine Lab",),
        ),
        Field(
            "groups",
            "comma_texts",
            "Groups the person is in, for `:highlight:` and `:filter: group == ...`: a list or comma-separated text.",
            examples=(["engine-lab"], "engine-lab, alumni"),
        ),
        Field(
            "role",
            "text",
            "The person's role, which `.. people::` groups by with `:group: type`.",
            examples=("Principal investigator",),
        ),
        Field(
            "photo",
            "url",
            "A photo: a URL or a file relative to the people file.",
            examples=("photos/ada.jpg",),
        ),
        Field(
            "links",
            "links",
            "Profile links, shown by `.. people::` and `.. profile::`.",
            record=PROFILE_LINKS,
            examples=(
                {
                    "scholar": "https://scholar.google.com/citations?user=XXXX",
                    "email": "ada@example.org",
                },
            ),
        ),
        Field(
            "areas",
            "texts",
            "Research areas, shown by `.. profile::` (and by `.. people::` with `:show: areas`).",
            examples=(["Computing", "Poetical science"],),
        ),
    ),
)
FIELDS = PERSON.names


def person_from_mapping(
    data: Mapping, source: str, problems: list[Problem]
) -> Person | None:
    reader = FieldReader(data, source, problems, "person")
    reader.check_known(PERSON)
    if not (reader.require("id") and reader.require("name")):
        return None
    return Person(
        id=reader.text("id"),
        name=reader.text("name"),
        variants=reader.texts("variants"),
        url=reader.url("url"),
        affiliation=reader.text("affiliation"),
        groups=reader.texts("groups", split=","),
        role=reader.text("role"),
        photo=reader.url("photo"),
        links=tuple(_mail_links(read_links(reader, "links"))),
        areas=reader.texts("areas"),
        source=source,
        line=reader.line,
    )


def _mail_links(links: tuple[Link, ...]):
    """An ``email`` link is an address to write to, not a file of the site."""
    for link in links:
        if link.label == "email":
            files = tuple(
                file
                if file.url.startswith("mailto:")
                else replace(file, url="mailto:" + file.url)
                for file in link.files
            )
            link = replace(link, files=files)
        yield link


def people_from_data(data, source: str, problems: list[Problem]) -> list[Person]:
    people = records_of(data, source, problems, "people", person_from_mapping)
    return unique_records(people, problems, "id")
