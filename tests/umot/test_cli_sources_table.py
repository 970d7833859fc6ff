"""The "last crawl" cell of ``umot sources list`` (umot/cli/_sources_table.py)."""

from __future__ import annotations

from datetime import datetime

from models.tables import CrawlRun
from umot.cli._sources_table import last_crawl


def test_a_source_never_crawled_says_never() -> None:
    assert last_crawl(None) == "never"


def test_the_last_crawl_names_its_start_outcome_and_counts() -> None:
    run = CrawlRun(spider="feed", started_at=datetime(2024, 5, 1, 2, 7), status="ok", items_new=3, errors=2)
    assert last_crawl(run) == "2024-05-01 02:07 ok, 3 new, 2 errors"
