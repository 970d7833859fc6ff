"""Tables on a stdout that is not a terminal are 200 columns wide (COLUMNS still wins): rich's 80
cut ``umot sources list`` and the ``umot run`` summary short when piped (``schemao…``)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from umot.cli import app

LONG_URL = "https://reviews.example/brands/acme-kitchen/products/kettle-2000/reviews?page=1&sort=newest"


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


def test_sources_list_keeps_names_and_urls_whole_when_piped(tmp_path: Path, db_url: str) -> None:
    config = tmp_path / "umot.toml"
    config.write_text(f'[[sources]]\nbrand = "Acme Kitchen"\nname = "kettle-reviews-eu"\nspider = "schemaorg"\n'
                      f'urls = ["{LONG_URL}"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", "list", "--config", str(config), "--database-url", db_url])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "kettle-reviews-eu" in line)
    assert "schemaorg" in row and LONG_URL in row and "…" not in result.stdout


def test_columns_still_says_how_wide(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from umot.cli._console import PIPED_WIDTH, stdout_console

    assert stdout_console().width == PIPED_WIDTH  # CliRunner's stdout is no terminal
    monkeypatch.setenv("COLUMNS", "60")
    assert stdout_console().width == 60


def test_the_run_summary_keeps_source_names_whole_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    from umot.cli._run_display import print_summary

    label = "Acme Kitchen International/schemaorg-kettle-reviews-europe-and-middle-east"
    source = SimpleNamespace(ok=False, source=SimpleNamespace(label=label), error_message="HTTP 503 from the site",
                             pages=3, unchanged=0, items_scraped=40, items_new=2, errors=1)
    result = SimpleNamespace(sources=[source], brands=[], config_warnings=[], failed_sources=[source],
                             headline=lambda: "1 source failed", report_path="data/reports/x.md", artifact_key="x")
    print_summary(result)
    out = capsys.readouterr().out
    assert label in out and "…" not in out
