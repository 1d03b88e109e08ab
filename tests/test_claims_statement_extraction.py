"""Statements found wherever pages put them, and nothing else taken for one.

Generic pages written for these tests (never the development pages): HTML related lists in an
``<aside>``, a "More on this story" section, a bare heading + list; and in scraped text the
footers that follow a statement list (topic lines, comment counters, newsletter blurbs).
"""

from __future__ import annotations

import pytest

from flashpoint.ingest import read_bytes
from flashpoint.ingest.boilerplate import is_boilerplate_line
from flashpoint.ingest.clean import clean_page
from flashpoint.ingest.related import related_statements
from flashpoint.ingest.statements import is_statement_header
from flashpoint.records import Article

BODY = """
<p>The army said on Friday that it had retaken the presidential palace in the capital after two
years of fighting with the paramilitary forces, who said their fighters were still nearby.</p>
<p>Residents reported heavy shelling overnight in the eastern districts, and aid agencies said
thousands of families had fled towards the river crossings south of the city.</p>
<p>The paramilitary leader said in a recorded speech that the war would go on until the army
accepted talks, and mediators said a new round could open next week.</p>
"""


def _page(after_article: str, inside_article: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><title>Army retakes palace - Daily Wire</title>
<meta property="og:title" content="Army retakes palace">
<meta property="article:published_time" content="2025-03-21T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article><h1>Army retakes palace</h1>{BODY}{inside_article}</article>{after_article}</main>
<footer><p>© 2025 Daily Wire</p></footer></body></html>"""


ASIDE = """<aside class="related"><h3>Related</h3><ul>
<li><a href="/a">The army retook the palace on Friday.</a></li>
<li><a href="/b">The paramilitary forces agreed to a ceasefire.</a></li>
</ul></aside>
<aside class="most-read"><h3>Most read</h3><ol><li><a href="/c">Markets steady as oil prices fall</a></li></ol></aside>"""

MORE_ON = """<section class="story-links"><h2>More on this story</h2><ul>
<li><a href="/d">Aid agencies said thousands of families had fled.</a></li>
<li><a href="/e">Mediators cancelled all talks indefinitely.</a></li>
</ul></section>"""

BARE = """<h4>See also</h4><ul><li>The war began two years ago.</li><li>Residents reported shelling overnight.</li></ul>"""


def _article(html: str) -> Article:
    result = read_bytes(html.encode(), kind="html")
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (_page(ASIDE), ["The army retook the palace on Friday.", "The paramilitary forces agreed to a ceasefire."]),
        (_page("", MORE_ON), ["Aid agencies said thousands of families had fled.", "Mediators cancelled all talks indefinitely."]),
        (_page("", BARE), ["The war began two years ago.", "Residents reported shelling overnight."]),
    ],
    ids=["aside-related", "more-on-this-story", "heading-and-list"],
)
def test_html_related_lists_become_statements(html, expected):
    article = _article(html)
    assert list(article.statements) == expected
    for s in expected:
        assert s not in article.text
    assert "Markets steady" not in " ".join(article.statements)


def test_html_lists_under_other_headings_are_not_statements():
    page = _page('<aside class="trending"><h3>Trending</h3><ul><li><a>Five things to know about the war today.</a></li></ul></aside>')
    assert _article(page).statements == ()


def test_html_related_container_without_heading_needs_sentences():
    headlines = '<div class="related-links"><ul><li><a>Palace battle in pictures</a></li><li><a>Who are the paramilitaries</a></li></ul></div>'
    sentences = '<div class="related-links"><ul><li><a>The palace fell on Friday.</a></li></ul></div>'
    assert related_statements(_page(headlines))[1] == ()
    assert related_statements(_page(sentences))[1] == ("The palace fell on Friday.",)


def test_html_without_related_list_is_unchanged():
    html = _page("")
    assert related_statements(html) == (html, ())


SCRAPED = """Army retakes palace

The army said on Friday that it had retaken the presidential palace in the capital after two years of war.

The paramilitary forces said their fighters were still in the area and that the fighting would go on.

Read also:
{items}
Related Topics: Civil war | Khartoum
Comments (214)
The Morning Brief: our newsletter with the day's top stories, delivered every weekday. Sign up now
"""


@pytest.mark.parametrize(
    "items",
    [
        "- The army retook the palace on Friday.\n- The paramilitary forces agreed to a ceasefire",
        "The army retook the palace on Friday.\nThe paramilitary forces agreed to a ceasefire",
        "1. The army retook the palace on Friday.\n2. The paramilitary forces agreed to a ceasefire.",
    ],
    ids=["dashes-unterminated-last", "plain-lines", "numbered"],
)
def test_footer_lines_are_neither_statements_nor_glued_on(items):
    page = clean_page(SCRAPED.format(items=items))
    assert [s.rstrip(".") for s in page.statements] == [
        "The army retook the palace on Friday",
        "The paramilitary forces agreed to a ceasefire",
    ]


@pytest.mark.parametrize(
    "line",
    ["Related Topics: Sudan war | Darfur", "Comments (214)", "214 comments", "Tags: Sudan, Darfur",
     "Get the best of our reporting in your inbox: sign up now"],
)
def test_footer_lines_are_boilerplate(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", ["The army said 214 people were killed.", "Related talks collapsed on Monday."])
def test_claims_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(("text", "header"), [("See also", True), ("More on this story", True),
                                               ("Related Topics", False), ("Most read", False)])
def test_statement_headers(text, header):
    assert is_statement_header(text) is header
