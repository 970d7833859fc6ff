"""A stored review URL, review text or brand name cannot turn into markup in the nightly report
or the weekly export's artifact (flows/report_format.py, flows/export_artifact.py).

Was: a url with a newline or a tab after the link wrote a heading, a second link and raw HTML
into ``reports/nightly-*.md``; ``&lt;b&gt;`` in a review showed as ``<b>``; a brand
``Acme <Outlet>`` or ``*Star* Foods`` in the weekly export's artifact was HTML or bold.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from flows.export_artifact import export_report
from flows.outcomes import BrandReport, Detractor, NightlyResult
from flows.report import render_report
from flows.report_format import md_escape, md_link
from flows.slack_text import safe_link

HOSTILE_URLS = [
    "https://shop.example/r/1\n\n#\tURGENT: log in again <https://evil.example/login>\n\n<script>alert(1)</script>",
    "https://shop.example/r\t<img\tsrc=x\tonerror=alert(1)>",
    "https://shop.example/r\r# heading",
    "https://shop.example/r<b>x</b>",
    "https://shop.example/r\\",  # would escape the link's closing parenthesis
    "https://shop.example/r`code`",
    'https://shop.example/r"x',
    "https://shop.example/r\u200b",  # invisible
    "https://shop.example/r\u202egnp.exe",  # right-to-left override: hides where it leads
    "https://shop.example/r\u00a0x",
    "https://shop.example/r\u2028x",
]


def _html(markdown: str) -> str:
    """As a CommonMark renderer that lets raw HTML through (as the Prefect UI may) shows it."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_url_that_is_not_made_of_url_characters_gets_no_link(url: str) -> None:
    from flows.slack_text import plain_http_url

    assert md_link(url) == ""
    assert safe_link(url) is None and not plain_http_url(url)  # one rule for the report and the webhook


def test_plain_links_stay_links_spaces_and_parentheses_encoded() -> None:
    assert md_link("https://shop.example/r/1?a=1&b=2#x") == "[link](https://shop.example/r/1?a=1&b=2#x)"
    assert md_link("https://a.test/x y(1)") == "[link](https://a.test/x%20y%281%29)"
    assert md_link("https://a.test/caf\u00e9_~x") == "[link](https://a.test/caf\u00e9_~x)"


def test_an_ampersand_shows_as_written() -> None:
    assert md_escape("&lt;b&gt; Tom & Jerry") == r"\&lt;b\&gt; Tom \& Jerry"
    assert "<b>" not in _html(md_escape("&lt;b&gt;&#60;i&#62;"))
    assert _html(md_escape("&lt;b&gt; & &#60;")) == "<p>&amp;lt;b&amp;gt; &amp; &amp;#60;</p>\n"


def test_the_nightly_report_shows_hostile_urls_and_texts_as_text() -> None:
    from datetime import UTC, datetime

    items = [Detractor(review_id=i, brand_id=1, severity=0.9, reasons=("rated 1★",), text="&lt;b&gt;bad&lt;/b&gt;",
                       url=url, rating=1.0) for i, url in enumerate(HOSTILE_URLS[:2], 1)]
    brand = BrandReport(brand_id=1, brand="Acme", new_reviews=2, stored_reviews=2, scored=2,
                        labels={"negative": 2}, new_detractors=2, detractors=items)
    result = NightlyResult(started_at=datetime(2026, 11, 23, 3, tzinfo=UTC), brands=[brand], scored=2, new_flags=2)
    html = _html(render_report(result))
    assert not re.search(r"<(script|img|b)\b", html)
    assert "evil.example" not in html and "URGENT" not in html  # the url is left out whole, nothing after it
    assert [h for h in re.findall(r"<h(\d)>(.*?)</h\1>", html) if "URGENT" in h[1]] == []
    assert "&amp;lt;b&amp;gt;bad" in html  # the review's own "&lt;b&gt;" as written


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


BRANDS = ["Acme <Outlet>", "*Star* Foods", "[x](https://evil.example/)", "'=Bad|Co", "&lt;i&gt;Amp"]


def test_the_weekly_artifact_shows_brand_names_as_written(tmp_path: Path) -> None:
    summary = _csv(tmp_path / "summary-2026-W19.csv", [{"brand": b, "reviews": "3"} for b in BRANDS])
    bench = _csv(tmp_path / "benchmark-acme-2026-W19.csv",
                 [{"brand": b, "role": role, "reviews": "1", "avg_rating": "", "negative_pct": "", "nps": "",
                   "detractor_rate": "", "reply_rate": "", "median_reply_hours": ""}
                  for b, role in zip(BRANDS, ["brand", "rival", "rival", "rival", "rival"], strict=True)])
    markdown = export_report("2026-W19", [summary, bench])
    html = _html(markdown)
    assert not re.search(r"<(outlet|em|a|i)\b", html, re.IGNORECASE)
    assert "<strong>Acme &lt;Outlet&gt; vs rivals</strong>" in html
    cells = re.findall(r"<td>(.*?)</td>", html)
    assert "*Star* Foods" in cells and "=Bad|Co" in cells and "&amp;lt;i&amp;gt;Amp (rival)" in cells
    assert "[x](https://evil.example/) (rival)" in cells
