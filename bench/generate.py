"""Deterministic publication sets for the benchmark.

``python bench/generate.py N OUTDIR [--seed S]`` writes ``papers.bib``,
``papers.yaml`` and ``papers.rst`` (the hand-written reStructuredText that
shows the same list) into OUTDIR. The same seed and N always give the same
files, byte for byte.

The records look like the publication lists of academic sites: 1 to 12
authors (some names with accents, written as LaTeX escapes or as Unicode in
BibTeX), journals, conferences, workshops, chapters, books, theses, reports
and preprints from 1990 to 2025, pages, DOIs, some abstracts, some awards and
statuses, and links: in sphinx-scholar's YAML form (``links: {pdf: ..., code:
...}``) and as al-folio's BibTeX fields (``pdf``, ``code``, ``html``,
``slides``, ``abbr``, ``bibtex_show``, ``selected``).

The rST is written the way the ``publications`` directive renders the list
(``:group: year``, newest first): a section per year, a bullet list, and each
entry a line block of title, authors, and venue line with its links. Titles
with a URL are links (not bold: reStructuredText cannot nest the two).
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

YEARS = (1990, 2025)


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Ada Alan Grace Barbara Edsger Donald Leslie Frances Tony John Margaret "
    "Niklaus Radia Shafi Silvio Yoshua Geoffrey Fei-Fei Daphne Judea Andrew "
    "Michael Sarah Emily David Wei Li Hiroshi Priya Arjun Olga Ivan Anna Maria "
    "Pedro Lucas Sofia Noah Mei Chen Kwame Amara Hamid Leila Tomás Zoë Chloé "
    "Søren Jürgen Łukasz Renée François José Núria Björn Åsa Øystein"
)
LAST = _words(
    "Lovelace Turing Hopper Liskov Dijkstra Knuth Lamport Allen Hoare Backus "
    "Hamilton Wirth Perlman Goldwasser Micali Bengio Hinton Li Koller Pearl Ng "
    "Jordan Smith Johnson Brown Wang Zhang Liu Tanaka Patel Sharma Petrova "
    "Ivanov Rossi García Silva Santos Kim Nguyen Mensah Okafor Hosseini Haddad "
    "Müller Schäfer Gödel Erdős Noether Poincaré Dvořák Sørensen Nuñez "
    "Öztürk Çelik Łukasiewicz Žukauskas Wójcik Håkansson Lefèvre Fernández"
)

# LaTeX spellings pybtex (for sphinxcontrib-bibtex) and sphinx-scholar both read
LATEX = {
    "á": "{\\'a}",
    "é": "{\\'e}",
    "í": "{\\'i}",
    "ó": "{\\'o}",
    "ú": "{\\'u}",
    "à": "{\\`a}",
    "è": "{\\`e}",
    "ä": '{\\"a}',
    "ë": '{\\"e}',
    "ö": '{\\"o}',
    "ü": '{\\"u}',
    "ő": "{\\H{o}}",
    "ñ": "{\\~n}",
    "ç": "{\\c{c}}",
    "Ç": "{\\c{C}}",
    "ø": "{\\o}",
    "Ø": "{\\O}",
    "å": "{\\aa}",
    "Å": "{\\AA}",
    "ł": "{\\l}",
    "Ł": "{\\L}",
    "ř": "{\\v{r}}",
    "ž": "{\\v{z}}",
    "Ž": "{\\v{Z}}",
    "Ö": '{\\"O}',
}

TOPICS = (
    "Graph Neural Networks",
    "Program Synthesis",
    "Type Inference",
    "Garbage Collection",
    "Distributed Consensus",
    "Protein Folding",
    "Causal Inference",
    "Reinforcement Learning",
    "Compiler Optimisation",
    "Byzantine Fault Tolerance",
    "Quantum Error Correction",
    "Sparse Attention",
    "Model Checking",
    "Differential Privacy",
    "Image Segmentation",
    "Speech Recognition",
    "Code Search",
    "Climate Models",
    "Robot Grasping",
    "Federated Learning",
    "Symbolic Execution",
    "Memory Safety",
    "Neural Rendering",
    "Time Series Forecasting",
    "Query Optimisation",
)
ADJECTIVES = (
    "Scalable",
    "Efficient",
    "Robust",
    "Provable",
    "Incremental",
    "Adaptive",
    "Probabilistic",
    "Lightweight",
    "Verified",
    "Interpretable",
    "Parallel",
    "Self-Supervised",
    "Practical",
    "Fast",
    "Certified",
)
PATTERNS = (
    "{adj} {topic}",
    "{adj} {topic} for {topic2}",
    "Towards {adj} {topic}",
    "On the Complexity of {topic}",
    "{topic}: A Survey",
    "Learning {topic} from {topic2}",
    "Rethinking {topic} with {topic2}",
    "A Study of {topic} in Practice",
    "When {topic} Meets {topic2}",
    "{adj} and {adj2} {topic} at Scale",
)
JOURNALS = (
    ("Journal of Machine Learning Research", "JMLR"),
    ("ACM Transactions on Programming Languages and Systems", "TOPLAS"),
    ("Communications of the ACM", "CACM"),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI"),
    ("Nature Communications", "Nat. Commun."),
    ("Journal of the ACM", "JACM"),
    ("Transactions on Machine Learning Research", "TMLR"),
    ("Artificial Intelligence", "AIJ"),
    ("Physical Review Letters", "PRL"),
    ("Bioinformatics", "Bioinf."),
)
CONFERENCES = (
    ("International Conference on Machine Learning", "ICML"),
    ("Neural Information Processing Systems", "NeurIPS"),
    ("Symposium on Principles of Programming Languages", "POPL"),
    ("Conference on Computer Vision and Pattern Recognition", "CVPR"),
    ("Symposium on Operating Systems Principles", "SOSP"),
    ("International Conference on Software Engineering", "ICSE"),
    ("Annual Meeting of the Association for Computational Linguistics", "ACL"),
    ("USENIX Security Symposium", "USENIX Sec."),
    ("International Conference on Learning Representations", "ICLR"),
    ("Conference on Programming Language Design and Implementation", "PLDI"),
)
WORKSHOPS = (
    "Workshop on Machine Learning for Systems",
    "Workshop on Formal Methods in Practice",
    "Workshop on Trustworthy AI",
    "Workshop on Programming Languages and Analysis for Security",
)
PUBLISHERS = ("Springer", "MIT Press", "Cambridge University Press", "O'Reilly")
SCHOOLS = (
    "ETH Zürich",
    "University of Cambridge",
    "Université Paris-Saclay",
    "Stanford University",
    "KTH Royal Institute of Technology",
)
INSTITUTIONS = (
    "Microsoft Research",
    "INRIA",
    "Max Planck Institute for Informatics",
    "Google Research",
)
NOTES = ("Oral", "Spotlight", "Best paper", "Best student paper", "Invited")
SENTENCES = (
    "We study {t} and show that it can be solved in near-linear time.",
    "Our approach combines {t} with ideas from {t2}.",
    "Experiments on twelve benchmarks show a median speed-up of 3.1 times.",
    "We release our code and data to foster further research.",
    "Existing methods for {t} either scale poorly or give no guarantees.",
    "We prove matching upper and lower bounds under mild assumptions.",
    "A user study with 48 participants confirms the practical benefits.",
)

# (bibtex type, sphinx-scholar type, weight)
TYPES = (
    ("article", "journal", 30),
    ("inproceedings", "conference", 38),
    ("inproceedings", "workshop", 7),
    ("incollection", "chapter", 4),
    ("book", "book", 2),
    ("phdthesis", "thesis", 3),
    ("techreport", "report", 5),
    ("misc", "preprint", 11),
)


@dataclass
class Record:
    key: str
    bibtype: str
    type: str
    title: str
    authors: list[tuple[str, str]]  # (first, last)
    venue: str
    year: int
    month: int | None = None
    volume: str = ""
    number: str = ""
    pages: str = ""  # with "--"
    publisher: str = ""
    doi: str = ""
    arxiv: str = ""
    url: str = ""
    abstract: str = ""
    notes: list[str] = field(default_factory=list)
    status: str = ""
    tags: list[str] = field(default_factory=list)
    selected: bool = False
    abbr: str = ""
    bibtex_show: bool = False
    links: dict[str, str] = field(default_factory=dict)  # label -> URL, in order
    latex_names: bool = False  # write accented names as LaTeX escapes


def _ascii(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode().lower())


def generate(n: int, seed: int = 2024) -> list[Record]:
    rng = random.Random(seed * 1_000_003 + n)
    weights = [w for *_, w in TYPES]
    records = []
    keys: set[str] = set()
    for _ in range(n):
        bibtype, kind, _weight = rng.choices(TYPES, weights)[0]
        year = rng.randint(*YEARS)
        nauthors = min(12, max(1, int(rng.expovariate(1 / 3.5)) + 1))
        if kind in ("thesis",):
            nauthors = 1
        authors = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(nauthors)]
        topic, topic2 = rng.sample(TOPICS, 2)
        adj, adj2 = rng.sample(ADJECTIVES, 2)
        title = rng.choice(PATTERNS).format(
            adj=adj, adj2=adj2, topic=topic, topic2=topic2
        )
        base = _ascii(authors[0][1]) + str(year) + _ascii(title.split()[0])
        key, suffix = base, 1
        while key in keys:
            suffix += 1
            key = f"{base}{chr(ord('a') + (suffix - 2) % 26)}{(suffix - 2) // 26 or ''}"
        keys.add(key)
        record = Record(key, bibtype, kind, title, authors, "", year)
        if rng.random() < 0.4:
            record.month = rng.randint(1, 12)
        if kind == "journal":
            record.venue, record.abbr = rng.choice(JOURNALS)
            record.volume = str(rng.randint(1, 60))
            record.number = str(rng.randint(1, 12))
        elif kind == "conference":
            name, abbr = rng.choice(CONFERENCES)
            record.venue = f"Proceedings of the {name} ({abbr} {year})"
            record.abbr = abbr
        elif kind == "workshop":
            record.venue = rng.choice(WORKSHOPS)
        elif kind == "chapter":
            record.venue = f"Handbook of {topic}"
            record.publisher = rng.choice(PUBLISHERS)
        elif kind == "book":
            record.publisher = record.venue = rng.choice(PUBLISHERS)
        elif kind == "thesis":
            record.venue = f"PhD thesis, {rng.choice(SCHOOLS)}"
        elif kind == "report":
            record.venue = rng.choice(INSTITUTIONS)
            record.number = f"TR-{year}-{rng.randint(1, 99):02d}"
        elif kind == "preprint":
            record.arxiv = (
                f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
            )
            record.venue = f"arXiv preprint arXiv:{record.arxiv}"
        if kind in ("journal", "conference", "workshop", "chapter"):
            first = rng.randint(1, 900)
            record.pages = f"{first}--{first + rng.randint(4, 30)}"
        if kind not in ("preprint", "thesis") and rng.random() < 0.75:
            record.doi = f"10.{rng.randint(1000, 9999)}/{key}.{rng.randint(100, 99999)}"
        if rng.random() < 0.15:
            record.url = f"https://example.org/papers/{key}"
        if rng.random() < 0.3:
            record.abstract = " ".join(
                sentence.format(t=topic.lower(), t2=topic2.lower())
                for sentence in rng.sample(SENTENCES, rng.randint(2, 4))
            )
        if kind in ("conference", "workshop") and rng.random() < 0.08:
            record.notes = [rng.choice(NOTES)]
        if year >= 2024 and kind in ("journal", "conference") and rng.random() < 0.3:
            record.status = "to appear"
        if rng.random() < 0.5:
            record.tags = sorted({topic.split()[-1].lower(), adj.lower()})
        record.selected = rng.random() < 0.05
        record.bibtex_show = rng.random() < 0.3
        # links, in the order sphinx-scholar reads al-folio's fields
        if rng.random() < 0.6:
            record.links["pdf"] = f"https://example.org/pdf/{key}.pdf"
        if rng.random() < 0.3:
            record.links["code"] = f"https://github.com/example/{key}"
        if rng.random() < 0.2:
            record.links["web"] = f"https://example.org/projects/{key}"
        if rng.random() < 0.15:
            record.links["slides"] = f"https://example.org/slides/{key}.pdf"
        if rng.random() < 0.05:
            record.links["video"] = f"https://video.example.org/{key}"
        if kind not in ("preprint",) and rng.random() < 0.15:
            record.arxiv = (
                f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
            )
        record.latex_names = rng.random() < 0.5
        records.append(record)
    return records


# -- BibTeX ------------------------------------------------------------------

MONTHS = _words("jan feb mar apr may jun jul aug sep oct nov dec")
AL_FOLIO_LINKS = {
    "pdf": "pdf",
    "code": "code",
    "web": "html",
    "slides": "slides",
    "video": "video",
}


def _latex(text: str) -> str:
    return "".join(LATEX.get(char, char) for char in text)


def bib_entry(record: Record) -> str:
    def name(first, last):
        written = f"{last}, {first}"
        return _latex(written) if record.latex_names else written

    fields: list[tuple[str, str]] = []
    if record.abbr:
        fields.append(("abbr", record.abbr))
    if record.bibtex_show:
        fields.append(("bibtex_show", "true"))
    fields.append(("title", record.title))
    fields.append(("author", " and ".join(name(*a) for a in record.authors)))
    venue_field = {
        "article": "journal",
        "inproceedings": "booktitle",
        "incollection": "booktitle",
        "phdthesis": "school",
        "techreport": "institution",
        "book": "publisher",
        "misc": "howpublished",
    }[record.bibtype]
    fields.append((venue_field, _latex(record.venue.removeprefix("PhD thesis, "))))
    if record.publisher and record.bibtype != "book":
        fields.append(("publisher", record.publisher))
    fields.append(("year", str(record.year)))
    if record.month:
        fields.append(("month", MONTHS[record.month - 1]))  # a macro
    for name_, value in (
        ("volume", record.volume),
        ("number", record.number),
        ("pages", record.pages),
        ("doi", record.doi),
        ("url", record.url),
    ):
        if value:
            fields.append((name_, value))
    if record.arxiv and record.type != "preprint":
        fields.append(("arxiv", record.arxiv))
    if record.status:
        fields.append(("pubstate", "forthcoming"))
    if record.notes:
        fields.append(("award_name", record.notes[0]))
    if record.tags:
        fields.append(("keywords", ", ".join(record.tags)))
    if record.abstract:
        fields.append(("abstract", record.abstract))
    for label, url in record.links.items():
        fields.append((AL_FOLIO_LINKS[label], url))
    if record.selected:
        fields.append(("selected", "true"))
    lines = [f"@{record.bibtype}{{{record.key},"]
    for name_, value in fields:
        if name_ == "month":
            lines.append(f"  {name_} = {value},")
        else:
            lines.append(f"  {name_} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines)


def write_bib(records: list[Record], path: Path) -> None:
    header = "% Generated by bench/generate.py: not real publications.\n\n"
    path.write_text(
        header + "\n\n".join(map(bib_entry, records)) + "\n", encoding="utf-8"
    )


# -- YAML --------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_entry(record: Record) -> str:
    lines = [
        f"- key: {record.key}",
        f"  type: {record.type}",
        f"  title: {_q(record.title)}",
    ]
    lines.append(
        "  authors: ["
        + ", ".join(_q(f"{first} {last}") for first, last in record.authors)
        + "]"
    )
    lines.append(f"  venue: {_q(record.venue)}")
    lines.append(f"  year: {record.year}")
    if record.month:
        lines.append(f"  month: {record.month}")
    for name_, value in (
        ("volume", record.volume),
        ("number", record.number),
        ("pages", record.pages),
        ("publisher", record.publisher),
        ("status", record.status),
        ("doi", record.doi),
        ("url", record.url),
    ):
        if value:
            lines.append(f"  {name_}: {_q(value)}")
    if record.arxiv:
        lines.append(f"  arxiv: {_q(record.arxiv)}")
    if record.notes:
        lines.append("  notes: [" + ", ".join(map(_q, record.notes)) + "]")
    if record.tags:
        lines.append("  tags: [" + ", ".join(record.tags) + "]")
    if record.selected:
        lines.append("  selected: true")
    if record.abstract:
        lines.append(f"  abstract: {_q(record.abstract)}")
    if record.links:
        lines.append("  links:")
        lines.extend(f"    {label}: {url}" for label, url in record.links.items())
    return "\n".join(lines)


def write_yaml(records: list[Record], path: Path) -> None:
    header = "# Generated by bench/generate.py: not real publications.\n"
    path.write_text(
        header + "\n".join(map(yaml_entry, records)) + "\n", encoding="utf-8"
    )


# -- hand-written reStructuredText -------------------------------------------


def _display(record: Record) -> dict:
    """What the directive shows: venue line text and links, in its order."""
    pages = record.pages.replace("--", "–")
    pieces = [record.venue]
    if record.volume:
        pieces.append(f"vol. {record.volume}")
    if record.number:
        pieces.append(f"no. {record.number}")
    if pages:
        pieces.append(f"pp. {pages}")
    year = str(record.year) if record.year is not None else ""
    if year and not re.search(rf"(?<!\d){year}(?!\d)", record.venue):
        pieces.append(year)  # not "ICML 2015, 2015"
    text = ", ".join(p for p in pieces if p)
    remarks = ([record.status] if record.status else []) + record.notes
    if remarks:
        text = f"{text} ({', '.join(remarks)})" if text else f"({', '.join(remarks)})"
    links = list(record.links.items())  # (label, URL or [(name, URL), ...])
    if record.doi:
        links.append(("doi", f"https://doi.org/{record.doi}"))
    if record.arxiv:
        links.append(("arxiv", f"https://arxiv.org/abs/{record.arxiv}"))
    return {"venue": text + "." if text else "", "links": links}


def _rst_text(text: str) -> str:
    return re.sub(r"([*`|_\\])", r"\\\1", text)


def _rst_link(label: str, target) -> str:
    if isinstance(target, str):
        return f" [`{_rst_text(label)} <{target}>`__]"
    files = ", ".join(f"`{_rst_text(name)} <{url}>`__" for name, url in target)
    return f" [{_rst_text(label)}: {files}]"


def rst_entry(record: Record) -> str:
    shown = _display(record)
    if record.url:
        title = f"`{_rst_text(record.title)} <{record.url}>`__"
    else:
        title = f"**{_rst_text(record.title)}**"
    authors = ", ".join(
        _rst_text(f"{first} {last}".strip()) for first, last in record.authors
    )
    links = "".join(_rst_link(label, url) for label, url in shown["links"])
    lines = [title]
    if authors:
        lines.append(authors)
    venue = (_rst_text(shown["venue"]) + links).strip()
    if venue:
        lines.append(venue)
    return "- | " + "\n  | ".join(lines) + "\n"


def sort_key(record: Record):
    # the directive's default: -year, -month, file order within a month;
    # records without a year or month come last
    return (record.year is None, -(record.year or 0), -(record.month or 0))


def rst_page(
    records: list[Record], title: str = "Publications", min_year: int | None = None
) -> str:
    chosen = sorted(
        (r for r in records if min_year is None or (r.year or 0) >= min_year),
        key=sort_key,
    )
    out = [title, "=" * len(title), ""]
    heading = None
    for record in chosen:
        year = str(record.year) if record.year is not None else "Undated"
        if year != heading:
            heading = year
            out += ["", year, "-" * len(year), ""]
        out.append(rst_entry(record))
    return "\n".join(out) + "\n"


def from_publications(publications) -> list[Record]:
    """Records for the hand-written rST of a real file, from what
    sphinx-scholar read of it (``sphinx_scholar.model.Publication``)."""
    records = []
    for pub in publications:
        record = Record(
            pub.key,
            "",
            pub.type,
            pub.title,
            [(author.display, "") for author in pub.authors],
            pub.venue,
            pub.year,
            pub.month,
            pub.volume,
            pub.number,
            pub.pages,
            status=pub.status,
            notes=list(pub.notes),
            url=pub.url,
        )
        for link in pub.links:  # doi and arxiv links are among them
            if len(link.files) == 1 and not link.files[0].name:
                record.links[link.label] = link.files[0].url
            else:
                record.links[link.label] = [
                    (file.name or link.label, file.url) for file in link.files
                ]
        records.append(record)
    return records


def write_all(n: int, outdir: Path, seed: int = 2024) -> list[Record]:
    outdir.mkdir(parents=True, exist_ok=True)
    records = generate(n, seed)
    write_bib(records, outdir / "papers.bib")
    write_yaml(records, outdir / "papers.yaml")
    (outdir / "papers.rst").write_text(rst_page(records), encoding="utf-8")
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many publications")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    write_all(args.n, args.outdir, args.seed)
    print(f"wrote {args.n} publications to {args.outdir}/papers.{{bib,yaml,rst}}")


if __name__ == "__main__":
    main()
