"""Yelp's page state: the JSON script blocks of a business page, and the review feed found in them."""

from __future__ import annotations

from crawlers.parsers.yelp_page_state import page_states, review_feeds


def test_page_states_unwrap_html_comments_and_skip_blocks_that_are_not_json() -> None:
    html = (
        '<script type="application/json" data-hypernova-key="biz"><!--{"a": 1}--></script>'
        '<script type="application/json"><!--not json--></script>'
        '<script type="application/ld+json">{"b": 2}</script>'
        '<script type="application/json"> [3] </script>'
    )
    assert page_states(html) == [{"a": 1}, [3]]


def test_review_feeds_are_lists_of_items_with_comment_and_rating_depth_first() -> None:
    feed = {"reviews": [{"comment": {"text": "ok"}, "rating": 5}], "pagination": {}}
    later = {"reviews": [{"comment": {}, "rating": 1}]}
    state = {"header": {"reviews": []}, "ads": {"reviews": [{"rating": 4}]}, "props": [{"feed": feed}, later]}
    assert list(review_feeds(state)) == [feed, later]
