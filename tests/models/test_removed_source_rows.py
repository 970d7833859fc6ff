"""``umot sources remove`` during that source's crawl: the crawl's later batches and a run opened after
the removal are stored without the source (as its earlier reviews are), not refused by the foreign key."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import select

from models.crud import add_source, remove_source, start_crawl_run, upsert_reviews
from models.db import session_scope
from models.stored import stored_id
from models.tables import CrawlRun, Review


def test_a_batch_after_its_source_was_removed_is_stored_without_it(engine: Engine) -> None:
    with session_scope(engine) as s:
        shop = add_source(s, brand="Acme", name="shop", urls=["https://shop.example/p/1"])
        source_id, brand_id = stored_id(shop), shop.brand_id
        run_id = start_crawl_run(s, brand_id=brand_id, source_id=source_id, spider="schemaorg").id
        first = upsert_reviews(s, [{"source": "shop", "external_id": "a", "text": "Great kettle."}],
                               brand_id=brand_id, source_id=source_id, crawl_run_id=run_id)
    assert not first.source_removed
    with session_scope(engine) as s:
        assert remove_source(s, source_id)
    with session_scope(engine) as s:  # the crawl's next batch, with the id it started with
        later = upsert_reviews(s, [{"source": "shop", "external_id": "b", "text": "Broke in a week."}],
                               brand_id=brand_id, source_id=source_id, crawl_run_id=run_id)
    assert (later.new, later.source_removed) == (1, True)
    with session_scope(engine) as s:
        stored = {r.external_id: (r.source_id, r.crawl_run_id) for r in s.exec(select(Review))}
        assert stored == {"a": (None, run_id), "b": (None, run_id)}


def test_a_run_opened_after_its_source_was_removed_has_none(engine: Engine) -> None:
    with session_scope(engine) as s:
        shop = add_source(s, brand="Acme", name="shop", urls=["https://shop.example/p/1"])
        source_id, brand_id = stored_id(shop), shop.brand_id
    with session_scope(engine) as s:
        assert remove_source(s, source_id)
    with session_scope(engine) as s:
        run_id = start_crawl_run(s, brand_id=brand_id, source_id=source_id, spider="schemaorg").id
    with session_scope(engine) as s:
        run = s.get(CrawlRun, run_id)
        assert run is not None and run.source_id is None and run.brand_id == brand_id
