"""A night killed after storing reviews: the next night reports them as new, scores, flags and posts them.

Before, each night counted as new only the reviews first stored since its own
start: what a killed night (``kill -9``, power loss) stored was in no report.
The killed night is a real night stopped where ``kill -9`` would stop it:
nothing after that step runs (the night lock goes with it, as the kernel drops it).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import col, select

from flows.nightly import nightly
from tests.flows.conftest import review_rows
from tests.flows.test_nightly_flow import run_report

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


class Killed(BaseException):
    """The night stops here, like ``kill -9``: nothing after this step of it runs."""


def _kill_at(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """Run one night that dies at ``step`` of flows.nightly (``finish_night``: after scoring, before the report) or
    of its crawl and scoring in this process, flows.night_in_process (``score_all``: after storing, before scoring)."""
    import flows.nightly

    def die(*args: Any, **kwargs: Any) -> None:
        raise Killed(step)

    module = "flows.nightly" if hasattr(flows.nightly, step) else "flows.night_in_process"
    with monkeypatch.context() as patched:
        patched.setattr(f"{module}.{step}", die)
        with pytest.raises(BaseException):  # noqa: B017, PT011 - Prefect re-raises it as it likes
            nightly(**FAST)


def _first_unfinished_start() -> str:
    """The killed night's start, as its report line writes it."""
    from models.crud.night_counts import NIGHT
    from models.datetimes import as_utc
    from models.db import get_engine, session_scope
    from models.tables import NightShard

    with session_scope(get_engine(), write=False) as session:
        started = session.exec(select(NightShard.created_at).where(NightShard.kind == NIGHT)
                               .order_by(col(NightShard.created_at))).first()
    assert started is not None
    return as_utc(started).strftime("%Y-%m-%d %H:%M UTC")


def test_reviews_a_night_stored_before_it_was_killed_are_new_scored_flagged_and_posted_next_night(
    store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [review_rows("shop", 6)]})  # every night finds r0..r5; r0 and r3 are detractors
    _kill_at(monkeypatch, "score_all")  # stored, never scored nor reported
    assert got == []

    state = nightly(**FAST, return_state=True)

    result = state.result()
    assert result.new_reviews == 6 and result.scored == 6  # the crawl found them known: counted from the store
    assert result.headline() == "6 new reviews; 0 already stored; 2 new detractors"
    assert [s.items_new for s in result.sources] == [6]
    report = run_report(state)
    killed_at = _first_unfinished_start()
    assert f"\n\nIncludes reviews stored, edited or flagged by an unfinished run that started {killed_at}.\n" in report
    assert "**6** new reviews" in report and "**2** new detractors" in report
    [(path, body)] = got  # posted once, in the night's own message
    assert path == "/acme" and "2 new detractors" in body["text"]

    after = nightly(**FAST, return_state=True)  # the killed night is reported now: not counted again
    assert after.result().headline() == "0 new reviews; 6 already stored; 0 new detractors"
    assert "unfinished run" not in run_report(after) and len(got) == 1


def test_flags_a_killed_night_raised_are_in_the_next_report_and_posted_once(
    store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    plan = fake_crawls({"shop": [review_rows("shop", 2, start=1), review_rows("shop", 6), review_rows("shop", 6)]})
    first = nightly(**FAST)  # r1, r2: no detractor; a night that reported
    assert first.new_reviews == 2 and got == []
    _kill_at(monkeypatch, "finish_night")  # r0, r3, r4, r5 stored, scored and r0, r3 flagged; no report, no post
    assert plan == ["shop", "shop"] and got == []

    third = nightly(**FAST)

    assert third.new_reviews == 4 and third.scored == 0  # the killed night scored them
    assert third.headline() == "4 new reviews; 2 already stored; 2 new detractors"
    [(_path, body)] = got  # in tonight's message, not again as "not posted before"
    assert "2 new detractors" in body["text"] and "not posted before" not in body["text"]
    nightly(**FAST)
    assert len(got) == 1


def test_a_night_for_one_brand_leaves_the_killed_nights_reviews_to_the_next_full_night(
    store, add_source, fake_crawls, fake_scorer, monkeypatch
) -> None:
    add_source("Acme", "shop")
    add_source("Globex", "store")
    fake_crawls({"shop": [review_rows("shop", 3)], "store": [review_rows("store", 2)]})
    _kill_at(monkeypatch, "score_all")

    acme = nightly(**FAST, brand="Acme")
    full = nightly(**FAST)

    assert acme.new_reviews == 0 and not acme.unfinished_runs
    assert full.new_reviews == 5 and len(full.unfinished_runs) == 1
    assert nightly(**FAST).new_reviews == 0


def test_detractors_a_one_brand_night_posted_are_not_posted_again_by_the_full_night(
    store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    """The full night's window reaches back to the killed night's start: it posted and counted again the
    detractors a `--brand` night in between had posted."""
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [review_rows("shop", 6), [], []]})
    _kill_at(monkeypatch, "score_all")  # r0-r5 stored, nothing scored

    acme = nightly(**FAST, brand="Acme")  # scores them, flags r0 and r3, posts them
    assert acme.detractors == 2 and len(got) == 1

    full = nightly(**FAST)
    assert len(full.unfinished_runs) == 1 and full.detractors == 0
    assert len(got) == 1  # posted once
    nightly(**FAST)
    assert len(got) == 1


def test_reviews_a_timed_out_crawl_stored_before_its_retry_succeeded_are_new(
    store, add_source, fake_crawls, fake_scorer
) -> None:
    """A crawl that stored 3 reviews and then timed out, retried the same night: the retry finds those 3 known
    and stores 3 more. The night stored 6 new reviews and reports 6 (it reported the retry's 3)."""
    add_source("Acme", "shop")
    calls = fake_crawls({"shop": [("crawl timed out after 1800 s", review_rows("shop", 3)), review_rows("shop", 6)]})

    result = nightly(**FAST, return_state=True).result()

    assert calls == ["shop", "shop"]  # failed once, then retried
    assert [s.items_new for s in result.sources] == [6]
    assert result.headline() == "6 new reviews; 0 already stored; 2 new detractors"
