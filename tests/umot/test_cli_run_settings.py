"""``umot run --set`` values are checked before anything starts, as ``umot crawl``'s are:
``CONCURRENT_REQUESTS_PER_DOMAIN=0`` (with ``--retries 0``) hung forever, ``DOWNLOAD_DELAY=abc``
started the Prefect API and failed every source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from umot.cli import app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What reached the nightly run (each call's arguments); it ends at once with exit 7."""
    calls: list[dict[str, Any]] = []

    def run_nightly(**params: Any) -> None:
        calls.append(params)
        raise typer.Exit(7)

    monkeypatch.setattr("umot.cli.run.run_nightly", run_nightly)
    return calls


@pytest.mark.parametrize(("setting", "takes"), [
    ("CONCURRENT_REQUESTS_PER_DOMAIN=0", "a whole number of at least 1"),
    ("DOWNLOAD_DELAY=abc", "a number"),
    ("RETRY_HTTP_CODES=abc", "whole numbers separated by commas (e.g. 500,503)"),
])
def test_a_value_its_setting_cannot_take_fails_before_the_store_and_the_run(
    setting: str, takes: str, started: list[dict[str, Any]], tmp_path: Path,
) -> None:
    store = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["run", "-s", setting, "--retries", "0", "--model", "fast",
                                      "--database-url", f"sqlite:///{store}"])
    assert result.exit_code == 2, result.output
    name, _, value = setting.partition("=")
    assert result.stderr.strip() == f"error: --set '{name}={value}': {name} takes {takes}"
    assert not started
    assert not store.exists()  # checked before the store is opened (made), let alone a crawl


def test_values_it_can_take_reach_the_run(started: list[dict[str, Any]], db_url: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", db_url)  # the check sets it for the run: undone after the test
    result = CliRunner().invoke(app, ["run", "-s", "DOWNLOAD_DELAY=2.5", "--set", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
                                      "--model", "fast", "--database-url", db_url])
    assert result.exit_code == 7, result.output
    assert started[0]["crawl_settings"] == {"DOWNLOAD_DELAY": "2.5", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"}
