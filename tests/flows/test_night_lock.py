"""One nightly run per store: a second, overlapping one posts and counts nothing and says why.

Two overlapping ``umot run`` used to both report "1 new detractor" and post the same
review twice: each counted the flags raised since it started, the other's too.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.night_lock import NightRunning, night_lock
from tests.flows.conftest import review_rows

ROOT = Path(__file__).resolve().parents[2]
FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)


@contextmanager
def held_elsewhere(database_url: str) -> Iterator[None]:
    """The store's nightly lock held by another process (a night running there) for the block."""
    code = ("import sys, time; from flows.night_lock import night_lock\n"
            "with night_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(120)")
    other = subprocess.Popen([sys.executable, "-c", code, database_url], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        yield
    finally:
        other.kill()
        other.wait()


def taken_once_free(database_url: str, seconds: float = 10.0) -> None:
    """Take and drop the lock once a killed holder's is gone: PostgreSQL ends that session a moment after the
    process (on a loaded host, after this process has already asked)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with night_lock(database_url):
                return
        except NightRunning:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_a_second_process_cannot_take_the_lock_and_this_one_may_again(db_url: str) -> None:
    with held_elsewhere(db_url):
        with pytest.raises(NightRunning, match="another nightly run is using the store"):
            with night_lock(db_url):
                pass
    with night_lock(db_url), night_lock(db_url):  # free again once that process ended; re-entrant here
        pass
    assert Path(db_url.removeprefix("sqlite:///") + ".night.lock").exists()


def test_a_home_folder_in_the_url_locks_the_store_file_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sqlite:///~/umot.db`` is the home folder's store (models.db_url): its lock is beside it, not in ``./~/``."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    with night_lock("sqlite:///~/umot.db"):
        assert (tmp_path / "home" / "umot.db.night.lock").is_file()
    assert not (tmp_path / "~").exists()


@pytest.mark.postgres
def test_postgresql_uses_an_advisory_lock(pg_migrated_url: str) -> None:
    with held_elsewhere(pg_migrated_url):
        with pytest.raises(NightRunning), night_lock(pg_migrated_url):
            pass
    taken_once_free(pg_migrated_url)


@pytest.mark.postgres
def test_two_schemas_of_one_database_run_their_nights_side_by_side(pg_database: str) -> None:
    """docs/store.md gives each store its own schema (``?options=-csearch_path%3D...``): one fixed lock
    key per database made the second store's night refuse to start while the first one's ran."""
    import psycopg

    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE SCHEMA north")
        conn.execute("CREATE SCHEMA south")
    north, south = (f"{pg_database}?options=-csearch_path%3D{schema}" for schema in ("north", "south"))
    with held_elsewhere(north):
        with night_lock(south):  # the other store's night runs
            pass
        with pytest.raises(NightRunning, match="another nightly run"), night_lock(north):
            pass  # the same store's second night still does not
    taken_once_free(north)  # released with that process
    with held_elsewhere(south), held_elsewhere(north):  # and this one's unlock released both again
        pass


@pytest.mark.usefixtures("prefect_harness")
def test_an_overlapping_night_neither_counts_nor_posts_the_other_nights_detractors(
    store, add_source, fake_crawls, fake_scorer, webhook_server
) -> None:
    from flows.nightly import nightly

    base, got = webhook_server
    add_source("Acme", "shop", webhook_url=f"{base}/acme")
    crawled = fake_crawls({"shop": [review_rows("shop", 3)]})  # r0 is a detractor
    with held_elsewhere(store):  # the first night, still running
        state = nightly(brand="Acme", **FAST, return_state=True)
    assert state.is_failed() and isinstance(state.result(raise_on_failure=False), NightRunning)
    assert crawled == [] and got == []  # it crawled, scored and posted nothing
    assert nightly(brand="Acme", **FAST).detractors == 1  # once the store is free
    assert len(got) == 1


def test_umot_run_says_so_in_one_line_before_starting_prefect(store: str, monkeypatch) -> None:
    from umot.cli import _nightly_run, app

    monkeypatch.setattr(_nightly_run, "_run", lambda *a: pytest.fail("the flow started"))
    started = time.monotonic()
    with held_elsewhere(store):
        result = CliRunner().invoke(app, ["run", "--no-notify"])
    assert result.exit_code == 1
    assert result.output.startswith("error: another nightly run is using the store sqlite:///")
    assert len(result.output.strip().splitlines()) == 1 and time.monotonic() - started < 30
