"""The nightly report's sources table says what an ok crawl left unread (before: a bare "ok", so a source the
page cap stopped every night looked complete)."""

from __future__ import annotations

from crawlers.crawl_notes import cap_note
from flows.report_format import md_escape
from flows.report_sections import source_row
from flows.stage_outcomes import SourceOutcome, SourceSpec

SPEC = SourceSpec(source_id=1, name="calendar", brand_id=1, brand="Acme", spider="schemaorg", urls=("http://s/",))


def test_a_capped_crawl_shows_its_note_and_a_complete_one_a_bare_ok() -> None:
    capped = SourceOutcome(ok=True, pages=4999, error_message=cap_note(5000), page_cap=5000, source=SPEC)
    assert source_row(capped) == f"| Acme/calendar | ok: {md_escape(cap_note(5000))} | 4999 | 0 | 0 | 0 |"
    assert md_escape(cap_note(5000)).startswith("stopped at the page cap of 5000 pages \\(--max-pages, ")
    assert source_row(SourceOutcome(ok=True, pages=3, source=SPEC)).startswith("| Acme/calendar | ok | 3 |")


def test_a_note_is_escaped_like_an_error() -> None:
    unread = SourceOutcome(ok=True, error_message="could not fetch http://s/?p=2|x: the pages after it were not read",
                           failed_follows=1, pages_unread=1, source=SPEC)
    assert "ok: could not fetch http://s/?p=2\\|x: the pages after it were not read |" in source_row(unread)
