"""Score tasks: load the model once, then score and flag unscored reviews batch by batch.

Each batch is read, scored outside any transaction (the model is the slow
part; holding an SQLite write lock meanwhile would block crawls and the web
app), then its scores, referral intents and flags are written in ONE
transaction. A run killed half way keeps every finished batch, and no review
is ever scored without its flag: the next run picks up exactly the reviews
that have no score from this model version.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import progress
from flows.flagging import Scored, flag_rows
from flows.outcomes import BatchOutcome
from nlp.review_scoring import review_text, score_reviews  # review_text: what themes and claims read too

VERSIONS_FILE = "model-versions.json"  # under the data dir: model files fingerprint -> version


def _fingerprint(model: str | None) -> str | None:
    """What a model directory's version depends on: its files (name, size, mtime), the int8
    switch and the code that names versions; None for a hub id (no local files to check)."""
    import hashlib
    from pathlib import Path

    import nlp
    from core.settings import get_settings

    settings = get_settings()
    package = Path(nlp.__file__).resolve().parent
    path = Path(model or settings.model or package / "model").expanduser()
    if not path.is_dir():
        return None
    parts = [str(path.resolve()), f"{settings.backend}:{settings.quantize}"]
    for file in sorted([*path.iterdir(), package / "scorer.py", package / "model.py"]):
        if file.is_file():
            stat = file.stat()
            parts.append(f"{file}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _versions_file() -> Any:
    from core.settings import get_settings

    return get_settings().data_dir / VERSIONS_FILE


def known_model_version(model: str | None = None) -> str | None:
    """The version a scorer loaded from these same model files had, without loading it (~8 s of CPU).

    Lets a run with nothing to score skip the model; None when unknown.
    """
    import json

    key = _fingerprint(model)
    try:
        return json.loads(_versions_file().read_text(encoding="utf-8")).get(key) if key else None
    except (OSError, ValueError, AttributeError):
        return None


def _remember_version(model: str | None, version: str) -> None:
    import json
    import os

    key = _fingerprint(model)
    if not key:
        return
    path = _versions_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({key: version}), encoding="utf-8")  # the current model's only
        os.replace(tmp, path)
    except OSError:  # only a shortcut for the next run
        pass


def has_unscored(model_version: str, brand_id: int | None = None) -> bool:
    """Is any review (of the brand) still without a score from this model version?"""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(), write=False) as session:
        return bool(crud.unscored_reviews(session, model_version=model_version, brand_id=brand_id, limit=1))


@task(name="load-scorer", timeout_seconds=900, cache_policy=NO_CACHE)
async def load_scorer(model: str | None = None) -> Any:
    """The scorer for this run (``None``: ``UMOT_MODEL`` or the shipped model).

    Async, loading in a thread, so that the timeout can end the task (a sync
    task in the flow's worker thread cannot be interrupted, and Prefect warns
    so on every run). Not retried: a local model that fails to load fails the
    same way again.
    """
    import asyncio

    import nlp

    progress.emit("score", "score", "loading model")
    scorer = await asyncio.to_thread(nlp.load_scorer, model)
    _remember_version(model, scorer.version)
    return scorer


@dataclass(frozen=True)
class _Pending:
    review_id: int
    brand_id: int
    text: str
    rating: float | None
    referral_intent: str | None


def _read_batch(model_version: str, brand_id: int | None, limit: int,
                review_ids: list[int] | None = None) -> list[_Pending]:
    """Up to ``limit`` unscored reviews, oldest first; or those of ``review_ids`` still unscored."""
    from models import crud
    from models.crud.scores import unscored_reviews_among
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    with session_scope(get_engine()) as session:
        if review_ids is not None:
            reviews = unscored_reviews_among(session, review_ids, model_version=model_version)
        else:
            reviews = crud.unscored_reviews(session, model_version=model_version, brand_id=brand_id, limit=limit)
        return [
            _Pending(stored_id(r), r.brand_id, review_text(r.title, r.text), r.rating, r.referral_intent)
            for r in reviews
        ]


def _write_batch(model_version: str, pending: list[_Pending], scores: list[Any], claimed_by: str | None = None) -> int:
    """Save scores, fill missing referral intents and upsert flags in one transaction
    (which also drops ``claimed_by``'s claims on these reviews, see ``models.crud.claims``)."""
    from models import crud
    from models.db import get_engine, session_scope

    intents = [s.referral_intent for s in scores]  # as stored, else read from the text (score_reviews)
    with session_scope(get_engine()) as session:
        score_ids = crud.save_scores(
            session, [{**s.as_dict(), "review_id": p.review_id, "model_version": model_version}
                      for p, s in zip(pending, scores)]
        )
        crud.fill_referral_intents(session, {p.review_id: i for p, i in zip(pending, intents)
                                             if p.referral_intent is None and i is not None})
        scored = [
            Scored(p.review_id, p.brand_id, sid, bool(s.detractor), tuple(s.reasons or ()),
                   s.p_negative, p.rating, intent)
            for p, s, sid, intent in zip(pending, scores, score_ids, intents)
        ]
        if claimed_by is not None:
            crud.release_claims(session, [p.review_id for p in pending], model_version=model_version,
                                worker=claimed_by)
        return crud.upsert_flags(session, flag_rows(scored))


@task(name="score-batch", task_run_name="score-batch-{number}", timeout_seconds=1800, retries=1,
      retry_delay_seconds=2, cache_policy=NO_CACHE)
def score_batch(scorer: Any, number: int, brand_id: int | None = None, batch_size: int = 256,
                review_ids: list[int] | None = None) -> BatchOutcome:
    """Score and flag up to ``batch_size`` reviews that this model version has not scored
    (``review_ids``: these, as planned by ``flows.night_scoring.score_all``)."""
    return score_pending(scorer, _read_batch(scorer.version, brand_id, batch_size, review_ids))


def score_pending(scorer: Any, pending: list[_Pending], claimed_by: str | None = None) -> BatchOutcome:
    """Score and flag these reviews, written in one transaction; their counts by brand and label."""
    outcome = BatchOutcome(review_ids=[p.review_id for p in pending])
    if not pending:
        return outcome
    scores = score_reviews(scorer, [p.text for p in pending], [p.rating for p in pending],
                           referral_intents=[p.referral_intent for p in pending])
    outcome.new_flags = _write_batch(scorer.version, pending, scores, claimed_by)
    outcome.scored = len(pending)
    labels: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p, s in zip(pending, scores):
        labels[p.brand_id][s.label or "unscored"] += 1
    outcome.labels = {b: dict(c) for b, c in labels.items()}
    progress.emit("score", "score", f"{outcome.new_flags} new detractors", advance=len(pending))
    return outcome
