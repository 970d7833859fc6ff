"""A nightly run fanned out over the work pool: crawl units, then score units, counted from the store.

Used by ``flows.nightly.nightly`` when ``fan_out`` > 0 and the store is
PostgreSQL (a store every worker reaches). The due sources are dealt round
robin into ``fan_out`` crawl units; then ``fan_out`` score units score what the
night's brands have unscored (every brand's on a night for all of them). The
figures the summary needs (new reviews per source, scores per label, new flags)
are read back from the store for rows written since the night started, so a
unit that died and ran again is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from prefect import runtime

from core.wording import plural
from flows import progress
from flows.fanout import UnitsFailed, plan, run_units
from flows.night_units import CRAWL, SCORE
from flows.outcomes import NightlyResult
from flows.stage_outcomes import BatchOutcome, SourceOutcome, SourceSpec
from flows.tasks.model_versions import known_model_version
from flows.tasks.plan import plan_run
from flows.tasks.score_store import has_unscored, unscored_count

_RESULT_FIELDS = {f.name for f in fields(SourceOutcome)} - {"source"}


def shared_store(database_url: str | None = None) -> bool:
    """Can workers on other machines reach this store? (PostgreSQL: yes; a SQLite file: no.)"""
    from sqlalchemy.engine import make_url

    from core.settings import get_settings

    return make_url(database_url or get_settings().database_url).get_backend_name() == "postgresql"


def crawl_units(
    night: str, specs: list[SourceSpec], units: int, parameters: dict[str, Any], *, since: datetime,
    lease_seconds: float,
) -> list[SourceOutcome]:
    """Crawl the sources in ``units`` child flow runs; one outcome per source, in order."""
    from models import crud
    from models.db import get_engine, session_scope

    if not specs:
        return []
    groups = [[s.source_id for s in specs[i::units]] for i in range(min(units, len(specs)))]
    plan(night, CRAWL, groups)
    rows = run_units(night, CRAWL, len(groups), parameters, lease_seconds=lease_seconds)
    found = {d["source_id"]: d for row in rows for d in row.outcome.get("sources", [])}
    with session_scope(get_engine(), write=False) as session:
        new = crud.new_reviews_by_source(session, since=since, source_ids=[s.source_id for s in specs])
    outcomes = []
    for spec in specs:
        data = {k: v for k, v in found.get(spec.source_id, {}).items() if k in _RESULT_FIELDS}
        outcome = SourceOutcome(source=spec, **{"ok": False, "error_message": "not crawled", **data})
        outcome.items_new = new.get(spec.source_id, 0)  # a unit run twice counts its reviews once
        outcomes.append(outcome)
    return outcomes


def score_units(
    night: str, units: int, parameters: dict[str, Any], *, since: datetime, brand_ids: tuple[int, ...] | None,
    lease_seconds: float,
) -> tuple[str | None, list[BatchOutcome]]:
    """Score in ``units`` child flow runs; the model version and one batch outcome for the night.

    :class:`UnitsFailed` when the units finished and the night's brands still have unscored reviews (a unit's
    batch lost on the way): the night fails saying how many, as a one-process night fails on a failed batch.
    """
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import utcnow

    started = utcnow()  # reviews stored or edited after this are the next night's, not a batch a unit lost
    plan(night, SCORE, [[] for _ in range(units)])
    rows = run_units(night, SCORE, units, parameters, lease_seconds=lease_seconds)
    version = next((r.outcome.get("model_version") for r in rows if r.outcome.get("model_version")), None)
    if version is None:
        return None, []
    if left := unscored_count(version, brand_ids, before=started):  # the units finished, yet some are left: say so, as a failed batch
        raise UnitsFailed(f"{plural(left, 'review')} left unscored by the score units (the next night scores them)")
    with session_scope(get_engine(), write=False) as session:
        labels = crud.scored_since(session, model_version=version, since=since, brand_ids=brand_ids)
        flags = crud.flags_since(session, since=since, brand_ids=brand_ids)
    batch = BatchOutcome(scored=sum(sum(c.values()) for c in labels.values()), labels=labels, new_flags=flags)
    return version, [batch] if batch.scored else []


@dataclass
class Night:
    """What the crawl and score stages hand to the summary (in one process or fanned out)."""

    result: NightlyResult
    brand_ids: tuple[int, ...] | None
    batches: list[BatchOutcome]


def run_fanned(result: NightlyResult, brand: str | None, source: str | None, model: str | None, batch_size: int,
            units: int, lease_seconds: float, crawl_parameters: dict[str, Any]) -> Night:
    """Crawl and score in child flow runs on the pool's workers (``flows.fanned_night``).

    ``night`` is the flow run's id: a retried night (Prefect's retry, the UI's *Retry*) plans the same units
    again and starts only those not done.
    """
    night = str(runtime.flow_run.id)
    scope = plan_run(brand, source)
    result.config_warnings = list(scope.config_warnings)
    brand_ids = scope.brand_ids  # None: every brand; else the score units score these brands' reviews only
    progress.emit("crawl", "crawl", f"{len(scope.sources)} sources in {units} units", total=len(scope.sources))
    result.sources = crawl_units(night, list(scope.sources), units, crawl_parameters, since=result.counted_since,
                                 lease_seconds=lease_seconds)
    version = known_model_version(model)
    batches: list[BatchOutcome] = []
    if version is None or has_unscored(version, brand_ids):
        brands = list(brand_ids) if brand_ids is not None else None  # a flow run parameter: JSON
        version, batches = score_units(night, units, {"model": model, "brand_ids": brands, "batch_size": batch_size},
                                       since=result.started_at, brand_ids=brand_ids, lease_seconds=lease_seconds)
    result.model_version = version
    result.scored = sum(b.scored for b in batches)
    result.new_flags = sum(b.new_flags for b in batches)
    return Night(result, brand_ids, batches)
