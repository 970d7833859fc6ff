"""umot/cli/_run_progress.py: the progress lines `umot run` shows while the night runs."""

from __future__ import annotations

from rich.progress import Progress

from flows.progress import ProgressEvent
from umot.cli._run_progress import ProgressDisplay


def _scoring_line(bars: Progress) -> str:
    return next(t.description for t in bars.tasks if t.description.startswith("Scoring"))


def test_the_scoring_line_counts_every_batchs_new_detractors() -> None:
    """It showed the last batch's count: 'Scoring: 51 new detractors' after a run that flagged 305."""
    with Progress(disable=True) as bars:
        display = ProgressDisplay(bars)
        display(ProgressEvent("score", "score", "loading model"))
        assert _scoring_line(bars) == "Scoring: loading model"
        for flagged in (200, 54, 51):
            display(ProgressEvent("score", "score", f"{flagged} new detractors", advance=256, flagged=flagged))
        assert _scoring_line(bars) == "Scoring: 305 new detractors"
        assert next(t.completed for t in bars.tasks if t.description.startswith("Scoring")) == 768


def test_one_new_detractor_is_singular() -> None:
    with Progress(disable=True) as bars:
        display = ProgressDisplay(bars)
        display(ProgressEvent("score", "score", "1 new detractors", advance=3, flagged=1))
        assert _scoring_line(bars) == "Scoring: 1 new detractor"


def test_an_ok_sources_note_shows_beside_ok() -> None:
    """A crawl the page cap stopped, or one with next pages unread, is ok with a note: the table showed a bare ok."""
    from datetime import UTC, datetime

    from rich.console import Console

    from flows.outcomes import NightlyResult
    from flows.stage_outcomes import SourceOutcome, SourceSpec
    from umot.cli._run_display import summary_tables

    spec = SourceSpec(source_id=1, name="shop", brand_id=1, brand="Acme", spider="schemaorg", urls=("http://x/",))
    note = "stopped at the page cap of 5 pages [x]"
    result = NightlyResult(started_at=datetime.now(UTC), sources=[SourceOutcome(source=spec, ok=True, error_message=note),
                                                                  SourceOutcome(source=spec, ok=True)],
                           brands=[], report_path="r.md", artifact_key="nightly-summary")
    console = Console(width=250, record=True)
    for table in summary_tables(result):
        console.print(table)
    lines = [line for line in console.export_text().splitlines() if "Acme/shop" in line]
    assert any(f"ok: {note}" in line for line in lines) and any(line.split("│")[2].strip() == "ok" for line in lines)
