"""The nightly flow's logic on a real Prefect test server and a real SQLite store.

Crawls and the model are fast doubles (see conftest); the end-to-end test runs
the real Scrapy crawl and the real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from flows.nightly import nightly
from flows.report import ARTIFACT_KEY, render_report
from flows.report_format import md_escape
from flows.tasks.plan import SourceNotFound
from tests.flows.conftest import REFUSED, review_rows

pytestmark = pytest.mark.usefixtures("prefect_harness")

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


def counts(url: str) -> dict[str, int]:
    from models.db import get_engine
    from models.tables import Flag, Review, Score

    with get_engine(url).connect() as conn:
        return {
            "reviews": conn.execute(select(func.count()).select_from(Review)).scalar_one(),
            "scores": conn.execute(select(func.count()).select_from(Score)).scalar_one(),
            "flags": conn.execute(select(func.count()).select_from(Flag)).scalar_one(),
            "detractor_scores": conn.execute(
                select(func.count()).select_from(Score).where(Score.detractor == True)  # noqa: E712
            ).scalar_one(),
        }


def run_report(state) -> str:
    """The ``nightly-summary`` artifact the flow run of ``state`` created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterKey,
        FlowRunFilter,
        FlowRunFilterId,
    )
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])),
            sort=ArtifactSort.CREATED_DESC, limit=1, offset=0,  # 3.8.8's server rejects them omitted
        )
    assert found, "the run created no nightly-summary artifact"
    return found[0].data


def test_a_failing_source_is_reported_and_the_others_complete(store, add_source, fake_crawls, fake_scorer) -> None:
    add_source("Acme", "shop")
    add_source("Acme", "forum")
    add_source("Globex", "store")
    calls = fake_crawls({
        "shop": [review_rows("shop", 25)],
        "forum": ["could not fetch http://forum.test/: HTTP 503"],
        "store": [review_rows("store", 6)],
    })

    state = nightly(**FAST, return_state=True)

    assert state.is_completed(), state.message
    result = state.result()
    assert [s.source.label for s in result.failed_sources] == ["Acme/forum"]
    assert calls.count("forum") == 2  # first try + 1 retry
    assert result.new_reviews == 31 and result.scored == 31
    assert fake_scorer.loads == [None]  # the model is loaded once per run, for all batches
    stored = counts(store)
    assert stored["reviews"] == stored["scores"] == 31
    assert stored["flags"] == stored["detractor_scores"] == 9 + 2
    acme = next(b for b in result.brands if b.brand == "Acme")
    assert acme.new_reviews == 25 and acme.new_detractors == 9
    assert acme.labels == {"negative": 9, "positive": 16}
    assert acme.week["new_reviews"] == 25 and acme.previous_week["new_reviews"] == 0
    assert [d.severity for d in acme.detractors] == sorted((d.severity for d in acme.detractors), reverse=True)

    report = run_report(state)
    assert "1 of 3 sources failed" in report and "HTTP 503" in report
    assert "## Acme" in report and "## Globex" in report
    assert "36% negative" in report  # 9 of 25
    assert "[link](http://shop.test/reviews/" in report and "awful, bad packaging" in report
    assert Path(result.report_path).read_text(encoding="utf-8") == report  # kept under the data dir too


def test_a_crawl_that_fails_once_is_retried(store, add_source, fake_crawls, fake_scorer) -> None:
    add_source("Acme", "shop")
    calls = fake_crawls({"shop": ["could not fetch http://shop.test/: TCPTimedOutError", review_rows("shop", 4)]})

    result = nightly(**FAST)

    assert calls == ["shop", "shop"]
    assert not result.failed_sources and result.new_reviews == 4


@pytest.mark.parametrize("sources", [["shop"], ["shop", "forum"]], ids=["alone", "crawled-together"])
def test_a_refused_connection_is_not_retried(store, add_source, fake_crawls, fake_scorer, sources) -> None:
    for name in sources:
        add_source("Acme", name)
    refused = REFUSED + "could not fetch http://shop.test/: DownloadConnectionRefusedError"
    calls = fake_crawls({"shop": [refused, review_rows("shop", 4)], "forum": [review_rows("forum", 2)]})

    result = nightly(**{**FAST, "crawl_retries": 2})

    assert calls.count("shop") == 1  # nothing listens there: trying again seconds later changes nothing
    assert [s.source.label for s in result.failed_sources] == ["Acme/shop"]
    assert result.failed_sources[0].refused


def test_a_second_run_adds_and_scores_nothing(store, add_source, fake_crawls, fake_scorer) -> None:
    add_source("Acme", "shop")
    fake_crawls({"shop": [review_rows("shop", 12)]})
    first = nightly(**FAST)
    before = counts(store)

    second = nightly(**FAST)

    assert first.new_reviews == 12 and first.detractors == 4
    assert second.new_reviews == 0 and second.scored == 0 and second.detractors == 0
    assert second.headline() == "0 new reviews; 12 already stored; 0 new detractors"
    assert counts(store) == before
    assert fake_scorer.loads == [None]  # nothing to score: the second run never loads the model
    assert second.model_version == first.model_version  # known from the first load of the same files


def test_scoring_that_dies_half_way_is_finished_by_the_next_run(
    store, add_source, fake_crawls, fake_scorer, monkeypatch
) -> None:
    add_source("Acme", "shop")
    fake_crawls({"shop": [review_rows("shop", 30)]})
    real_score = fake_scorer.score

    def dies_on_third_batch(texts, ratings=None, **kw):
        if fake_scorer.calls >= 2:
            raise MemoryError("killed")
        return real_score(texts, ratings, **kw)

    monkeypatch.setattr(fake_scorer, "score", dies_on_third_batch)
    state = nightly(**FAST, return_state=True)
    assert state.is_failed()
    half = counts(store)
    assert half["reviews"] == 30 and half["scores"] == 20  # two whole batches kept
    assert half["flags"] == half["detractor_scores"]  # no score without its flag

    monkeypatch.setattr(fake_scorer, "score", real_score)
    result = nightly(**FAST)
    assert result.new_reviews == 30 and result.scored == 10
    done = counts(store)
    assert done["scores"] == 30 and done["flags"] == done["detractor_scores"] == 10


def test_brands_with_new_detractors_are_notified_and_a_broken_webhook_is_only_reported(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    add_source("Globex", "store", webhook_url=f"{base}/down")
    add_source("Initech", "site", webhook_url=f"{base}/initech")
    fake_crawls({
        "shop": [review_rows("shop", 6)],
        "store": [review_rows("store", 3)],
        "site": [review_rows("site", 2, start=1)],  # r1, r2: no detractor
    })

    state = nightly(**FAST, return_state=True)

    assert state.is_completed()
    by_brand = {b.brand: b.notified for b in state.result().brands}
    assert by_brand == {"Acme": True, "Globex": False, "Initech": None}
    assert [path for path, _ in got] == ["/acme", "/down"] or sorted(p for p, _ in got) == ["/acme", "/down"]
    acme_text = dict(got)["/acme"]["text"]
    assert acme_text.startswith("*umot — Acme*: 2 new detractors in 6 new reviews")
    assert "http://shop.test/reviews/" in acme_text


def test_imported_reviews_are_notified_as_scored_in_this_run_not_as_new(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    fake_crawls({"shop": [[]]})  # the crawl finds nothing new
    with session_scope(get_engine(store)) as session:  # what `umot import` stores
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, review_rows("import:old.csv", 6), brand_id=brand_id)

    result = nightly(brand="Acme", **FAST)

    assert result.new_reviews == 0 and result.scored == 6
    [(_path, body)] = got
    assert body["text"].splitlines()[0] == "*umot — Acme*: 2 new detractors among 6 reviews scored in this run"


def test_the_progress_display_ends_with_every_line_complete(store, add_source, fake_crawls, fake_scorer) -> None:
    from rich.progress import Progress

    from flows import progress
    from umot.cli._run_progress import ProgressDisplay

    add_source("Acme", "shop")
    fake_crawls({"shop": [review_rows("shop", 4)]})
    with Progress(disable=True) as bars:
        display = ProgressDisplay(bars)
        with progress.listening(display):
            nightly(**FAST)
        display.finish()  # as `umot run` does
    assert [t.description for t in bars.tasks if not t.finished] == []
    assert "Summarise: 1 brand" in [t.description for t in bars.tasks]


def test_loading_the_model_logs_no_timeout_warning(store, add_source, fake_crawls, fake_scorer) -> None:
    """Prefect warns that a sync task's timeout cannot interrupt it in a worker thread: not for load-scorer."""
    import logging

    class Records(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                self.messages.append(record.getMessage())

    add_source("Acme", "shop")
    fake_crawls({"shop": [review_rows("shop", 3)]})
    records, logger = Records(), logging.getLogger("prefect.task_runs")
    logger.addHandler(records)
    try:
        result = nightly(**FAST)
    finally:
        logger.removeHandler(records)
    assert fake_scorer.loads == [None] and result.scored == 3  # the load-scorer task ran
    assert [m for m in records.messages if "Timeout of" in m] == []


def test_brand_and_source_options_narrow_the_run(store, add_source, fake_crawls, fake_scorer) -> None:
    add_source("Acme", "shop")
    add_source("Globex", "store")
    calls = fake_crawls({"shop": [review_rows("shop", 3)], "store": [review_rows("store", 3)]})

    result = nightly(brand="Acme", **FAST)

    assert calls == ["shop"] and [b.brand for b in result.brands] == ["Acme"]
    again = nightly(brand=" acme ", **FAST)  # any case, as every command matches a brand (it was "no brand named")
    assert calls == ["shop", "shop"] and [b.brand for b in again.brands] == ["Acme"]
    with pytest.raises(SourceNotFound, match="no brand named 'Nope'"):
        nightly(brand="Nope", **FAST)
    with pytest.raises(SourceNotFound, match="no enabled source named 'shop' of brand 'Globex'"):
        nightly(brand="Globex", source="shop", **FAST)


def test_umot_toml_is_synced_before_the_run_and_a_broken_one_is_reported_not_fatal(
    store, fake_crawls, fake_scorer, tmp_path, caplog
) -> None:
    config = tmp_path / "umot.toml"  # the store fixture points UMOT_CONFIG here
    config.write_text('[[sources]]\nbrand = "Acme"\nname = "shop"\nspider = "schemaorg"\n'
                      'urls = ["http://shop.test/reviews/"]\n')
    calls = fake_crawls({"shop": [review_rows("shop", 3)]})

    first = nightly(**FAST)
    assert calls == ["shop"] and first.new_reviews == 3

    config.write_text("[[sources]]\nbrand = ")  # a hand edit gone wrong
    second = nightly(**FAST, return_state=True)
    assert second.is_completed() and calls == ["shop", "shop"]
    assert "nothing in it was used this run" in caplog.text  # logged, and in the result and its report:
    [warning] = second.result().config_warnings
    assert warning.startswith(f"{config}: not valid TOML") and "the sources already stored were crawled" in warning
    assert f"> **Warning:** {md_escape(config)}: not valid TOML" in render_report(second.result())
    assert first.config_warnings == []
