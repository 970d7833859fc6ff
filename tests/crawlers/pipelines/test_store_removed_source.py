"""StorePipeline: a source removed during its crawl (``umot sources remove``) no longer fails the crawl's
next batch with a foreign-key error; the reviews are stored without the source, said in one warning."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel import select

from crawlers.pipelines.store import StorePipeline
from models.crud import add_source, get_or_create_brand, remove_source
from models.db import dispose_engines, init_db, session_scope
from models.stored import stored_id
from models.tables import Review


class Stats:
    """The two calls the pipeline makes on Scrapy's stats."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


def test_batches_after_the_source_is_removed_are_stored_without_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = init_db(url)
    with session_scope(engine) as s:
        brand_id = get_or_create_brand(s, "Acme").id
        source_id = stored_id(add_source(s, brand="Acme", name="shop", urls=["https://shop.example/p/1"]))
    crawler: Any = SimpleNamespace(stats=Stats(), engine=None, spider=SimpleNamespace(source_id=source_id))
    pipeline = StorePipeline(crawler, url, batch_size=1, migrated=True)
    pipeline.brand_id = brand_id
    pipeline.buffer = [{"source": "shop", "external_id": "a", "text": "Great kettle."}]
    pipeline.flush()
    with session_scope(engine) as s:
        assert remove_source(s, source_id)
    with caplog.at_level(logging.WARNING, logger="crawlers.pipelines.store"):
        for external_id in ("b", "c"):
            pipeline.buffer = [{"source": "shop", "external_id": external_id, "text": "Broke in a week."}]
            pipeline.flush()
    assert not pipeline.failed, crawler.stats.values
    with session_scope(engine) as s:
        assert sorted((r.external_id, r.source_id) for r in s.exec(select(Review))) == [
            ("a", None), ("b", None), ("c", None)]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"source #{source_id} was removed during this crawl: its reviews are stored without a "
                        "source (they stay the brand's, as a removed source's reviews do)"]
    dispose_engines()
