"""``&lt;Acme&gt;`` in a comment or a text feed is text, never a tag to drop; only Yelp, whose
comments are HTML escaped once more, has its text decoded twice."""

from __future__ import annotations

import json

from crawlers.parsers import feed, hackernews
from crawlers.parsers.values import escaped_html_to_text, html_to_text

HN_COMMENT = "In C++ I use std::vector&lt;Acme&gt; and it&#x27;s fine"


def test_escaped_brackets_without_tags_are_text() -> None:
    assert html_to_text(HN_COMMENT) == "In C++ I use std::vector<Acme> and it's fine"
    assert html_to_text("<p>Acme &lt;3</p><p>second <a href='x'>link</a></p>") == "Acme <3\nsecond link"


def test_hacker_news_comment_keeps_its_angle_brackets() -> None:
    hit = {"objectID": "101", "author": "a", "created_at": "2024-05-01T10:00:00Z", "comment_text": HN_COMMENT,
           "story_title": "Show HN: Acme", "_tags": ["comment"]}
    page = hackernews.parse(json.dumps({"hits": [hit], "page": 0, "nbPages": 1}), "https://hn.algolia.com/api/v1/x")
    assert page.reviews[0]["text"] == "In C++ I use std::vector<Acme> and it's fine"


def test_yelp_comments_are_decoded_once_more() -> None:
    assert escaped_html_to_text("rude.&lt;br&gt;Waited &amp;lt;3 &lt;b&gt;min&lt;/b&gt;") == "rude.\nWaited <3 min"
    assert escaped_html_to_text("raw <b>markup</b> &amp; text") == "raw markup & text"  # not escaped again: as it is


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Acme blog</title><id>urn:x</id>
<updated>2024-03-05T10:00:00Z</updated>
<entry><id>tag:x,2024:1</id><title type="text">Why I use vector&lt;Acme&gt; in C++</title>
<link href="https://blog.example/posts/1"/><updated>2024-03-05T10:00:00Z</updated>
<summary type="text">I store items in a std::vector&lt;Acme&gt; and write &lt;b&gt; by hand.</summary></entry>
<entry><id>tag:x,2024:2</id><title type="html">Acme &lt;b&gt;rocks&lt;/b&gt;</title>
<link href="https://blog.example/posts/2"/><updated>2024-03-05T11:00:00Z</updated>
<content type="html">&lt;p&gt;An &lt;i&gt;HTML&lt;/i&gt; post about Acme &amp;amp; friends.&lt;/p&gt;</content></entry>
</feed>"""


def test_text_feed_content_is_kept_as_text_and_html_loses_its_tags() -> None:
    plain, html = feed.parse(ATOM, "https://blog.example/atom.xml").reviews
    assert plain["title"] == "Why I use vector<Acme> in C++"
    assert plain["text"] == "I store items in a std::vector<Acme> and write <b> by hand."
    assert html["title"] == "Acme rocks"
    assert html["text"] == "An HTML post about Acme & friends."
