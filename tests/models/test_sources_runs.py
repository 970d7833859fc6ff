"""Brands, sources and crawl runs."""

from __future__ import annotations

import pytest

from models.crud import (
    add_source,
    finish_crawl_run,
    get_or_create_brand,
    list_crawl_runs,
    list_sources,
    remove_source,
    set_source_enabled,
    start_crawl_run,
    upsert_reviews,
)
from models.db import session_scope
from models.tables import CrawlRun, Review


def test_get_or_create_brand_is_stable(engine) -> None:
    with session_scope(engine) as s:
        first = get_or_create_brand(s, " Acme ")
        assert get_or_create_brand(s, "Acme").id == first.id and first.name == "Acme"
        with pytest.raises(ValueError):
            get_or_create_brand(s, "  ")


def test_sources_add_list_disable_remove(engine) -> None:
    with session_scope(engine) as s:
        shop = add_source(s, brand="Acme", name="shop", urls=["https://shop.example/p/1"], options={"max_pages": 3})
        play = add_source(s, brand="Acme", name="play", urls=["https://play.example/app"], spider="googleplay")
        with pytest.raises(ValueError, match="already exists"):
            add_source(s, brand="Acme", name="shop", urls=[])
        set_source_enabled(s, play.id, False)
        assert [x.name for x in list_sources(s)] == ["play", "shop"]
        assert [x.name for x in list_sources(s, enabled_only=True)] == ["shop"]
        run = start_crawl_run(s, brand_id=shop.brand_id, source_id=shop.id, spider="schemaorg")
        new_id = upsert_reviews(s, [{"source": "shop", "text": "hi"}], brand_id=shop.brand_id,
                                source_id=shop.id, crawl_run_id=run.id).new_ids[0]
    with session_scope(engine) as s:
        assert remove_source(s, shop.id) is True
        assert remove_source(s, shop.id) is False
    with session_scope(engine) as s:
        assert [x.name for x in list_sources(s)] == ["play"]
        review = s.get(Review, new_id)
        assert review.source_id is None and review.crawl_run_id == run.id  # history stays
        assert s.get(CrawlRun, run.id).source_id is None


def test_crawl_run_lifecycle(engine, brand_id) -> None:
    with session_scope(engine) as s:
        run = start_crawl_run(s, brand_id=brand_id, source_id=None, spider="schemaorg")
        assert run.id is not None and run.status == "running" and run.finished_at is None
    with session_scope(engine) as s:
        done = finish_crawl_run(s, run.id, status="failed", pages=3, items_scraped=20, items_new=7, errors=1,
                                error_message="HTTP 500 on https://shop.example/p/3")
    assert done.finished_at >= done.started_at
    with session_scope(engine) as s:
        stored = list_crawl_runs(s, brand_id=brand_id)[0]
        assert (stored.status, stored.pages, stored.items_scraped, stored.items_new, stored.errors) == ("failed", 3, 20, 7, 1)
        assert "HTTP 500" in stored.error_message
        with pytest.raises(ValueError, match="status"):
            finish_crawl_run(s, run.id, status="weird", pages=0, items_scraped=0, items_new=0, errors=0)
        with pytest.raises(LookupError):
            finish_crawl_run(s, 999_999, status="ok", pages=0, items_scraped=0, items_new=0, errors=0)
