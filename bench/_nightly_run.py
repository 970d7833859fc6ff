"""The real nightly flow run on a fresh store and timed by stage, for ``bench pipeline`` and
``bench shortcuts``: both time the same run, so they time it the same way."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench._pipeline_stages import stage_figures

SOURCE = "bench-site"


def use_store(path: Path) -> str:
    """Make the SQLite file at ``path`` this process's store (``UMOT_DATABASE_URL``), migrated."""
    from models.db import init_db

    url = f"sqlite:///{path}"
    os.environ["UMOT_DATABASE_URL"] = url
    init_db(url)
    return url


def register_sources(site: Any) -> None:
    """One source per brand of the demo site, so that the nightly flow crawls them all."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        for brand in site.brands:
            crud.add_source(session, brand=brand.name, name=SOURCE, urls=[brand.url])


def timed_nightly(site: Any) -> tuple[Any, dict[str, Any]]:
    """One nightly flow run, with its stages timed from the flow's progress events."""
    from flows import progress
    from flows.nightly import nightly
    from flows.prefect_env import local_run_settings

    marks: list[tuple[float, str]] = []
    start = time.perf_counter()
    with progress.listening(lambda e: marks.append((time.perf_counter(), e.stage))), local_run_settings():
        result = nightly(source=SOURCE, crawl_settings=site.crawl_settings, crawl_retries=0, notify=False)
    total = time.perf_counter() - start
    crawl_end = max((t for t, stage in marks if stage == "crawl"), default=start)
    summary_start = min((t for t, stage in marks if stage == "summarise"), default=crawl_end)
    # flows.night_finish reads themes between scoring and the summary: its own stage, not scoring's
    score_end = min((t for t, stage in marks if stage == "themes"), default=summary_start)
    stages = {
        "crawl+ingest": stage_figures(crawl_end - start, result.new_reviews),
        "score+flag": stage_figures(score_end - crawl_end, result.scored),
        "themes": stage_figures(summary_start - score_end, result.themes_read),
        "summary+report": stage_figures(start + total - summary_start, len(result.brands)),
    }
    return result, {"seconds": round(total, 2), "new_reviews": result.new_reviews, "scored": result.scored,
                    "detractors": result.detractors, "stages": stages}
