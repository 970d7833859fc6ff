"""One crawl of the runner: where its items go, and the Scrapy settings and spider arguments it runs with.

:func:`job_settings` decides where a crawl's items go (a JSONL file, or the
store), migrates each store once per batch of crawls and opens the CrawlRun that
the crawl process then fills (:mod:`crawlers.run_store`); the crawls of one brand in a
batch share the files of what it already has (:mod:`crawlers.brand_snapshot`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from crawlers import run_handover, run_store, store_upkeep


@dataclass
class CrawlJob:
    """One crawl of :func:`crawlers.runner.run_crawls`: the arguments of :func:`~crawlers.runner.run_crawl`, minus timeout and log."""

    spider: str
    urls: list[str]
    brand: str | None = None
    database_url: str | None = None
    output: Path | None = None
    source_id: int | None = None
    since: datetime | None = None
    settings: dict | None = None
    spider_args: dict | None = None


def setting_value(value: Any) -> str:
    """Render a Python value the way Scrapy's ``Settings.get*`` parse ``-s`` strings."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, (list, tuple, set)):
        return ",".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value)


def job_settings(
    job: CrawlJob, known_file: Path, migrated: dict[str, bool]
) -> tuple[dict[str, Any], str | None, int | None]:
    """The crawl's Scrapy settings (where items go), the store URL it writes to (None for
    JSONL) and the id of the CrawlRun opened for it here (None: the crawl opens its own).

    ``known_file`` lies in the batch's own folder: an earlier crawl of the batch with the same
    store and brand wrote the brand's ids and page states there, and this one reuses them."""
    run_settings: dict[str, Any] = dict(job.settings or {})
    if job.output is not None:
        output = Path(job.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        run_settings["CRAWL_OUTPUT"] = str(output.resolve())
        run_settings["CRAWL_DATABASE_URL"] = ""
        return run_settings, None, None
    if not job.brand:
        raise ValueError("storing reviews needs a brand (or pass output= for JSONL)")
    database_url = job.database_url
    if database_url is None:
        from core.settings import get_settings

        database_url = get_settings().database_url
    run_settings["CRAWL_DATABASE_URL"] = database_url
    run_settings["CRAWL_OUTPUT"] = ""
    if database_url not in migrated:  # once per store and batch of crawls
        migrated[database_url] = store_upkeep.migrate(database_url)
        if migrated[database_url]:  # runs a killed process left open: closed before new ones start
            store_upkeep.close_abandoned(database_url)
    run_settings.setdefault("CRAWL_STORE_MIGRATED", migrated[database_url])
    handover = {}
    if run_settings["CRAWL_STORE_MIGRATED"]:
        handover = run_store.open_run(
            database_url, brand=job.brand, source_id=job.source_id, spider=job.spider, known_file=known_file,
            shared=True,
        )
    run_settings.update(handover)
    return run_settings, database_url, handover.get(run_handover.RUN_ID)


def spider_arguments(job: CrawlJob, urls: list[str]) -> dict[str, Any]:
    """The crawl's spider arguments, as ``scrapy crawl -a NAME=VALUE`` would pass them, but
    ``urls`` as a list: joined into one string, a URL with a comma in it (Algolia's
    ``tags=(story,comment)``) would come back as two."""
    args: dict[str, Any] = {}
    if urls:
        args["urls"] = list(urls)
    if job.brand:
        args["brand"] = job.brand
    if job.since is not None:
        args["since"] = job.since.isoformat()
    if job.source_id is not None:
        args["source_id"] = str(job.source_id)
    from crawlers.spiders.arguments import SET_BY_CRAWL

    # a source stored before options were checked may hold the crawl's own urls/brand/source_id: never theirs
    args.update({name: str(value) for name, value in (job.spider_args or {}).items() if name not in SET_BY_CRAWL})
    return args
