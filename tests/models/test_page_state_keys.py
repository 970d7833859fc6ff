"""A page URL longer than pagestate.url holds is stored cut, with the hash of the whole: two long URLs stay
apart, and the crawl's look-up (crawlers.stored_pages.StoredPages) finds each by the same key."""

from __future__ import annotations

from sqlalchemy import Engine

from crawlers.stored_pages import LONG_URL, StoredPages
from models import crud
from models.crud.page_states import URL_CHARS
from models.db import session_scope

BASE = "https://shop.example/reviews?f=" + "x" * 2020


def test_two_long_urls_keep_their_own_state_and_are_found_again(engine: Engine, brand_id: int) -> None:
    pages = [{"url": BASE + "a", "etag": '"a"', "kind": "reviews"}, {"url": BASE + "b", "etag": '"b"', "kind": "hub",
                                                                      "links": [BASE + "a"]}]
    with session_scope(engine) as session:
        crud.upsert_reviews(session, [{"source": "shop", "external_id": "r1", "text": "Broke in a week",
                                       "url": BASE + "a"}], brand_id=brand_id)
        assert crud.save_page_states(session, pages, brand_id=brand_id) == 2
    with session_scope(engine, write=False) as session:
        states = crud.page_states(session, brand_id=brand_id)
        assert crud.count_reviews(session, brand_id=brand_id) == 1
    assert len(states) == 2 and all(len(url) == URL_CHARS for url in states)
    stored = StoredPages(states)
    assert stored.get(BASE + "a")["etag"] == '"a"'
    assert stored.get(BASE + "b") == {"etag": '"b"', "last_modified": None, "kind": "hub", "links": [BASE + "a"]}
    assert stored.get(BASE + "c") is None and stored.get("https://shop.example/") is None


def test_the_crawl_side_limit_is_the_column_length() -> None:
    assert LONG_URL == URL_CHARS
