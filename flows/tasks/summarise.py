"""Summarise task: read each brand's figures back from the store after scoring.

New reviews come from the crawls (what the store did not have), detractors are
the flags raised since the run started: this night's own, because a store runs
one night at a time (:mod:`flows.night_lock`; two overlapping nights used to
count and post each other's). The week figures come from
``models.crud.brand_summary`` for the last 7 days and the 7 days before, so the
report can show the week-over-week change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from prefect import task
from prefect.cache_policies import NO_CACHE

from core.ratings import rating_as_published, reasons_as_published
from flows.outcomes import BrandReport, Detractor
from flows.stage_outcomes import BatchOutcome, SourceOutcome
from models.stored import stored_id

if TYPE_CHECKING:
    from models.tables import Flag, Review


def merge_labels(batches: Sequence[BatchOutcome]) -> dict[int, dict[str, int]]:
    """Per brand, how many reviews this run scored under each label."""
    merged: dict[int, dict[str, int]] = {}
    for batch in batches:
        for brand_id, counts in batch.labels.items():
            into = merged.setdefault(brand_id, {})
            for label, n in counts.items():
                into[label] = into.get(label, 0) + n
    return merged


@task(name="summarise", timeout_seconds=300, retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def summarise(
    brand_ids: Sequence[int] | None,
    started_at: datetime,
    sources: Sequence[SourceOutcome],
    batches: Sequence[BatchOutcome],
    model_version: str | None,
    top: int = 5,
    now: datetime | None = None,
    own_start: datetime | None = None,
) -> list[BrandReport]:
    """One :class:`BrandReport` per brand in scope (``None``: every brand), by name.

    ``started_at``: the report's window (a killed night's start, ``flows.night_window``);
    ``own_start``: this night's own start (default: ``started_at``).
    """
    from models import crud
    from models.crud.edited_flags import still_detractor
    from models.crud.flags import not_settled
    from models.crud.night_counts import edited_by_brand
    from models.db import get_engine, session_scope

    now = now or datetime.now(started_at.tzinfo)
    labels = merge_labels(batches)
    new_reviews: dict[int, int] = {}
    for outcome in sources:
        new_reviews[outcome.source.brand_id] = new_reviews.get(outcome.source.brand_id, 0) + outcome.items_new
    reports = []
    with session_scope(get_engine()) as session:
        edited = edited_by_brand(session, since=started_at)  # not those a `--brand` night in between reported
        week = {s["brand_id"]: s for s in crud.brand_summary(
            session, since=now - timedelta(days=7), until=now, model_version=model_version)}
        previous = {s["brand_id"]: s for s in crud.brand_summary(
            session, since=now - timedelta(days=14), until=now - timedelta(days=7), model_version=model_version)}
        for brand in crud.list_brands(session):
            brand_id = stored_id(brand)
            if brand_ids is not None and brand_id not in brand_ids:
                continue
            # not those an earlier night already reported (a `--brand` night between a killed night and this one),
            # nor those dismissed or cleared by an edit meanwhile: they count nowhere, so are neither counted nor quoted
            unreported = not_settled(brand.webhook_seen_flag_id, own_start or started_at)
            flagged = crud.flagged_reviews(session, brand_id=brand_id, since=started_at,
                                           where=unreported & still_detractor())
            reports.append(
                BrandReport(
                    brand_id=brand_id,
                    brand=brand.name,
                    new_reviews=new_reviews.get(brand_id, 0),
                    stored_reviews=crud.count_reviews(session, brand_id=brand_id),
                    edited_reviews=edited.get(brand_id, 0),
                    scored=sum(labels.get(brand_id, {}).values()),
                    labels=labels.get(brand_id, {}),
                    new_detractors=len(flagged),
                    detractors=[as_detractor(flag, review) for flag, review, _score in flagged[:top]],
                    week=week.get(brand_id, {}),
                    previous_week=previous.get(brand_id, {}),
                    webhook_url=brand.webhook_url,
                )
            )
    return reports


def as_detractor(flag: Flag, review: Review) -> Detractor:
    """What a report or a webhook quotes of a flagged review (read while its session is open)."""
    return Detractor(
        review_id=stored_id(review),
        brand_id=flag.brand_id,
        severity=flag.severity,
        reasons=tuple(reasons_as_published(flag.reasons or (), review.rating, review.rating_raw, review.rating_scale)),
        text=review.text or review.title or "",
        url=review.url,
        rating=review.rating,
        author=review.author,
        source=review.source,
        rating_shown=rating_as_published(review.rating, review.rating_raw, review.rating_scale),
    )
