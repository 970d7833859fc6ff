"""A crawled review longer than UMOT_MAX_REVIEW_CHARS is stored cut (head and tail kept), not whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawlers.runner import run_crawl


@pytest.mark.slow
def test_a_huge_crawled_review_is_stored_cut(serve_site, local_settings, tmp_path: Path, stored_reviews,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    body = "The lid broke after a week. " + "page dump " * 300_000 + "Support never answered."  # 3 MB
    page = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": [
        {"@type": "Review", "@id": "https://shop.example/kettle#big", "author": "Sam", "reviewBody": body,
         "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5}}]}
    (tmp_path / "big.html").write_text(
        f'<html><head><script type="application/ld+json">{json.dumps(page)}</script></head><body></body></html>')
    site = serve_site(tmp_path, {"/kettle": "big.html"})
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "2000")  # the crawl process reads it from its environment
    url = f"sqlite:///{tmp_path / 'umot.db'}"
    result = run_crawl("schemaorg", [site.url("/kettle")], brand="Acme", database_url=url, settings=local_settings)
    assert result.ok and result.items_new == 1, result.error_message
    (review,) = stored_reviews(url, "Acme")
    assert len(review.text) <= 2000 and review.text.startswith("The lid broke after a week.")
    assert review.text.endswith("Support never answered.") and "characters cut …]" in review.text
