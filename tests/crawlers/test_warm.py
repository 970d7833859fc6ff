"""A crawl process started ahead of time takes the next batch of crawls, and only that."""

from __future__ import annotations

import pytest

from crawlers import warm
from crawlers.runner import CrawlJob, run_crawls


@pytest.fixture(autouse=True)
def _no_leftover() -> None:
    warm.cool_down()
    yield
    warm.cool_down()


@pytest.mark.slow
def test_the_next_crawls_run_in_the_process_started_ahead(demo_site, local_settings, tmp_path) -> None:
    warm.warm_up()
    started = warm._warm
    assert started is not None and started.proc.poll() is None  # waiting for its jobs

    brand = demo_site.brands[0]
    [result] = run_crawls([CrawlJob("schemaorg", [brand.url], brand=brand.name, output=tmp_path / "out.jsonl",
                                    settings=local_settings)])

    assert result.ok and result.items_new == brand.n_reviews, result.error_message
    assert started.proc.returncode == 0 and warm._warm is None  # it ran them, and is gone
    assert not started.log.parent.exists()  # its log folder too


def test_a_process_started_with_another_environment_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    warm.warm_up()
    started = warm._warm
    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:////elsewhere/umot.db")
    assert warm.take() is None
    assert started.proc.wait(timeout=10) is not None  # stopped, not left waiting


def test_cool_down_stops_a_process_nobody_took() -> None:
    warm.warm_up()
    started = warm._warm
    warm.cool_down()
    assert started.proc.poll() is not None and warm._warm is None


def test_a_warm_process_given_no_jobs_exits_cleanly() -> None:
    warm.warm_up()
    started = warm.take()
    assert started.run("[]", timeout=60) == 0
    started.close()
