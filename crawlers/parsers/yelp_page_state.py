"""Yelp's page state: the hypernova JSON blocks of a business page, and the review feed in them.

Yelp renders its business page with hypernova: the page state sits in
``<script type="application/json" data-hypernova-key="...">`` blocks, wrapped
in an HTML comment (``<!--{...}-->``). The review feed is any object holding
``reviews[]`` of review items (in Yelp's current pages
``bizDetailsPageProps.reviewFeedQueryProps``); the path to it is searched for
rather than hard-coded, because Yelp moves it between releases.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from parsel import Selector

from crawlers.parsers.json_data import walk_dicts


def page_states(html: str) -> list[Any]:
    """The parsed JSON of every ``application/json`` script block, in page order."""
    selector = Selector(text=html)
    states = []
    for raw in selector.css('script[type="application/json"]::text').getall():
        raw = raw.strip()
        if raw.startswith("<!--") and raw.endswith("-->"):
            raw = raw[4:-3]
        try:
            states.append(json.loads(raw))
        except ValueError:
            continue  # other widgets' blocks; a broken feed shows up as "no feed" below
    return states


def review_feeds(value: Any) -> Iterator[dict[str, Any]]:
    """Objects with a ``reviews`` list of Yelp review items, depth first."""
    for node in walk_dicts(value):
        items = node.get("reviews")
        if isinstance(items, list) and items and all(
            isinstance(i, dict) and "comment" in i and "rating" in i for i in items
        ):
            yield node
