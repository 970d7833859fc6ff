"""flows/tasks/crawl_jobs.py: a source's crawl job (full or incremental) and its outcome."""

from __future__ import annotations

from collections.abc import Callable

from crawlers.runner import CrawlResult
from flows.stage_outcomes import SourceSpec
from flows.tasks.crawl_jobs import FULL_CRAWL_SETTING, crawl_job, last_crawl_unfinished, source_outcome


def _spec(**options: object) -> SourceSpec:
    return SourceSpec(source_id=7, name="site", brand_id=1, brand="Acme", spider="schemaorg",
                      urls=("http://shop.test/a", "http://shop.test/b"), options=dict(options))


def test_a_job_carries_the_source_and_passes_spider_options_as_strings() -> None:
    run_settings = {"DOWNLOAD_DELAY": 0}
    job = crawl_job(_spec(max_pages=3, lang="en"), run_settings, full=False)
    assert (job.spider, job.urls, job.brand, job.source_id) == (
        "schemaorg", ["http://shop.test/a", "http://shop.test/b"], "Acme", 7)
    assert job.spider_args == {"max_pages": "3", "lang": "en"}  # as `scrapy crawl -a` passes them
    assert job.settings == {"DOWNLOAD_DELAY": 0}
    assert crawl_job(_spec(), None, full=False).spider_args is None  # no options: no spider args


def test_a_full_crawl_adds_the_switch_without_touching_the_runs_settings() -> None:
    run_settings = {"DOWNLOAD_DELAY": 0}
    job = crawl_job(_spec(), run_settings, full=True)
    assert job.settings == {"DOWNLOAD_DELAY": 0, FULL_CRAWL_SETTING: True}
    assert run_settings == {"DOWNLOAD_DELAY": 0}  # shared by every source of the run
    assert crawl_job(_spec(), None, full=True).settings == {FULL_CRAWL_SETTING: True}


def test_the_outcome_keeps_the_runners_figures_for_its_source() -> None:
    spec = _spec()
    outcome = source_outcome(spec, CrawlResult(ok=False, pages=2, items_new=5, error_message="boom", refused=True))
    assert outcome.source == spec
    assert (outcome.ok, outcome.pages, outcome.items_new, outcome.error_message, outcome.refused) == (
        False, 2, 5, "boom", True)


def test_only_a_crawl_that_stopped_half_way_since_the_last_good_one_asks_for_a_full_crawl(
    store: str, add_source: Callable[..., int]
) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    source_id = add_source("Acme", "site")

    def crawl(status: str | None, pages: int = 0) -> None:
        with session_scope(get_engine(store)) as session:
            run = crud.start_crawl_run(session, brand_id=None, source_id=source_id, spider="schemaorg")
            if status is not None:  # None: still `running` (a killed crawl)
                crud.finish_crawl_run(session, run.id, status=status, pages=pages, items_scraped=pages,
                                      items_new=0, errors=0 if status == "ok" else 1)

    assert not last_crawl_unfinished(source_id)  # never crawled
    crawl("failed", pages=0)
    assert not last_crawl_unfinished(source_id)  # failed before fetching anything: no gap
    crawl("failed", pages=3)
    assert last_crawl_unfinished(source_id)  # stored its first pages only
    crawl("ok", pages=4)
    assert not last_crawl_unfinished(source_id)
    crawl(None)
    assert last_crawl_unfinished(source_id)


def test_an_ok_crawl_that_left_pages_unread_and_a_killed_crawl_that_stored_reviews_ask_for_a_full_crawl(
    store: str, add_source: Callable[..., int], tmp_path
) -> None:
    from crawlers import run_handover, run_store
    from models import crud
    from models.db import get_engine, session_scope

    source_id = add_source("Acme", "site")

    def crawl(stats: dict, *, ok: bool, message: str | None = None, stores: int = 0) -> None:
        """A crawl closed by the runner (crawlers.crawl_result) after storing ``stores`` reviews."""
        handover = run_store.open_run(store, brand="Acme", source_id=source_id, spider="schemaorg",
                                      known_file=tmp_path / "known.json")
        with session_scope(get_engine(store)) as session:
            crud.upsert_reviews(session, [
                {"source": "s", "external_id": f"{handover[run_handover.RUN_ID]}-{i}", "text": "fine",
                 "published_at": "2024-01-01"} for i in range(stores)],
                brand_id=handover[run_handover.BRAND_ID], crawl_run_id=handover[run_handover.RUN_ID])
        run_store.close_run(store, handover[run_handover.RUN_ID], stats, ok=ok, message=message)

    finished = {"status": "ok", "ok": True, "pages": 1, "items_scraped": 2, "items_new": 2, "errors": 1}
    crawl(finished, ok=True)
    assert not last_crawl_unfinished(source_id)
    crawl({**finished, "failed_follows": 1}, ok=True,
          message="could not fetch http://shop.test/?page=2: the pages after it were not read")
    assert last_crawl_unfinished(source_id)  # ok, but page 2 and those after it were never read
    crawl(finished, ok=True)
    assert not last_crawl_unfinished(source_id)
    timed_out = {"status": "running", "ok": False, "pages": 0, "items_scraped": 0, "items_new": 0}  # as opened
    crawl(timed_out, ok=False, message="crawl timed out after 20s", stores=3)
    assert last_crawl_unfinished(source_id)  # it stored its first pages only


def test_the_last_good_runs_unread_pages_decide_not_the_words_of_its_message(
    store: str, add_source: Callable[..., int]
) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    source_id = add_source("Acme", "site")

    def crawl(message: str | None, *, pages_unread: int = 0) -> None:
        with session_scope(get_engine(store)) as session:
            run = crud.start_crawl_run(session, brand_id=None, source_id=source_id, spider="schemaorg")
            crud.finish_crawl_run(session, stored_id(run), status="ok", pages=2, items_scraped=2, items_new=0, errors=1,
                                  error_message=message, pages_unread=pages_unread)

    crawl("next pages failed (said otherwise)", pages_unread=1)
    assert last_crawl_unfinished(source_id)
    crawl("a review quoted: the pages after it were not read")  # words alike, nothing left unread
    assert not last_crawl_unfinished(source_id)
