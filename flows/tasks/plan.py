"""The first task of a night: bring ``umot.toml`` into the store, then pick the sources to crawl.

Hand edits of the file (sources, competitor links) reach the store here
(:mod:`flows.config_sync`), so a
night runs what the file says: a stored source it no longer lists (renamed, moved
to another brand, deleted by hand) is skipped with a line saying so, never disabled.
A broken file is logged and the sources already stored still run, and the run's
result carries a line saying so (``RunScope.config_warnings``).
"""

from __future__ import annotations

from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.config_sync import synced_config
from flows.stage_outcomes import RunScope, SourceSpec


class SourceNotFound(LookupError):
    """``--brand``/``--source`` named something the store does not have."""


def _retry_unless_not_found(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a store hiccup (a locked SQLite file), not a brand or source that does not exist."""
    try:
        state.result()
    except SourceNotFound:
        return False
    except Exception:  # noqa: BLE001 - anything else may pass
        return True
    return False


@task(name="plan-run", timeout_seconds=120, retries=1, retry_delay_seconds=2,
      retry_condition_fn=_retry_unless_not_found, cache_policy=NO_CACHE)
def plan_run(brand: str | None = None, source: str | None = None) -> RunScope:
    """Enabled sources, narrowed to one brand and/or one source name, and the brands they cover."""
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    warnings, unlisted = synced_config()
    with session_scope(get_engine()) as session:
        brands = {stored_id(b): b for b in crud.list_brands(session)}
        chosen = crud.get_brand(session, brand) if brand is not None else None  # matched as every command does
        if brand is not None and chosen is None:
            raise SourceNotFound(f"no brand named {brand!r} in the store")
        specs = []
        for row in crud.list_sources(session, enabled_only=True):
            owner = brands[row.brand_id]
            if chosen is not None and row.brand_id != chosen.id:
                continue
            if (source is not None and row.name != source.strip()) or row.id in unlisted:
                continue
            specs.append(SourceSpec.of(row, owner.name))
    if source is not None and not specs:
        where = f" of brand {brand!r}" if brand else ""
        raise SourceNotFound(f"no enabled source named {source!r}{where} in the store"
                             f"{' that umot.toml lists' if unlisted else ''}")
    if brand is not None:
        brand_ids: tuple[int, ...] | None = (stored_id(chosen),) if chosen is not None else ()
    elif source is not None:
        brand_ids = tuple(sorted({s.brand_id for s in specs}))
    else:
        brand_ids = None
    return RunScope(brand_ids=brand_ids, sources=tuple(specs), config_warnings=warnings)
