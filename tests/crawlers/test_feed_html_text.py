"""Feed and Hacker News HTML as text: block elements end lines and tags between words keep them
apart; it was ``VerdictThe Acme kettleis loudand leaksPros: cheap...``."""

from __future__ import annotations

import pytest

from crawlers.parsers import feed
from crawlers.parsers.values import html_to_text

LIST_POST = ("<h2>Verdict</h2>The Acme kettle<div>is loud</div><div>and leaks</div><ul><li>Pros: cheap</li>"
             "<li>Cons: everything</li></ul><table><tr><td>Price</td><td>20</td></tr></table>")
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Acme blog</title><link>https://blog.example/</link><language>en-us</language>
<item><title>List post</title><link>https://blog.example/1</link><guid>g1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[{LIST_POST}]]></content:encoded></item>
</channel></rss>""".encode()


def test_a_feed_item_s_blocks_are_lines() -> None:
    (item,) = feed.parse(RSS, "https://blog.example/feed.xml").reviews
    assert item["text"] == "Verdict\nThe Acme kettle\nis loud\nand leaks\nPros: cheap\nCons: everything\nPrice 20"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<dl><dt>Pros</dt><dd>cheap</dd></dl><blockquote>Loud.</blockquote><pre>a\nb</pre>", "Pros\ncheap\nLoud.\na\nb"),
        ("<section><h3>Title</h3><p>Body</p></section>", "Title\nBody"),
        ("<b>Great</b> <i>kettle</i>", "Great kettle"),
        ("Acme &amp; friends,   &lt;3", "Acme & friends, <3"),
        ("<p>One</p>\n\n\n<p>Two</p>", "One\nTwo"),
    ],
)
def test_block_elements_break_lines_and_inline_ones_do_not_glue_words(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_empty_html_is_no_text() -> None:
    assert not html_to_text("<p> </p>") and html_to_text(None) is None
