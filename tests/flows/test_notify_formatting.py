"""Webhook text: quoted review text formats nothing, the themes line says its period, the log names host and port."""

from __future__ import annotations

import logging

import pytest

from core.http_url import shown_url
from flows.notify import format_message
from flows.outcomes import BrandReport, Detractor
from flows.slack_text import LOOK_ALIKES, escape_text, safe_link
from flows.webhook_post import post_webhook

HOSTILE = "Dreadful: ```code``` _under_ ~strike~ *bold* `tick` broke day one"


def _message(text: str, **report: object) -> str:
    item = Detractor(review_id=1, brand_id=1, severity=1.0, reasons=("rated 1★",), text=text,
                     url="https://shop.test/r_1~x", rating=1.0)
    return format_message(BrandReport(brand_id=1, brand="Acme", new_reviews=1, scored=1, new_detractors=1,
                                      detractors=[item], **report))  # type: ignore[arg-type]


def test_quoted_text_cannot_turn_into_slack_or_markdown_formatting() -> None:
    line = _message(HOSTILE).splitlines()[1]
    quoted = line.split("“")[1].split("”")[0]
    assert not set("*_~`") & set(quoted)
    assert quoted == "Dreadful: ˋˋˋcodeˋˋˋ ˍunderˍ ∼strike∼ ∗bold∗ ˋtickˋ broke day one"
    assert line.endswith(" https://shop.test/r_1~x")  # a link keeps its own characters: it must still lead there
    assert set(LOOK_ALIKES.values()) <= set(quoted)


def test_mentions_and_slack_escapes_are_kept_alongside() -> None:
    assert escape_text("<!here> @dana & *you*") == "&lt;!here&gt; @\u200bdana &amp; ∗you∗"
    assert safe_link("https://shop.test/a_b?c=1&d=~2") == "https://shop.test/a_b?c=1&amp;d=~2"


def test_a_brand_name_cannot_break_the_bold_header() -> None:
    first = format_message(BrandReport(brand_id=1, brand="Acme *Co*_", new_detractors=0)).splitlines()[0]
    assert first.startswith("*umot — Acme ∗Co∗ˍ*: ")


def test_the_themes_line_says_it_counts_the_last_7_days_not_this_run() -> None:
    lines = _message("Bad", negative_themes=[("delivery", 6), ("price_value", 1)]).splitlines()
    assert lines[0] == "*umot — Acme*: 1 new detractor in 1 new review"
    assert lines[1] == "Top negative themes: delivery (6), priceˍvalue (1) — in the detractors written in the last 7 days"


@pytest.mark.parametrize(("url", "shown"), [
    ("http://127.0.0.1:18731/hook/fail", "http://127.0.0.1:18731/…"),
    ("https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com/…"),
    ("http://[::1]:8080/secret", "http://[::1]:8080/…"),
    ("https://user:pw@[fe80::1]/secret", "https://[fe80::1]/…"),
    ("http://[::1/secret", "<invalid URL>"),
    ("not a url", "<invalid URL>"),
])
def test_the_log_names_host_and_port_as_umot_webhook_list_does(url: str, shown: str) -> None:
    """One function for both (core.http_url.shown_url): the night's log and `umot webhook list`."""
    assert shown_url(url) == shown


def test_a_failing_webhook_is_logged_with_its_port_and_without_its_secret(webhook_server, caplog) -> None:
    base, _got = webhook_server
    port = base.rsplit(":", 1)[1]
    with caplog.at_level(logging.WARNING, logger="flows.notify"):
        assert post_webhook(f"{base}/down", "x") is False
    assert f"webhook http://127.0.0.1:{port}/… answered HTTP 502" in caplog.text
    assert "/down" not in caplog.text
