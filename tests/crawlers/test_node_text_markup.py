"""Review text: real HTML tags go, words in angle brackets and escaped text stay, nothing is cut."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawlers.extract.markup import strip_markup
from crawlers.extract.node_text import text_of
from crawlers.extract.schemaorg import extract_page
from crawlers.runner import run_crawl

BODY = "Start. " + "This was <terrible> and <worse>. " * 1200 + "The end."  # ~40 kB


def _page(body: str) -> str:
    page = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": [
        {"@type": "Review", "@id": "https://shop.example/kettle#r1", "author": "Sam", "reviewBody": body,
         "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5}}]}
    script = json.dumps(page).replace("</", "<\\/")
    return f'<html><head><script type="application/ld+json">{script}</script></head><body></body></html>'


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Press the <Reset> button and hold <Power>", "Press the <Reset> button and hold <Power>"),
        ("<!here> <https://evil.example|click>", "<!here> <https://evil.example|click>"),
        ("I wrote &lt;b&gt;this&lt;/b&gt;", "I wrote <b>this</b>"),  # escaped on purpose: decoded once
        ("&amp;lt;b&amp;gt;", "&lt;b&gt;"),
        ("The lid broke &amp; support never answered.", "The lid broke & support never answered."),
        ("<b>Great</b> <i>kettle</i>, <a href=\"/x?a=1&amp;b=2\" title='a>b'>see</a>", "Great kettle, see"),
        ("Works.<br>Loud.<br/><BR>Cheap.", "Works.\nLoud.\n\nCheap."),
        ("<p>First.</p>\n<p>Second.</p><ul><li>one</li><li>two</li></ul>", "First.\nSecond.\none\ntwo"),
        ("<table><tr><td>size</td><td>ok</td></tr></table>", "size ok"),
        ("x<!-- a <b>comment</b> -->y", "xy"),
        ("kept<script>alert(1)</script> text", "kept text"),
        ("5 < 6 and 7 > 3, I <3 it, press <A> then <Menu>", "5 < 6 and 7 > 3, I <3 it, press <A> then <Menu>"),
        ("<!-- never closed <b>bold</b>", "<!-- never closed bold"),
    ],
)
def test_only_real_html_is_removed(raw: str, text: str) -> None:
    assert text_of(raw) == text


def test_many_tag_like_words_are_all_kept() -> None:
    # lxml stopped nesting after ~255 unclosed "elements" and dropped the rest
    raw = "bad <x> " * 600
    assert text_of(raw) == raw.strip()
    assert strip_markup("<terrible> " * 200_000).count("<terrible>") == 200_000


def test_a_long_json_ld_review_with_bracketed_words_is_read_whole() -> None:
    (review,) = extract_page(_page(BODY).encode(), "https://shop.example/kettle").reviews
    assert len(BODY) > 38_000 and review["text"] == BODY


@pytest.mark.slow
def test_it_is_cut_only_when_stored_with_a_marker(serve_site: Any, local_settings: dict[str, Any], tmp_path: Path,
                                                  stored_reviews: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kettle.html").write_text(_page(BODY))
    site = serve_site(tmp_path, {"/kettle": "kettle.html"})
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "2000")  # the crawl process reads it from its environment
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    result = run_crawl("schemaorg", [site.url("/kettle")], brand="Acme", database_url=url, settings=local_settings)
    assert result.ok and result.items_new == 1, result.error_message
    (review,) = stored_reviews(url, "Acme")
    assert len(review.text) <= 2000 and review.text.startswith("Start. This was <terrible> and <worse>.")
    assert review.text.endswith("and <worse>. The end.") and "characters cut …]" in review.text
