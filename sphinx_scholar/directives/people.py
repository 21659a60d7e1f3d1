"""``.. people::`` lists a lab's members; ``.. profile:: ID`` opens a homepage."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Subtype, warn
from ..people import Highlight
from ..registry import note_people_dependency, registry_for
from ..render.context import render_context
from ..render.files import resolve
from ..render.people import DEFAULT_PARTS, PARTS, render_people, render_profile
from .listing import ListingDirective


class PeopleDirective(ListingDirective):
    """The people of the registry, or of the file given as argument."""

    kind = "people"
    required_arguments = 0
    optional_arguments = 1
    default_sort = ""
    default_group = "none"

    def run(self) -> list[nodes.Node]:
        if self.arguments:
            loaded = self.load()
            if loaded is None:
                return []
        else:
            note_people_dependency(self.env)
            loaded = list(registry_for(self.env).people.values())
        records = self.select(loaded)
        if records is None:
            return []
        by, groups = self.groups(records)
        parts = self.parts(PARTS, DEFAULT_PARTS)
        result = render_people(
            groups, by, parts, self.context(records), self.sections_allowed()
        )
        return self.with_classes(result)


class ProfileDirective(SphinxDirective):
    """A person's profile from the registry, with the directive's content as bio."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        note_people_dependency(self.env)
        registry = registry_for(self.env)
        person = registry.people.get(self.arguments[0])
        if person is None:
            warn(
                f"profile: no person {self.arguments[0]!r} in the people registry "
                "(scholar_people_file or scholar_people)",
                Subtype.person,
                self.get_location(),
            )
            return []
        bio = self.parse_content_to_nodes() if self.content else []
        ctx = render_context(self, Highlight())
        problems = resolve([person], ctx.files, self.env, self.env.docname)
        self.env.get_domain("scholar").note_problems(self.env.docname, problems)
        return [render_profile(person, bio, ctx)]
