"""The demo site's replies: some detractors answered, some not, in schema.org markup a crawl reads."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from crawlers.extract.schemaorg import extract_page
from umot.demo.product_pages import product_page
from umot.demo.site import build_content

ANCHOR = date(2025, 6, 30)


def test_some_detractors_are_answered_some_not() -> None:
    content = build_content(seed=0, anchor=ANCHOR)
    reviews = [r for p in content.products for r in p.reviews]
    low = [r for r in reviews if r.rating is not None and r.rating <= 2]
    answered = [r for r in low if r.reply]
    assert 0.3 < len(answered) / len(low) < 0.8
    until = datetime.combine(ANCHOR, time(18, 0), tzinfo=UTC)
    assert all(r.published < r.replied <= until for r in reviews if r.reply)
    assert build_content(seed=0, anchor=ANCHOR).products[0].reviews == content.products[0].reviews  # seeded


def test_json_ld_pages_carry_the_reply_as_review_comment() -> None:
    content = build_content(seed=0, anchor=ANCHOR)
    product = next(p for p in content.products if p.markup == "product" and any(r.reply for r in p.reviews[:10]))
    expected = {r.external_id: r for r in product.reviews[:10]}
    rows = extract_page(product_page(product, 1), "http://127.0.0.1/" + product.path).reviews
    assert rows
    for row in rows:
        review = expected[row["external_id"]]
        assert row["reply_text"] == review.reply
        if review.reply:
            assert row["reply_author"] == "Acme Kitchen"
            assert row["replied_at"] == review.replied.isoformat()
