"""``umot run``'s brands table rounds the sentiment split as the nightly report does (half up).

Was: the table wrote 5/8 positive as ``62%`` (Python's round-half-even) beside the report's ``63%``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.console import Console

from flows.outcomes import BrandReport, NightlyResult
from flows.report_sections import brand_section


def test_the_run_table_and_the_report_write_the_same_split() -> None:
    from umot.cli._run_display import summary_tables

    brand = BrandReport(brand_id=1, brand="Acme", new_reviews=8, labels={"positive": 5, "neutral": 1, "negative": 2})
    result = NightlyResult(started_at=datetime.now(UTC), brands=[brand], report_path="r.md",
                           artifact_key="nightly-summary")
    console = Console(width=200, record=True)
    for table in summary_tables(result):
        console.print(table)
    row = next(line for line in console.export_text().splitlines() if "Acme" in line)
    cells = [cell.strip() for cell in row.split("│")]
    assert "63%" in cells and "25%" in cells
    assert "63% positive" in "\n".join(brand_section(brand))
