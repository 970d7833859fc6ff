"""The runner's side of the store: it opens and closes each crawl's run and hands the
crawl process the ids already stored, so a crawl with nothing new never opens the store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crawlers import run_handover, run_store
from crawlers.crawl_job import setting_value
from crawlers.process import PROJECT_ROOT, crawl_env
from crawlers.runner import run_crawl


def test_open_run_writes_the_brand_ids_by_source_and_close_run_records_the_outcome(db_url: str, tmp_path, stored_run) -> None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        brand_id = crud.get_or_create_brand(session, "Acme").id
        crud.upsert_reviews(session, [
            {"source": "schemaorg:a.example", "external_id": "r1", "text": "fine", "published_at": "2020-01-01"},
            {"source": "schemaorg:a.example", "external_id": "r2", "text": "bad", "published_at": "2020-01-02"},
            {"source": "appstore", "external_id": "a9", "text": "ok", "published_at": "2020-01-03"},
        ], brand_id=brand_id)  # old reviews: none awaits a reply (tests/crawlers/test_reply_window.py)

    handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider="schemaorg",
                                  known_file=tmp_path / "known.json")

    assert handover[run_handover.BRAND_ID] == brand_id
    known = run_handover.read_known(handover[run_handover.KNOWN_FILE])
    assert known == {"schemaorg:a.example": {"r1", "r2"}, "appstore": {"a9"}}
    run_id = handover[run_handover.RUN_ID]
    assert stored_run(db_url, run_id).status == "running"

    run_store.close_run(db_url, run_id, {"pages": 3, "items_scraped": 2, "errors": 1}, ok=False, message="boom")
    run = stored_run(db_url, run_id)
    assert (run.status, run.pages, run.items_scraped, run.errors, run.error_message) == ("failed", 3, 2, 1, "boom")


def test_open_run_hands_nothing_over_when_the_store_cannot_be_opened(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}"
    assert run_store.open_run(url, brand="Acme", source_id=None, spider="schemaorg",
                              known_file=tmp_path / "known.json") == {}


@pytest.mark.slow
def test_a_crawl_with_nothing_new_never_opens_the_store(demo_site, local_settings, tmp_path) -> None:
    """Given the run and the known ids, the crawl process needs no store: here it has none it could open."""
    from models import crud
    from models.db import get_engine, session_scope

    url = f"sqlite:///{tmp_path / 'store.db'}"
    brand = demo_site.brands[0]
    first = run_crawl("schemaorg", [brand.url], brand=brand.name, database_url=url, settings=local_settings)
    assert first.ok and first.items_new > 0, first.error_message
    with session_scope(get_engine(url)) as session:
        brand_id = crud.get_or_create_brand(session, brand.name).id
        known = crud.known_ids_by_source(session, brand_id=brand_id)
        pages = crud.page_states(session, brand_id=brand_id)
    (tmp_path / "known.json").write_text(json.dumps(known))
    (tmp_path / "pages.json").write_text(json.dumps(pages, default=str))
    stats_file = tmp_path / "stats.json"
    settings = {
        **local_settings,
        "CRAWL_DATABASE_URL": f"sqlite:///{tmp_path / 'no-such-dir' / 'store.db'}",  # cannot be opened
        "CRAWL_OUTPUT": "", "CRAWL_STORE_MIGRATED": True, "CRAWL_STATS_FILE": str(stats_file),
        run_handover.RUN_ID: 42, run_handover.BRAND_ID: brand_id, run_handover.KNOWN_FILE: str(tmp_path / "known.json"),
        run_handover.PAGES_FILE: str(tmp_path / "pages.json"),  # the page states, handed over like the ids
    }
    jobs = tmp_path / "jobs.json"
    jobs.write_text(json.dumps([{
        "spider": "schemaorg", "args": {"urls": brand.url, "brand": brand.name},
        "settings": {k: setting_value(v) for k, v in settings.items()},
    }]))

    proc = subprocess.run([sys.executable, "-m", "crawlers.batch", str(jobs)], env=crawl_env(),
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)

    stats = json.loads(stats_file.read_text())
    assert proc.returncode == 0 and stats["ok"], proc.stdout[-2000:] + proc.stderr[-2000:]
    assert stats["items_new"] == 0 and stats["pages"] > 0 and stats["run_id"] == 42
    assert not Path(tmp_path / "no-such-dir").exists()


def test_a_crawl_killed_before_its_final_counts_is_closed_with_the_reviews_it_stored(
    db_url: str, tmp_path, stored_run
) -> None:
    """Its stats file still says what it wrote at open (0 pages): those zeros hid the gap it left."""
    from models import crud
    from models.db import get_engine, session_scope

    handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider="schemaorg",
                                  known_file=tmp_path / "known.json")
    run_id = handover[run_handover.RUN_ID]
    with session_scope(get_engine(db_url)) as session:
        crud.upsert_reviews(session, [
            {"source": "schemaorg:a.example", "external_id": f"r{i}", "text": f"review {i}", "published_at": "2024-01-01"}
            for i in range(3)], brand_id=handover[run_handover.BRAND_ID], crawl_run_id=run_id)

    opened = {"status": "running", "ok": False, "pages": 0, "items_scraped": 0, "items_new": 0, "run_id": run_id}
    assert run_store.close_run(db_url, run_id, opened, ok=False, message="crawl timed out after 20s") == (3, 3)
    run = stored_run(db_url, run_id)
    assert (run.status, run.items_new, run.items_scraped, run.error_message) == (
        "failed", 3, 3, "crawl timed out after 20s")


def test_a_finished_crawl_is_closed_with_its_own_counts_and_an_ok_crawls_note(db_url: str, tmp_path, stored_run) -> None:
    handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider="schemaorg",
                                  known_file=tmp_path / "known.json")
    run_id = handover[run_handover.RUN_ID]
    note = "could not fetch http://a.example/?page=2: the pages after it were not read"
    stats = {"status": "ok", "ok": True, "pages": 1, "items_scraped": 3, "items_new": 2, "errors": 1}
    assert run_store.close_run(db_url, run_id, stats, ok=True, message=note) == (2, 3)
    run = stored_run(db_url, run_id)
    assert (run.status, run.pages, run.items_new, run.errors, run.error_message) == ("ok", 1, 2, 1, note)


def test_what_an_ok_crawl_left_unread_goes_into_its_runs_columns_and_to_the_next_crawl(
    db_url: str, tmp_path: Path, stored_run: Callable[[str, int], Any]
) -> None:
    """Read from the columns, not the message: a message in other words hands the same state over."""
    def crawl(stats: dict, *, ok: bool = True, message: str | None = "in other words") -> dict:
        handover = run_store.open_run(db_url, brand="Acme", source_id=None, spider="schemaorg",
                                      known_file=tmp_path / "known.json")
        run_store.close_run(db_url, handover[run_handover.RUN_ID], stats, ok=ok, message=message)
        return handover

    finished = {"status": "ok", "ok": True, "pages": 1, "items_scraped": 1, "items_new": 1, "errors": 2}
    first = crawl({**finished, "failed_follows": 2, "since_cut": "2024-06-01"})
    run = stored_run(db_url, first[run_handover.RUN_ID])
    assert (run.pages_unread, run.since_cut, run.error_message) == (2, date(2024, 6, 1), "in other words")
    second = crawl({**finished, "failed_follows": 1, "since_cut": "2024-06-01"}, ok=False, message="boom")
    assert run_handover.SINCE_CUT not in first and "CRAWL_FULL" not in first  # nothing before it
    assert (second[run_handover.SINCE_CUT], second["CRAWL_FULL"]) == ("2024-06-01", True)
    run = stored_run(db_url, second[run_handover.RUN_ID])
    assert (run.status, run.pages_unread, run.since_cut) == ("failed", 0, None)  # a failed run hands nothing over
    third = crawl(finished, message=None)  # the failed run changed nothing: the ok one before it still counts
    assert (third[run_handover.SINCE_CUT], third["CRAWL_FULL"]) == ("2024-06-01", True)
    fourth = crawl(finished)
    assert run_handover.SINCE_CUT not in fourth and "CRAWL_FULL" not in fourth  # read every page: nothing left
