"""A research blog: posts show their date and author under their title in
every builder, news lists can show each post's first paragraph, and the
posts have an Atom feed that the blog's pages point feed readers to."""

import os
import xml.etree.ElementTree as ElementTree

import pytest
from bs4 import BeautifulSoup

from sphinx_scholar import exports

from .test_differential import scholar_warnings

ATOM = "{http://www.w3.org/2005/Atom}"
BASEURL = "https://example.org/lab/"


def html(app, name):
    return BeautifulSoup(
        (app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
    )


def feed_of(app):
    return ElementTree.parse(app.outdir / "news.atom").getroot()


def entries(feed):
    return feed.findall(f"{ATOM}entry")


# A post's date and author ----------------------------------------------------


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_a_post_shows_its_date_and_author_under_its_title(app):
    app.build()
    page = html(app, "posts/looms")
    title = page.find("h1")
    meta = title.find_next_sibling()
    assert "scholar-post-meta" in meta["class"]
    time = meta.find("time")
    assert time["datetime"] == "2024-03-05"
    assert time.get_text() == "March 5, 2024"
    author = meta.select_one(".scholar-post-author a")
    assert author.get_text() == "Ada Lovelace"
    assert author["href"] == "https://example.org/ada/"  # from the people registry
    assert meta.get_text(" ", strip=True) == "March 5, 2024 · Ada Lovelace"


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_a_post_with_several_authors_and_none(app):
    app.build()
    tides = html(app, "posts/tides").select_one(".scholar-post-meta")
    assert tides.get_text(" ", strip=True) == (
        "April 1, 2024 · Mary Somerville, Charles Babbage"
    )
    winter = html(app, "posts/winter").select_one(".scholar-post-meta")
    assert winter.get_text(" ", strip=True) == "December 24, 2023"
    assert winter.find("a") is None


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_only_dated_pages_of_a_news_list_are_posts(app):
    app.build()
    assert not html(app, "posts/draft").select(".scholar-post-meta")  # no date
    assert not html(app, "other").select(".scholar-post-meta")  # in no news list
    assert not html(app, "index").select(".scholar-post-meta")


@pytest.mark.sphinx("text", testroot="news", freshenv=True)
def test_the_date_and_author_in_text(app):
    app.build()
    lines = (app.outdir / "posts" / "looms.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in lines.splitlines() if line.strip()]
    assert lines[:3] == [
        'Engines <&> "Looms"',
        "*" * len('Engines <&> "Looms"'),
        "March 5, 2024 · Ada Lovelace",
    ]


@pytest.mark.sphinx("latex", testroot="news", freshenv=True)
def test_the_date_and_author_in_latex(app):
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    text = tex.read_text(encoding="utf-8")
    looms = text.index(r"\label{\detokenize{posts/looms::doc}}")
    meta = text.index("March 5, 2024", looms)
    assert text.index("Ada Lovelace", meta) < text.index("The loom weaves", meta)
    assert "December 24, 2023" in text
    assert "January 10, 2024" not in text  # other.rst: in no news list


@pytest.mark.sphinx("singlehtml", testroot="news", freshenv=True)
def test_each_post_in_a_single_page_shows_its_date(app):
    app.build()
    dates = [
        t["datetime"] for t in html(app, "index").select(".scholar-post-meta time")
    ]
    assert sorted(dates) == ["2023-12-24", "2024-03-05", "2024-04-01"]


def test_a_page_that_a_new_list_shows_becomes_a_post(make_app, root_copy):
    srcdir = root_copy("news")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert not html(app, "other").select(".scholar-post-meta")
    recent = srcdir / "recent.rst"
    recent.write_text(
        recent.read_text(encoding="utf-8") + "\n.. news:: other\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    meta = html(app, "other").select_one(".scholar-post-meta")
    assert meta is not None and meta.time["datetime"] == "2024-01-10"


# News lists with excerpts ----------------------------------------------------


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_excerpt_shows_each_posts_first_paragraph(app):
    app.build()
    items = html(app, "index").select("li.scholar-news-item")
    assert [item.find("time")["datetime"] for item in items] == [
        "2024-04-01",
        "2024-03-05",
        "2023-12-24",
    ]
    excerpts = [item.select_one("p.scholar-excerpt") for item in items]
    assert excerpts[1].get_text(" ", strip=True) == (
        "The loom weaves patterns of algebra, as the engine weaves flowers and "
        "leaves. Read more"
    )
    assert excerpts[1].a["href"] == "posts/looms.html"
    assert "second paragraph" not in items[1].get_text()
    # the first paragraph of prose, not that of a note
    assert excerpts[2].get_text(" ", strip=True).startswith("Our winter school")
    # the excerpt takes the summary's place
    assert not items[0].select(".scholar-summary")


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_without_excerpt_a_list_shows_the_summaries(app):
    app.build()
    items = html(app, "recent").select("li.scholar-news-item")
    assert len(items) == 2
    assert not html(app, "recent").select(".scholar-excerpt")
    assert items[0].select_one(".scholar-summary").get_text() == (
        "What the tides tell of the moon."
    )


# The feed --------------------------------------------------------------------


@pytest.mark.sphinx(
    "html", testroot="news", freshenv=True, confoverrides={"html_baseurl": BASEURL}
)
def test_the_feed_has_the_posts_newest_first_with_absolute_links(app):
    app.build()
    feed = feed_of(app)
    assert feed.find(f"{ATOM}title").text == 'Engines & "Looms" <Lab>: News'
    assert feed.find(f"{ATOM}id").text == BASEURL + "news.atom"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": BASEURL + "news.atom", "alternate": BASEURL + "index.html"}
    posts = entries(feed)
    assert [e.find(f"{ATOM}title").text for e in posts] == [
        "The tides",
        "Engines <&> “Looms”",  # escaped in the XML, whole once read
        "Winter school",
    ]
    assert [e.find(f"{ATOM}link").get("href") for e in posts] == [
        BASEURL + "posts/tides.html",
        BASEURL + "posts/looms.html",
        BASEURL + "posts/winter.html",
    ]
    assert [e.find(f"{ATOM}id").text for e in posts][0] == BASEURL + "posts/tides.html"
    assert posts[0].find(f"{ATOM}published").text == "2024-04-01T00:00:00+00:00"
    assert [a.text for a in posts[0].iter(f"{ATOM}name")] == [
        "Mary Somerville",
        "Charles Babbage",
    ]
    # the summary, or else the first paragraph
    assert posts[0].find(f"{ATOM}summary").text == "What the tides tell of the moon."
    assert posts[1].find(f"{ATOM}summary").text.startswith("The loom weaves")
    raw = (app.outdir / "news.atom").read_text(encoding="utf-8")
    assert "Engines &lt;&amp;&gt;" in raw and "<&>" not in raw


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_without_a_base_url_the_feed_links_relative_to_itself(app):
    app.build()
    feed = feed_of(app)
    assert feed.find(f"{ATOM}id").text.startswith("urn:sphinx-scholar:")
    assert " " not in feed.find(f"{ATOM}id").text
    hrefs = [e.find(f"{ATOM}link").get("href") for e in entries(feed)]
    assert hrefs == ["posts/tides.html", "posts/looms.html", "posts/winter.html"]
    for href in hrefs:  # the feed is at the top of the site
        assert (app.outdir / href).is_file()


@pytest.mark.sphinx(
    "html", testroot="news", freshenv=True, confoverrides={"html_baseurl": BASEURL}
)
def test_the_blogs_pages_link_the_feed(app):
    app.build()

    def feed_links(name):
        return html(app, name).select(
            'link[rel="alternate"][type="application/atom+xml"]'
        )

    for name in ("index", "recent", "posts/looms"):
        (link,) = feed_links(name)
        assert link["href"] == BASEURL + "news.atom"
        assert link["title"] == 'Engines & "Looms" <Lab>: News'
    assert feed_links("papers") == [] and feed_links("other") == []


@pytest.mark.sphinx("html", testroot="news", freshenv=True)
def test_the_feed_link_is_relative_without_a_base_url(app):
    app.build()
    link = html(app, "posts/looms").select_one('link[type="application/atom+xml"]')
    assert link["href"] == "../news.atom"


@pytest.mark.sphinx("dirhtml", testroot="news", freshenv=True)
def test_dirhtml_links_the_feed_and_the_posts(app):
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "posts" / "looms" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert soup.select_one('link[type="application/atom+xml"]')["href"] == (
        "../../news.atom"
    )
    hrefs = [e.find(f"{ATOM}link").get("href") for e in entries(feed_of(app))]
    assert hrefs[0] == "posts/tides/"


@pytest.mark.sphinx("epub", testroot="news", freshenv=True)
def test_an_ebook_has_no_feed(app):
    app.build()
    assert not (app.outdir / "news.atom").exists()


def test_a_feed_that_cannot_be_written_costs_nothing_else(
    make_app, root_copy, monkeypatch
):
    def broken(*args):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(exports, "write_posts_feed", broken)
    app = make_app("html", srcdir=root_copy("news"))
    app.build()
    (warning,) = [w for w in scholar_warnings(app) if "[scholar.export]" in w]
    assert "news.atom could not be written" in warning
    assert not (app.outdir / "news.atom").exists()
    assert (app.outdir / "publications.atom").exists()
    assert (app.outdir / "publications.bib").exists()
    assert html(app, "posts/looms").select_one(".scholar-post-meta time")


def test_the_feed_is_written_only_when_something_changed(make_app, root_copy):
    srcdir = root_copy("news")
    app = make_app("html", srcdir=srcdir)
    app.build()
    feed = app.outdir / "news.atom"
    os.utime(feed, ns=(0, 0))
    app = make_app("html", srcdir=srcdir)
    app.build()  # nothing changed
    assert feed.stat().st_mtime_ns == 0
    post = srcdir / "posts" / "winter.rst"
    post.write_text(
        post.read_text(encoding="utf-8").replace("Winter school", "Summer school"),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert feed.stat().st_mtime_ns != 0
    titles = [e.find(f"{ATOM}title").text for e in entries(feed_of(app))]
    assert "Summer school" in titles and "Winter school" not in titles


def test_a_site_without_posts_has_no_feed(make_app, root_copy):
    srcdir = root_copy("news")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert (app.outdir / "news.atom").exists()
    for name in ("index.rst", "recent.rst"):
        page = srcdir / name
        page.write_text(
            page.read_text(encoding="utf-8").replace(".. news::", ".. no news::"),
            encoding="utf-8",
        )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert not (app.outdir / "news.atom").exists()
    assert not html(app, "posts/looms").select(".scholar-post-meta")


def test_characters_xml_cannot_hold_are_left_out():
    assert exports.xml_text("a\x00b\x0bc\ufffed\uffffe\U0001f600") == "abcde\U0001f600"


# Whole posts, and the posts in the table of contents by date -----------------

NEWEST_FIRST = ["posts/b-new", "posts/c-mid", "posts/a-old"]


@pytest.mark.sphinx("html", testroot="news-full", freshenv=True)
def test_the_toctree_of_a_news_list_follows_the_dates(app):
    app.build()
    assert app.warning.getvalue() == ""
    # the file names say a, b, c; the dates say b, c, a
    assert app.env.toctree_includes["index"] == NEWEST_FIRST
    pages = ["index", *NEWEST_FIRST]
    for page, following in zip(pages, pages[1:], strict=False):
        soup = html(app, page)
        nxt = soup.select_one('link[rel="next"]')["href"]
        assert nxt.removesuffix(".html").split("/")[-1] == following.split("/")[-1]


@pytest.mark.sphinx("html", testroot="news-full", freshenv=True)
def test_full_shows_each_post_whole_with_working_links_images_and_anchors(app):
    app.build()
    soup = html(app, "index")
    posts = soup.select("div.scholar-news-full > .scholar-post")
    titles = [post.find("h2").find("a") for post in posts]
    assert [a.get_text() for a in titles] == [
        "The newest post",
        "The middle post",
        "The oldest post",
    ]
    assert [a["href"] for a in titles] == [f"{doc}.html" for doc in NEWEST_FIRST]
    assert [
        p.select_one(".scholar-post-meta").get_text(" ", strip=True) for p in posts
    ] == [
        "March 5, 2024",
        "February 5, 2024",
        "January 5, 2024",
    ]
    newest, _middle, oldest = posts
    # cross-references go from the news page, not from the post's own
    hrefs = [a["href"] for a in newest.select("p a")]
    assert hrefs == ["posts/a-old.html#old-details", "posts/c-mid.html"]
    # the page's anchors stay unique: the second "Details" is numbered, and
    # the link inside its post follows it
    ids = [node["id"] for node in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert newest.find("section").find("section")["id"] == "details"
    assert oldest.find("section").find("section")["id"] == "details-1"
    assert oldest.select_one("p a")["href"] == "#details-1"
    # the image is copied and shown from the news page
    image = oldest.select_one("img")
    assert image["src"] == "_images/dot.png"
    assert (app.outdir / "_images" / "dot.png").is_file()


@pytest.mark.sphinx("text", testroot="news-full", freshenv=True)
def test_full_posts_in_text(app):
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    order = [
        text.index(title)
        for title in ("The newest post", "The middle post", "The oldest post")
    ]
    assert order == sorted(order)
    assert "The details of the oldest post." in text
    assert "January 5, 2024" in text
    assert "the middle one is The middle post." in " ".join(text.split())


@pytest.mark.sphinx("singlehtml", testroot="news-full", freshenv=True)
def test_full_links_to_the_posts_where_the_site_is_one_document(app):
    app.build()
    assert app.warning.getvalue() == ""
    soup = html(app, "index")
    assert not soup.select(".scholar-news-full")
    links = [a["href"] for a in soup.select("ul.scholar-news a")]
    assert links == [f"#document-{doc}" for doc in NEWEST_FIRST]
    # each post once, from the toctree
    assert len(soup.find_all(string="The details of the oldest post.")) == 1
