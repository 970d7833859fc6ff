"""Webhook messages: a stranger's review text cannot ping the team, disguise a link or post a non-http link."""

from __future__ import annotations

import pytest

from flows.notify import format_message
from flows.outcomes import BrandReport, Detractor
from flows.slack_text import ZWSP, escape_text, safe_link


def _message(text: str, url: str | None = "https://shop.test/r/1", brand: str = "Acme") -> str:
    item = Detractor(review_id=1, brand_id=1, severity=1.0, reasons=("rated 1★",), text=text, url=url, rating=1.0)
    return format_message(BrandReport(brand_id=1, brand=brand, new_reviews=1, scored=1, new_detractors=1,
                                      detractors=[item]))


@pytest.mark.parametrize(
    "hostile",
    ["<!channel> refund now", "<!here|here>", "<!everyone>", "ask <@U024BE7LH> why",
     "<https://evil.example/login|Your invoice>", "<mailto:x@evil.example|support>"],
)
def test_slack_control_sequences_arrive_as_text(hostile: str) -> None:
    line = _message(hostile).splitlines()[1]
    assert "<" not in line.split("”")[0] and ">" not in line.split("”")[0][1:]  # "> " opens the quote
    assert "&lt;" in line and "&gt;" in line


@pytest.mark.parametrize("mention", ["@channel", "@here", "@all", "@everyone", "@dana"])
def test_plain_mentions_do_not_ping_mattermost_or_discord(mention: str) -> None:
    text = _message(f"hey {mention} look")
    assert mention not in text and f"@{ZWSP}{mention[1:]}" in text


def test_ampersands_and_markdown_links_are_defused() -> None:
    text = _message("Fish & chips [click here](http://evil.example) 1 < 2")
    assert "Fish &amp; chips" in text and "1 &lt; 2" in text
    assert "](http" not in text


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,hi", "ftp://shop.test/r", "//evil.example/x", "https://",
     "https://shop.test/r|Your invoice", "https://shop.test/r|Invoice", "https://shop.test/a b", "https://shop.test/<!channel>", None, ""],
)
def test_only_plain_http_links_are_posted(url: str | None) -> None:
    line = _message("Bad", url=url).splitlines()[1]
    assert line == "> 1★ “Bad”"


def test_http_links_and_brand_names_are_escaped() -> None:
    assert safe_link("https://shop.test/r?a=1&b=2") == "https://shop.test/r?a=1&amp;b=2"
    assert safe_link("HTTP://shop.test/r") == "HTTP://shop.test/r"
    assert _message("Bad", brand="A&B <!here>").splitlines()[0].startswith("*umot — A&amp;B &lt;!here&gt;*")
    assert escape_text("plain words") == "plain words"


@pytest.mark.parametrize(("url", "posted"), [
    ("https://evil.example/@everyone/[x](https://evil2.example)",
     "https://evil.example/%40everyone/%5Bx%5D%28https://evil2.example%29"),
    ("https://shop.test/wiki/Kettle_(device)?q=[1]", "https://shop.test/wiki/Kettle_%28device%29?q=%5B1%5D"),
    ("https://ann@shop.test/r/1", "https://ann@shop.test/r/1"),  # the host's own @ and [ ] stay
    ("http://[::1]:8080/r(1)", "http://[::1]:8080/r%281%29"),
])
def test_a_link_carries_no_markdown_label_nor_mention(url: str, posted: str) -> None:
    """Was posted as written: rendered as markdown, ``[x](https://evil2.example)`` was a label hiding its target."""
    assert safe_link(url) == posted
