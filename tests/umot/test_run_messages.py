"""Error messages are never cut: not in ``umot run``'s summary table, not in a crawl's failure."""

from __future__ import annotations

from types import SimpleNamespace

from rich.console import Console

from crawlers.crawl_result import last_error_line

MESSAGE = ("could not fetch https://shop.example/reviews/kettle-2000?page=3: DownloadConnectionRefusedError: "
           "Connection was refused by other side: 111: Connection refused.")


def test_the_sources_table_wraps_an_error_message_instead_of_cutting_it() -> None:
    from umot.cli._run_display import summary_tables

    source = SimpleNamespace(ok=False, source=SimpleNamespace(label="Acme/shop"), error_message=MESSAGE, pages=0,
                             unchanged=0, items_scraped=0, items_new=0, errors=1)
    console = Console(width=80, record=True)
    for table in summary_tables(SimpleNamespace(sources=[source], brands=[])):
        console.print(table)
    text = console.export_text()
    status = "".join(line.split("│")[2] for line in text.splitlines() if line.count("│") > 2)
    assert "…" not in text and "".join(f"failed: {MESSAGE}".split()) == "".join(status.split())


def test_a_crawl_failure_keeps_the_whole_log_line() -> None:
    line = "2026-12-04 10:00:00 [scrapy.core.scraper] ERROR: Spider error processing " + "x" * 900 + " (the end)"
    assert last_error_line(f"INFO: start\n{line}\nINFO: closing") == line


def test_the_summary_prints_what_in_umot_toml_was_not_used_whole(monkeypatch) -> None:
    from datetime import UTC, datetime

    from flows.outcomes import NightlyResult
    from umot.cli import _run_display

    warning = "umot.toml: 'source' is not read by umot (it reads [[competitors]], [[sources]], [[themes]]); check it"
    result = NightlyResult(started_at=datetime.now(UTC), config_warnings=[warning], report_path="r.md",
                           artifact_key="nightly-summary")
    console = Console(width=80, record=True)
    monkeypatch.setattr(_run_display, "console", console)
    _run_display.print_summary(result)
    text = " ".join(console.export_text().split())
    assert f"warning: {warning}" in text  # rich markup in the text ([[sources]]) printed as itself
