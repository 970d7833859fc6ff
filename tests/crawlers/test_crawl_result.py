"""crawlers.crawl_result: one crawl's outcome from its stats file, exit code and log (no store involved)."""

from __future__ import annotations

from crawlers.crawl_result import crawl_result

LOG = "INFO: Spider opened\nERROR: Error while obtaining start requests\nValueError: could not convert string to float: 'abc'\n"


def test_a_process_that_ended_without_its_counts_says_so_with_the_last_error() -> None:
    result = crawl_result({}, 0, LOG, None, None)
    assert not result.ok
    assert result.error_message == "crawl process ended without reporting its counts: ValueError: could not convert string to float: 'abc'"


def test_a_process_that_died_names_its_exit_code() -> None:
    result = crawl_result({}, 1, LOG, None, None)
    assert not result.ok and result.error_message.startswith("crawl process exited with code 1: ValueError")


def test_a_crawl_that_timed_out() -> None:
    result = crawl_result({"ok": True, "status": "running", "pages": 3}, None, LOG, 5.0, None)
    assert not result.ok and result.error_message == "crawl timed out after 5s" and result.pages == 3


def test_a_finished_crawl_keeps_its_counts() -> None:
    stats = {"ok": True, "status": "ok", "pages": 2, "items_scraped": 7, "items_new": 4, "unchanged": 1}
    result = crawl_result(stats, 0, "", None, None)
    assert result.ok and (result.pages, result.items_scraped, result.items_new, result.unchanged) == (2, 7, 4, 1)
    assert result.error_message is None


def test_an_ok_crawl_that_left_pages_unread_keeps_its_note() -> None:
    note = "could not fetch http://shop.test/?page=2: the pages after it were not read"
    stats = {"ok": True, "status": "ok", "pages": 1, "items_scraped": 3, "items_new": 3, "errors": 1,
             "failed_follows": 1, "error_message": note}
    result = crawl_result(stats, 0, "", None, None)
    assert result.ok and result.failed_follows == 1 and result.error_message == note


def test_an_ok_crawl_cut_at_since_gives_the_day() -> None:
    """``umot crawl`` says so from the day, not from the message's words."""
    stats = {"ok": True, "status": "ok", "pages": 1, "since_cut": "2024-06-01", "error_message": "the store may lack…"}
    assert crawl_result(stats, 0, "", None, None).since_cut == "2024-06-01"
    assert crawl_result({"ok": True, "status": "ok", "pages": 1}, 0, "", None, None).since_cut is None


def test_a_crawl_that_timed_out_reports_the_reviews_it_stored(db_url: str, tmp_path) -> None:
    from crawlers import run_handover, run_store
    from models import crud
    from models.db import get_engine, session_scope

    handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider="schemaorg",
                                  known_file=tmp_path / "known.json")
    run_id = handover[run_handover.RUN_ID]
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [{"source": "s", "external_id": "r1", "text": "fine", "published_at": "2024-01-01"}],
                            brand_id=handover[run_handover.BRAND_ID], crawl_run_id=run_id)
    opened = {"status": "running", "ok": False, "pages": 0, "items_new": 0, "run_id": run_id}
    result = crawl_result(opened, None, "", 20.0, db_url, run_id)
    assert not result.ok and result.error_message == "crawl timed out after 20s"
    assert (result.items_new, result.items_scraped) == (1, 1)
