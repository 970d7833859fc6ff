"""Brand and source names, start URLs and crawl errors are printed as written, never read as rich markup
(umot/cli/_run_display.py, umot/cli/_run_progress.py, umot/cli/_sources_table.py).

Was: a source named ``[/x]`` ended ``umot run`` (after the report was written) and ``umot sources
list`` in a ``rich.errors.MarkupError`` traceback, a brand ``[/]Acme`` ended the brands table,
and ``Acme [eu]`` showed as ``Acme``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress
from rich.text import Text
from typer.testing import CliRunner

from flows.outcomes import BrandReport, NightlyResult
from flows.progress import ProgressEvent
from flows.stage_outcomes import SourceOutcome, SourceSpec
from umot.cli import app
from umot.cli._run_display import print_summary, summary_tables
from umot.cli._run_progress import ProgressDisplay

ERROR = "could not fetch http://127.0.0.1:9/[/x]: [bold]refused[/]"


def _spec(brand: str, name: str) -> SourceSpec:
    return SourceSpec(source_id=1, name=name, brand_id=1, brand=brand, spider="schemaorg", urls=("http://x/",))


def test_progress_lines_show_names_and_errors_as_written() -> None:
    with Progress(disable=True) as bars:
        display = ProgressDisplay(bars)
        display(ProgressEvent("crawl", "crawl", "1 source", total=1))
        display(ProgressEvent("crawl", "Acme [eu]/[/x]", "crawling"))
        display(ProgressEvent("crawl", "Acme [eu]/[/x]", f"failed: {ERROR}", done=True))
        display(ProgressEvent("notify", "[/]Acme", "sent", done=True))
        shown = [Text.from_markup(t.description).plain for t in bars.tasks]  # as the bar's column renders it
    assert f"  Acme [eu]/[/x]: failed: {ERROR}" in shown
    assert "Notify: sent" in shown


def _result() -> NightlyResult:
    failed = SourceOutcome(source=_spec("Acme [eu]", "[/x]"), ok=False, error_message=ERROR)
    brands = [BrandReport(brand_id=1, brand="[/]Acme", new_reviews=1), BrandReport(brand_id=2, brand="Acme [eu]")]
    return NightlyResult(started_at=datetime.now(UTC), sources=[failed], brands=brands, report_path="r.md",
                         artifact_key="nightly-summary")


def test_the_summary_tables_and_headline_show_names_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    from umot.cli import _run_display

    console = Console(width=250, record=True)
    for table in summary_tables(_result()):
        console.print(table)
    monkeypatch.setattr(_run_display, "console", console)
    print_summary(_result())
    text = console.export_text()
    assert "Acme [eu]/[/x]" in text and f"failed: {ERROR}" in text
    assert "[/]Acme" in text and "│ Acme [eu] " in text
    assert "1 source failed: Acme [eu]/[/x]" in text


def test_sources_list_shows_names_and_urls_as_written(tmp_path: Path, db_url: str) -> None:
    common = ["--config", str(tmp_path / "umot.toml"), "--database-url", db_url]
    runner = CliRunner()
    for brand, name in (("Acme [eu]", "[/x]"), ("[/]Acme", "shop [bold]")):
        added = runner.invoke(app, ["sources", "add", brand, name, "--spider", "schemaorg",
                                    "--url", "http://127.0.0.1:9/[/x]", *common])
        assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["sources", "list", *common], env={"COLUMNS": "250"})
    assert listed.exit_code == 0, listed.output
    assert "Acme [eu]" in listed.stdout and "[/x]" in listed.stdout
    assert "[/]Acme" in listed.stdout and "shop [bold]" in listed.stdout
    assert "http://127.0.0.1:9/[/x]" in listed.stdout
