"""Feed entries without a guid (a forum thread's posts share its link) are separate mentions:
each takes the content id the store gives id-less reviews, whatever else the feed holds; a guid
several entries share is no id either. Authors are stored by name."""

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


SHARED_GUID = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link>
<item><title>Re: Acme kettle broke</title><link>https://forum.example/t/1</link><guid>https://forum.example/t/1</guid>
<description>Same here, mine leaked from day one.</description></item>
<item><title>Acme kettle broke</title><link>https://forum.example/t/1</link><guid>https://forum.example/t/1</guid>
<description>My Acme kettle broke after two days.</description></item>
<item><title>Acme toaster</title><link>https://forum.example/t/2</link><guid isPermaLink="false">t-2</guid><description>Fine.</description></item>
</channel></rss>"""


def test_entries_without_a_guid_each_get_a_content_id() -> None:
    reviews = feed.parse(THREAD, "https://forum.example/feed.rss").reviews
    source = "feed:forum.example"
    ids = [r["external_id"] for r in reviews]
    assert ids == [content_id(source, r["author"], r["text"]) for r in reviews] and len(set(ids)) == 4
    assert {r["url"] for r in reviews[:3]} == {"https://forum.example/thread/42"}
    assert reviews[3]["url"] == "https://forum.example/thread/43"


def test_an_entry_without_a_guid_keeps_its_id_when_another_entry_shares_its_link() -> None:
    """One night the thread has one post, the next two: the first post's id is the same both nights."""
    one, two = THREAD.replace(b"/thread/42", b"/thread/41", 1), THREAD
    first = feed.parse(one, "https://forum.example/feed.rss").reviews[0]
    again = feed.parse(two, "https://forum.example/feed.rss").reviews[0]
    assert first["url"] != again["url"] and first["external_id"] == again["external_id"]


def test_a_guid_several_entries_share_is_no_id() -> None:
    reviews = feed.parse(SHARED_GUID, "https://forum.example/feed.rss").reviews
    ids = [r["external_id"] for r in reviews]
    assert ids[:2] == [content_id("feed:forum.example", r["author"], r["text"]) for r in reviews[:2]]
    assert len(set(ids)) == 3 and ids[2] == "t-2"


def test_author_is_the_name_when_the_feed_gives_one() -> None:
    reviews = feed.parse(THREAD, "https://forum.example/feed.rss").reviews
    assert [r["author"] for r in reviews] == ["Ann", None, None, "bob@example.com"]
