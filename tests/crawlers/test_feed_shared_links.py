"""Feed entries without a guid that share a link (a forum thread's posts) are separate mentions:
each takes the content id the store gives id-less reviews. Authors are stored by name."""

from __future__ import annotations

from crawlers.parsers import feed
from models.identity import content_id

THREAD = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Acme forum</title><link>https://forum.example/</link>
<item><title>Re: Acme kettle</title><link>/thread/42</link><author>ann@example.com (Ann)</author>
<description>Great kettle, cheap too. I'd recommend it.</description><pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate></item>
<item><title>Re: Acme kettle</title><link>/thread/42</link>
<description>Mine broke after a week, avoid.</description><pubDate>Tue, 05 Mar 2024 11:00:00 +0100</pubDate></item>
<item><title>Re: Acme kettle</title><link>/thread/42</link>
<description>Works fine for me, five stars.</description><pubDate>Tue, 05 Mar 2024 12:00:00 +0100</pubDate></item>
<item><title>Acme toaster</title><link>/thread/43</link><author>bob@example.com</author>
<description>A thread of its own: its link is its id.</description></item>
</channel></rss>"""


def test_entries_sharing_a_link_each_get_a_content_id() -> None:
    reviews = feed.parse(THREAD, "https://forum.example/feed.rss").reviews
    source = "feed:forum.example"
    ids = [r["external_id"] for r in reviews]
    assert ids[:3] == [content_id(source, r["author"], r["text"]) for r in reviews[:3]]
    assert len(set(ids)) == 4 and ids[3] == "https://forum.example/thread/43"
    assert {r["url"] for r in reviews[:3]} == {"https://forum.example/thread/42"}


def test_author_is_the_name_when_the_feed_gives_one() -> None:
    reviews = feed.parse(THREAD, "https://forum.example/feed.rss").reviews
    assert [r["author"] for r in reviews] == ["Ann", None, None, "bob@example.com"]
