"""The fields of event files, declared once: the event, its sponsors, the
roles of people, the programme and its contributions.

:mod:`.events` reads event files by them; the JSON Schemas and the reference
are made from them.
"""

from __future__ import annotations

from ..event_model import CONTRIBUTION_KINDS, PEOPLE_JOINS, PROGRAM_KINDS
from .declarations import Choice, Field, Record
from .publication_fields import AUTHOR, LINKS

#: Other words for the kinds of programme items and contributions.
KIND_ALIASES = {
    "oral presentation": "oral",
    "presentation": "talk",
    "invited talk": "talk",
    "sessions": "session",
    "oral session": "session",
    "poster session": "session",
    "competition": "challenge",
    "short course": "tutorial",
}


EVENT = Record(
    "event",
    "event",
    "The event itself. Only `name` is required.",
    (
        Field(
            "name",
            "text",
            "The event's short name (required), as in `Google is a Platinum Sponsor of ICML 2015.`; its papers are those whose venue is this name.",
            required=True,
            examples=("ICML 2015",),
        ),
        Field(
            "title",
            "text",
            "The event's full title.",
            examples=("The 32nd International Conference on Machine Learning",),
        ),
        Field("start", "date", "The first day.", examples=("2015-07-06",)),
        Field(
            "end", "date", "The last day; not before `start`.", examples=("2015-07-11",)
        ),
        Field(
            "date",
            "date",
            "The day of a one-day event, instead of `start`.",
            examples=("2015-07-06",),
        ),
        Field("place", "text", "Where it takes place.", examples=("Lille, France",)),
        Field(
            "url", "url", "The event's website.", examples=("https://icml.cc/2015/",)
        ),
        Field(
            "description",
            "text",
            "A description, for the calendar file and JSON-LD.",
            examples=("A conference on machine learning.",),
        ),
    ),
)
SPONSOR = Record(
    "sponsor",
    "sponsor",
    "A sponsor of the event. Only `name` is required.",
    (
        Field(
            "name",
            "text",
            "The sponsor (required).",
            required=True,
            examples=("Google",),
        ),
        Field(
            "level",
            "text",
            "The level: `Google is a Platinum Sponsor of ICML 2015.`",
            examples=("Platinum",),
        ),
        Field(
            "logo",
            "url",
            "A logo: a URL or a file relative to the event file.",
            examples=("logos/google.png",),
        ),
        Field(
            "url",
            "url",
            "The sponsor's website.",
            examples=("https://research.google/",),
        ),
    ),
)
ROLE = Record(
    "role",
    "role",
    "People in one role. `role` and `people` are required.",
    (
        Field(
            "group",
            "text",
            "A heading for the roles under it, such as a committee.",
            examples=("Organizing Committee",),
        ),
        Field(
            "role",
            "text",
            "The role (required).",
            required=True,
            examples=("Area Chair",),
        ),
        Field(
            "people",
            "people",
            "Who (required): names or {name, person, url, mark} mappings, as in a publication's authors.",
            required=True,
            record=AUTHOR,
            examples=(["Corinna Cortes", "Samy Bengio"],),
        ),
        Field(
            "partial",
            "flag",
            "Whether `people` are only the organisation's share of the role (of a committee): the role reads `Program Committee includes` (`include` after a plural, `Program Organizers include`).",
            examples=(True,),
        ),
        Field(
            "join",
            "choice",
            "How the names are joined: `comma` (A, B, C), `and` (A, B and C), `oxford` (A, B, and C) or `ampersand` (A, B & C). Default: the directive's `:people-join:`, else `comma`.",
            choice=Choice("people join", PEOPLE_JOINS, {}, default=""),
            examples=("ampersand",),
        ),
    ),
)
CONTRIBUTION = Record(
    "contribution",
    "contribution",
    "A paper, poster or talk inside a programme item. Only `title` is required.",
    (
        Field(
            "kind",
            "choice",
            "The kind",
            choice=Choice("contribution kind", CONTRIBUTION_KINDS, KIND_ALIASES),
            examples=("poster",),
        ),
        Field(
            "title",
            "text",
            "The title (required).",
            required=True,
            examples=("Bernoulli numbers by machine",),
        ),
        Field(
            "authors",
            "people",
            "The authors.",
            record=AUTHOR,
            examples=(["A. Lovelace"],),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/poster",),
        ),
        Field(
            "links",
            "links",
            "Links shown as [label].",
            record=LINKS,
            examples=({"pdf": "https://example.org/poster.pdf"},),
        ),
    ),
)
ITEM = Record(
    "item",
    "programme item",
    "One item of the programme: a keynote, tutorial, workshop, challenge... Only `title` is required.",
    (
        Field(
            "key",
            "text",
            "The item's key; made from its title when missing.",
            examples=("difference-engines",),
        ),
        Field(
            "kind",
            "choice",
            "The kind, which `:group: type` groups by",
            choice=Choice("programme kind", PROGRAM_KINDS, KIND_ALIASES),
            examples=("workshop", "tutorial"),
        ),
        Field(
            "title",
            "text",
            "The title (required).",
            required=True,
            examples=("Workshop on Difference Engines",),
        ),
        Field(
            "url",
            "url",
            "Where the title links.",
            examples=("https://example.org/workshop",),
        ),
        Field(
            "people",
            "people",
            "Presenters, shown without a role.",
            record=AUTHOR,
            examples=(["Ada Lovelace", "Charles Babbage"],),
        ),
        Field(
            "roles",
            "records",
            "People in roles: organizers, speakers, panelists.",
            record=ROLE,
            examples=([{"role": "Organizers", "people": ["Charles Babbage"]}],),
        ),
        Field(
            "contributions",
            "records",
            "Papers, posters and talks in the item.",
            record=CONTRIBUTION,
            examples=(
                [
                    {
                        "kind": "poster",
                        "title": "Bernoulli numbers by machine",
                        "authors": ["A. Lovelace"],
                    }
                ],
            ),
        ),
        Field(
            "sponsors",
            "comma_texts",
            "Its sponsors; when only the file's `organisation`, it reads `(sponsor)`.",
            examples=(["Engine Lab"],),
        ),
        Field(
            "description",
            "text",
            "A description.",
            examples=("A day on difference engines.",),
        ),
        Field(
            "links",
            "links",
            "Links shown as [label].",
            record=LINKS,
            examples=({"web": "https://example.org/workshop"},),
        ),
        Field(
            "tags",
            "comma_texts",
            "Tags, for `:filter: tag == ...`.",
            examples=(["engines"],),
        ),
    ),
)
#: A whole event file.
EVENT_FILE = Record(
    "event_file",
    "event file",
    "An event and an organisation's part in it: sponsorship, roles, programme. Read by the `sponsorship`, `event-roles`, `event-program` and `event` directives.",
    (
        Field(
            "event",
            "record",
            "The event (required): at least its `name`.",
            required=True,
            record=EVENT,
            examples=(
                {
                    "name": "ICML 2015",
                    "start": "2015-07-06",
                    "end": "2015-07-11",
                    "place": "Lille, France",
                },
            ),
        ),
        Field(
            "organisation",
            "text",
            "Whose part the file tells; programme items it alone sponsors read `(sponsor)`.",
            examples=("Google",),
        ),
        Field(
            "sponsors",
            "records",
            "Sponsors of the event.",
            record=SPONSOR,
            examples=([{"name": "Google", "level": "Platinum"}],),
        ),
        Field(
            "roles",
            "records",
            "Roles at the event itself: committees, chairs, boards.",
            record=ROLE,
            examples=(
                [
                    {
                        "group": "Organizing Committee",
                        "role": "Program Chair",
                        "people": ["Corinna Cortes"],
                    }
                ],
            ),
        ),
        Field(
            "program",
            "records",
            "The programme items: keynotes, tutorials, workshops, challenges...",
            record=ITEM,
            examples=(
                [{"kind": "workshop", "title": "Workshop on Difference Engines"}],
            ),
        ),
    ),
)
FILE_FIELDS = EVENT_FILE.names
EVENT_FIELDS = EVENT.names
ITEM_FIELDS = ITEM.names
ROLE_FIELDS = ROLE.names
CONTRIBUTION_FIELDS = CONTRIBUTION.names
SPONSOR_FIELDS = SPONSOR.names
