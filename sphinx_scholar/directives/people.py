"""``.. people::`` lists a lab's members; ``.. profile:: ID`` opens a homepage."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Subtype, warn
from ..domain import scholar_domain
from ..people_matching import Highlight
from ..render.context import render_context
from ..render.files import resolve
from ..render.people import DEFAULT_PARTS, PARTS, render_people, render_profile
from ..site_people import note_people_dependency, registry_for
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


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class ProfileDirective(SphinxDirective):
    """A person's profile from the registry, with the directive's content as bio.

    ``:name:`` is ``auto`` (the name is left out where the section the profile
    opens is titled with it, as a homepage's title is), ``show`` or ``hide``;
    ``:photo:`` is ``round`` or ``square``; ``:areas:`` puts the research
    areas ``before`` the bio (the default) or ``after`` it, under a heading."""

    required_arguments = 1
    has_content = True
    option_spec = {
        "name": lambda value: directives.choice(value, ("auto", "show", "hide")),
        "photo": lambda value: directives.choice(value, ("round", "square")),
        "areas": lambda value: directives.choice(value, ("before", "after")),
    }

    def titled_with(self, person) -> bool:
        """Whether the section around the directive is titled with the
        person's name (or one of its variants)."""
        # MyST parses with a stand-in for docutils' state, which has no parent
        renderer = getattr(self.state, "_renderer", None)
        node = renderer.current_node if renderer is not None else self.state.parent
        while node is not None and not isinstance(node, nodes.section):
            node = node.parent
        if node is None or not node.children:
            return False
        title = node[0]
        if not isinstance(title, nodes.title):
            return False
        return any(
            _same_name(title.astext(), name) for name in (person.name, *person.variants)
        )

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
        name = self.options.get("name", "auto")
        show_name = name == "show" or (name == "auto" and not self.titled_with(person))
        bio = self.parse_content_to_nodes() if self.content else []
        ctx = render_context(self, Highlight())
        problems = resolve([person], ctx.files, self.env, self.env.docname)
        scholar_domain(self.env).note_problems(self.env.docname, problems)
        return [
            render_profile(
                person,
                bio,
                ctx,
                show_name=show_name,
                photo_shape=self.options.get("photo", "round"),
                areas=self.options.get("areas", "before"),
            )
        ]
