"""crawlers.pipelines.review_check.ReviewCheckPipeline: every spider's reviews completed the same way, empty ones dropped."""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawlers import stats as keys
from crawlers.items import ReviewItem
from crawlers.pipelines import ReviewCheckPipeline
from models.identity import content_id


def _pipeline() -> ReviewCheckPipeline:
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    return ReviewCheckPipeline.from_crawler(crawler)


def test_a_review_with_neither_text_nor_rating_is_dropped_and_counted() -> None:
    pipeline = _pipeline()
    with pytest.raises(DropItem, match=r"^review without text or rating at https://shop\.example/p/1$"):
        pipeline.process_item(ReviewItem(source="appstore", url="https://shop.example/p/1", text="  ", rating=None))
    assert pipeline.crawler.stats.get_value(keys.PARSE_ERRORS) == 1


def test_a_rating_alone_is_kept_with_empty_text_and_a_content_id() -> None:
    pipeline = _pipeline()
    item = pipeline.process_item(ReviewItem(source="appstore", author="  Ana \n B ", rating=2))
    assert (item["text"], item["author"], item["extra"]) == ("", "Ana B", {})
    assert item["external_id"] == content_id("appstore", "Ana B", "")
    assert pipeline.crawler.stats.get_value(keys.PARSE_ERRORS) is None


def test_the_sites_own_id_and_the_texts_line_breaks_are_kept() -> None:
    item = _pipeline().process_item(ReviewItem(source="yelp", external_id="y-1", title=" Cold \n soup ", text=" Line one.\nLine two. "))
    assert (item["external_id"], item["title"], item["text"]) == ("y-1", "Cold soup", "Line one.\nLine two.")
