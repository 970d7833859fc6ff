"""Which reviews a night reports as new: its own, and those of earlier nights that never reported.

A night killed after storing reviews (``kill -9``, power loss, out of memory)
or failed before its report left them in the store with no night counting
them: the next night's crawl finds them known, and a report that counted only
rows first seen since its own start never showed them. So each night records
that it started and, once its report is written, that it reported
(``models.crud.night_counts.open_night``/``close_night``, under the night
lock); a night for every brand and source starts its window at the first
unfinished night's start and says so in its report. A night for one brand or
source keeps its own window and leaves them to the next full night, which
leaves out what that night reported (its sources and the time it reported are
on its row): an unfinished night whose window holds nothing else is not named
(``models.crud.night_counts.open_night``). Their
detractors are not lost either: reviews stored but not scored are scored and
flagged by the next night like its own, and flags a killed night raised but
did not post are posted by the next night (:mod:`flows.notify_state`).
"""

from __future__ import annotations

from uuid import uuid4

from flows.outcomes import NightlyResult


def begin_night(result: NightlyResult, *, whole: bool) -> str:
    """Record this night as started; ``whole`` (every brand and source): count the unfinished nights' reviews too.

    Returns the night's id for :func:`end_night`.
    """
    from models.crud.night_counts import open_night
    from models.db import get_engine, session_scope

    night = uuid4().hex
    with session_scope(get_engine()) as session:
        result.unfinished_runs = open_night(session, night=night, started_at=result.started_at, whole=whole)
    return night


def end_night(night: str, result: NightlyResult) -> None:
    """The night's report is written: it, and the unfinished nights it covered, are done; its sources are
    recorded, so a full night after it does not count again what it reported."""
    from models.crud.night_counts import close_night
    from models.db import get_engine, session_scope

    with session_scope(get_engine()) as session:
        close_night(session, night=night, covered=bool(result.unfinished_runs),
                    source_ids=[s.source.source_id for s in result.sources])


def recount_new(result: NightlyResult) -> None:
    """Each source's new reviews counted from the store: those first stored since the night started, or since
    the first unfinished night's start (tonight's crawl found the reviews they stored known), but those a
    completed night in between reported.

    Never the crawls' own counts: a crawl that timed out after storing reviews and then succeeded on its
    retry counted only what the retry stored, and a retry finds the first attempt's reviews known."""
    from models import crud
    from models.db import get_engine, session_scope

    ids = [s.source.source_id for s in result.sources]
    with session_scope(get_engine(), write=False) as session:
        new = crud.new_reviews_by_source(session, since=result.counted_since, source_ids=ids)
    for outcome in result.sources:
        outcome.items_new = new.get(outcome.source.source_id, 0)

