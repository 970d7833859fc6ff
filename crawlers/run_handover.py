"""What the runner hands a crawl process whose run it opened: the settings' names, and the ids file.

The spiders and pipelines read these settings in the crawl process; they are kept
apart from the store work that fills them (:mod:`crawlers.run_store`) so that reading
one loads no store module: the settings name the ``CrawlRun`` and brand, the JSON
files of the ids the brand already has (:data:`KNOWN_FILE`, and those the reply window
reads again, :data:`AWAITING_FILE`), its page states (:data:`PAGES_FILE`) and the day
an earlier crawl's pagination stopped at ``since`` (:data:`SINCE_CUT`).
"""

from __future__ import annotations

import json
from pathlib import Path

#: Scrapy settings the runner passes to a crawl whose run it opened.
RUN_ID = "CRAWL_RUN_ID"
BRAND_ID = "CRAWL_BRAND_ID"
KNOWN_FILE = "CRAWL_KNOWN_FILE"  # JSON {source label: [external ids]}
AWAITING_FILE = "CRAWL_AWAITING_FILE"  # the same, of the recent reviews KNOWN_FILE leaves out (reply window)
PAGES_FILE = "CRAWL_PAGES_FILE"  # JSON {url: page state} (models.crud.page_states)
SINCE_CUT = "CRAWL_SINCE_CUT"  # ISO day: the last ok run of the source stopped at --since (CrawlRun.since_cut)


def read_known(path: str | Path) -> dict[str, set[str]]:
    """The ids :func:`crawlers.run_store.open_run` wrote, as the spider keeps them."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {source: set(ids) for source, ids in data.items()}
