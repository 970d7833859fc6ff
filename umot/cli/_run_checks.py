"""What a nightly run (``umot run``, ``umot demo``) needs, checked before it starts.

Starting the local Prefect API costs ~20 s and a crawl more: a missing model, a
--set value its Scrapy setting cannot take, a store that does not open or an unknown
--brand/--source costs one line (exit 2) now.
"""

from __future__ import annotations

import os

from umot.cli._errors import fail


def check_run_arguments(database_url: str | None = None, *, brand: str | None = None,
                        source: str | None = None, model: str | None = None,
                        settings: dict[str, str] | None = None) -> None:
    """Check what a run needs now, in one line (exit 2), before the local Prefect API (~20 s)
    and any crawl start: --set values Scrapy can read (``umot crawl``'s check: ``=0`` requests per
    domain never ended, ``DOWNLOAD_DELAY=abc`` failed every source), a model that is there, a store
    that opens, and the --brand and --source it holds (after syncing umot.toml, as the run does)."""
    from core.settings import get_settings
    from crawlers.sources_sync import sync_sources
    from models import crud
    from models.db import session_scope
    from models.sources_config import SourcesConfigError
    from nlp.model_source import model_source_error
    from umot.cli._crawl_checks import check_settings, project_settings
    from umot.cli._store import brand_or_fail, open_store

    if settings:
        check_settings(settings, project_settings())
    chosen = model or get_settings().model
    problem = model_source_error(chosen) if chosen else None
    if problem:
        fail(f"cannot load the model: {problem}")
    engine = open_store(database_url)
    if database_url:  # the flow, its tasks and the crawl processes read the store from the settings
        os.environ["UMOT_DATABASE_URL"] = database_url
    config = get_settings().config_file
    unlisted: dict[int, str] = {}  # stored sources the file does not list: the run skips them
    with session_scope(engine) as session:
        if config.is_file():
            try:  # a source the store cannot hold (an over-long name) is skipped; the run's summary says so
                unlisted = sync_sources(session, config).unlisted
            except SourcesConfigError:
                pass  # the run logs it and crawls the sources already stored
        owner = brand_or_fail(session, brand) if brand is not None else None
        named = [s for s in crud.list_sources(session, enabled_only=True, brand_id=owner.id if owner else None)
                 if source is not None and s.name == source.strip()]
        if source is not None and all(s.id in unlisted for s in named):
            what = f"no enabled source named {source!r}{f' of brand {brand!r}' if brand else ''}"
            if named:  # stored, but a hand edit took it out of the file (renamed, moved, deleted)
                fail(f"{what} is listed in {config}: {', '.join(unlisted[s.id] for s in named if s.id)} is stored "
                     "but not listed, so the run skips it (`umot sources sync --prune` disables it)")
            fail(f"{what} in the store (see `umot sources list`)")
