"""Lines and paragraphs of publications written as HTML, without docutils
nodes, as Sphinx's HTML translator writes them (see :mod:`.entry_html` and
:mod:`..page_body`).

A block is its markup and its texts; the texts get smart quotes together, as
Sphinx gives them to a block it reads, and math is written by the builder's
translator.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from .nodes import ShownPerson
from .smart_quotes import TYPOGRAPHY, educate


def translated(translator: nodes.NodeVisitor, node: nodes.Node) -> str:
    """``node`` as ``translator`` (the builder's) writes it."""
    translator.body = []  # type: ignore[attr-defined]
    node.walkabout(translator)
    return "".join(translator.body)  # type: ignore[attr-defined]


class Block:
    """A title, paragraph or line: its markup and its texts."""

    __slots__ = ("end", "pieces", "start")

    def __init__(self, start: str, end: str) -> None:
        self.start = start
        self.end = end
        #: ("tag", markup), ("text", words) or ("math", LaTeX)
        self.pieces: list[tuple[str, str]] = []

    def tag(self, markup: str) -> None:
        self.pieces.append(("tag", markup))

    def text(self, words: str, joined: bool = False) -> None:
        """``words``; ``joined`` to the text before them, as one text node
        (an author list's plain names and commas, see :func:`.people_nodes`)."""
        if joined and self.pieces and self.pieces[-1][0] == "text":
            self.pieces[-1] = ("text", self.pieces[-1][1] + words)
        elif words:
            self.pieces.append(("text", words))

    def math(self, latex: str) -> None:
        self.pieces.append(("math", latex))

    def words(self) -> str:
        return "".join(value for kind, value in self.pieces if kind == "text")


class BlockWriter:
    """Writes blocks: ``encode`` escapes a text, ``attribute`` an attribute's
    value, ``translate`` writes a node (math) as the builder does."""

    def __init__(
        self,
        document: nodes.document,
        translate: Callable[[nodes.Node], str],
        encode: Callable[[str], str],
        attribute: Callable[[str], str],
    ) -> None:
        self.document = document  # the settings smart quotes follow
        self.translate = translate
        self.encode = encode
        self.attribute = attribute

    def write(self, block: Block) -> str:
        """The block as HTML, its texts given smart quotes (in ``block`` too)."""
        if TYPOGRAPHY.search(
            "".join(value for kind, value in block.pieces if kind != "tag")
        ):
            block.pieces = self.educated(block.pieces)
        encode = self.encode
        out = [block.start]
        for kind, value in block.pieces:
            if kind == "tag":
                out.append(value)
            elif kind == "text":
                out.append(encode(value))
            else:
                out.append(self.translate(nodes.math(f"${value}$", value)))
        out.append(block.end)
        return "".join(out)

    def educated(self, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The pieces with smart quotes, given by Sphinx to their texts as one
        block (its math untouched)."""
        shown = [
            nodes.Text(value) if kind == "text" else nodes.math(value, value)
            for kind, value in pieces
            if kind != "tag"
        ]
        paragraph = nodes.paragraph("", "", *shown)
        educate(paragraph, self.document)
        texts = iter(paragraph.children)
        result = []
        for kind, value in pieces:
            if kind == "tag":
                result.append((kind, value))
                continue
            node = next(texts)
            result.append((kind, str(node) if kind == "text" else value))
        return result

    def words(self, block: Block, text: str, math: tuple[str, ...] | None) -> None:
        """A title or abstract, with its math (see :func:`.math_nodes`)."""
        if not math:
            block.text(text)
            return
        for index, piece in enumerate(math):
            if index % 2:
                block.math(piece)
            else:
                block.text(piece)

    def link_start(self, uri: str, internal: bool, classes: str = "") -> str:
        """``<a class="reference external" href="...">``, as Sphinx opens a
        reference with ``classes``."""
        kind = "internal" if internal else "external"
        return (
            f'<a class="{classes}reference {kind}" href="{self.attribute(uri or "#")}">'
        )

    def person(
        self,
        block: Block,
        shown: ShownPerson,
        person_uri: Callable[[str], str | None],
    ) -> None:
        """An author as :func:`.person_node` shows them (see
        :func:`.shown_person`); ``person_uri`` gives the address of a
        person's page (none where it is not written)."""
        url = shown.url or (person_uri(shown.page) if shown.page else None)
        if shown.highlighted:
            block.tag('<strong class="scholar-highlight">')
        if url:
            block.tag(self.link_start(url, internal=not shown.url))
        # a name linked to a page (its own, here) is a text of its own
        plain = not (shown.url or shown.page or shown.highlighted)
        block.text(shown.text, joined=plain)
        if url:
            block.tag("</a>")
        if shown.highlighted:
            block.tag("</strong>")
