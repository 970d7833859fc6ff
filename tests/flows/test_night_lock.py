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


def test_a_second_process_cannot_take_the_lock_and_this_one_may_again(db_url: str) -> None:
    with held_elsewhere(db_url):
        with pytest.raises(NightRunning, match="another nightly run is using the store"):
            with night_lock(db_url):
                pass
    with night_lock(db_url), night_lock(db_url):  # free again once that process ended; re-entrant here
        pass
    assert Path(db_url.removeprefix("sqlite:///") + ".night.lock").exists()


@pytest.mark.postgres
def test_postgresql_uses_an_advisory_lock(pg_migrated_url: str) -> None:
    with held_elsewhere(pg_migrated_url):
        with pytest.raises(NightRunning), night_lock(pg_migrated_url):
            pass
    with night_lock(pg_migrated_url):
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
