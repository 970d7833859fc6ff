"""``umot crawl`` from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from umot.cli import app

runner = CliRunner()


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_crawl_to_jsonl_prints_one_summary_line(tmp_path: Path) -> None:
    from umot.demo import start_demo_site

    out = tmp_path / "northwind.jsonl"
    with start_demo_site(reviews_per_product=6, anchor=date(2025, 6, 30)) as site:
        brand = site.brand("northwind-outdoor")
        result = invoke("crawl", brand.url, "-o", str(out),
                        "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schemaorg: 18 reviews found, 18 written to {out}, 4 pages, 0 errors"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 18 and {"rating", "published_at", "language", "external_id"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "http://127.0.0.1:9/"], "--brand is required"),
        (["crawl", "ftp://example.com/", "-o", "x.jsonl"], "start URL 'ftp://example.com/': not an http(s) URL with a host"),
        # a typo'd port was "crawl stopped early: start_error", naming no URL
        (["crawl", "http://127.0.0.1:41067brands/", "-o", "x.jsonl"],
         "start URL 'http://127.0.0.1:41067brands/': port '41067brands' is not a port (give 1 to 65535, or none)"),
        (["crawl", "http://exa mple.com/x", "-o", "x.jsonl"], "start URL 'http://exa mple.com/x': host 'exa mple.com' holds a space"),
        (["crawl", "http://[::1/x", "-o", "x.jsonl"], "start URL 'http://[::1/x': not a valid URL (Invalid IPv6 URL)"),
        (["crawl", "http://127.0.0.1:9/", "--spider", "nope", "-o", "x.jsonl"], "unknown spider 'nope'"),
        (["crawl", "http://127.0.0.1:9/", "--since", "someday", "-o", "x.jsonl"], "--since 'someday' is not a date"),
        (["crawl", "http://127.0.0.1:9/", "--set", "oops", "-o", "x.jsonl"], "expected NAME=VALUE"),
        (["crawl", "http://127.0.0.1:9/", "--set", "DOWNLOAD_DELAY=soon", "-o", "x.jsonl"],
         "--set 'DOWNLOAD_DELAY=soon': DOWNLOAD_DELAY takes a number"),
        (["crawl", "http://127.0.0.1:9/", "--set", "ROBOTSTXT_OBEY=maybe", "-o", "x.jsonl"],
         "--set 'ROBOTSTXT_OBEY=maybe': ROBOTSTXT_OBEY takes True or False"),
        # it crawled, then wrote JSON lines into the .txt (a .csv or .gz name got JSON lines too)
        (["crawl", "http://127.0.0.1:9/", "-o", "x.txt"],
         "-o x.txt: cannot tell what to write from the name (use .jsonl or .csv, each optionally followed by .gz)"),
        (["crawl", "http://127.0.0.1:9/", "-o", "x.json"], "-o x.json: cannot tell what to write from the name"),
    ],
)
def test_crawl_rejects_bad_input_in_one_line(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", ["-o", "--log"])
def test_a_file_the_crawl_cannot_write_is_one_line_before_it_starts(tmp_path: Path, option: str) -> None:
    """It was a traceback (--log) or a crawl that failed at its end (-o)."""
    (tmp_path / "taken").write_text("a file where a folder should be")
    target = tmp_path / "taken" / "out.jsonl"
    extra = ["-o", str(tmp_path / "ok.jsonl")] if option == "--log" else []
    result = invoke("crawl", "http://127.0.0.1:9/", option, str(target), *extra)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(f"error: {option} {target}: cannot write (")
    assert not (tmp_path / "ok.jsonl").exists()  # nothing was crawled


def test_crawl_summary_names_unchanged_pages_and_the_run_and_a_failure_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    failed = CrawlResult(ok=False, pages=3, items_scraped=1, unchanged=2, errors=1, run_id=7, error_message="boom")
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: failed)
    out = tmp_path / "x.jsonl"
    result = invoke("crawl", "http://127.0.0.1:9/", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout.strip() == "schemaorg: 1 review found, nothing written, 3 pages (2 unchanged), 1 error, run 7"
    assert result.stderr.strip() == f"error: boom ({out} not written)"


def test_a_failed_crawl_leaves_the_file_an_earlier_crawl_wrote(tmp_path: Path) -> None:
    """It emptied it: a site that was down cost the 40 reviews of yesterday's crawl (and exit 1 said so too late)."""
    out = tmp_path / "keep.jsonl"
    out.write_text('{"text": "from the last good crawl"}\n' * 40)
    result = invoke("crawl", "http://127.0.0.1:9/nothing", "-o", str(out), "--set", "RETRY_TIMES=0")
    assert result.exit_code == 1  # a crawl that failed, not bad input (exit 2)
    assert out.read_text() == '{"text": "from the last good crawl"}\n' * 40
    assert not (tmp_path / "keep.partial.jsonl").exists()  # it read nothing
    line = result.stderr.strip()
    assert line.startswith("error: could not fetch http://127.0.0.1:9/nothing") and "\n" not in line
    assert line.endswith(f"({out} left as it was)")


def test_a_crawl_that_failed_half_way_says_where_the_reviews_it_read_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    out = tmp_path / "keep.csv"
    out.write_text("text\nold\n")
    partial = tmp_path / "keep.partial.csv"
    partial.write_text("text\nfrom a crawl before\n")

    def half_way(*args: object, **kwargs: object) -> CrawlResult:
        partial.write_text("text\nread\nread too\n")  # what the crawl process writes before it fails
        return CrawlResult(ok=False, pages=2, items_scraped=2, items_new=2, error_message="crawl stopped early: shutdown")

    monkeypatch.setattr(runner, "run_crawl", half_way)
    result = invoke("crawl", "http://127.0.0.1:9/", "-o", str(out))
    assert result.exit_code == 1 and out.read_text() == "text\nold\n"
    assert result.stdout.strip() == f"schemaorg: 2 reviews found, 2 written to {partial}, 2 pages, 0 errors"
    assert result.stderr.strip() == (f"error: crawl stopped early: shutdown ({out} left as it was; "
                                     f"the reviews read before the failure are in {partial})")


def test_an_older_partial_file_is_not_taken_for_this_crawls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    out = tmp_path / "keep.jsonl"
    (tmp_path / "keep.partial.jsonl").write_text('{"text": "from a crawl before"}\n')
    monkeypatch.setattr(runner, "run_crawl", lambda *a, **k: CrawlResult(ok=False, error_message="boom"))
    result = invoke("crawl", "http://127.0.0.1:9/", "-o", str(out))
    assert result.stderr.strip() == f"error: boom ({out} not written)"
    assert "found, nothing written," in result.stdout and str(out) not in result.stdout


def test_the_summary_says_how_many_stored_reviews_the_site_edited() -> None:
    from crawlers.crawl_result import CrawlResult
    from umot.cli._crawl_summary import crawl_summary

    edited = CrawlResult(ok=True, pages=2, items_scraped=4, items_new=0, items_edited=1)
    assert crawl_summary("schemaorg", edited, None) == "schemaorg: 4 reviews found, 0 new, 1 edited, 2 pages, 0 errors"
    assert crawl_summary("schemaorg", CrawlResult(ok=True, pages=1, items_scraped=2, items_new=2), None) == (
        "schemaorg: 2 reviews found, 2 new, 1 page, 0 errors")


@pytest.mark.parametrize("to_file", [False, True])
def test_an_ok_crawl_that_could_not_fetch_a_next_page_says_how_to_read_the_pages_after_it(
    to_file: bool, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crawled again as it is, an incremental crawl stops at the reviews this one stored before that page."""
    from crawlers import runner
    from crawlers.crawl_result import CrawlResult

    note = "could not fetch http://127.0.0.1:9/?page=2: the pages after it were not read"
    found = CrawlResult(ok=True, pages=1, items_scraped=3, items_new=3, errors=1, failed_follows=1, error_message=note)
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: found)
    where = ["-o", str(tmp_path / "x.jsonl")] if to_file else ["--brand", "Acme", "--create-brand", "--database-url", db_url]
    result = invoke("crawl", "http://127.0.0.1:9/", *where)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("1 page, 1 error")
    todo = "crawl again to read them" + ("" if to_file else " (the next crawl reads every page)")
    assert result.stderr.strip() == f"note: {note}; {todo}"


def test_a_crawl_stopped_at_since_says_the_next_crawl_without_it_reads_the_older_pages(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its run keeps the cut (crawlers.crawl_notes.since_note): the next crawl reads every page, which takes longer."""
    from crawlers import runner
    from crawlers.crawl_notes import since_note, unread_note
    from crawlers.crawl_result import CrawlResult

    message = f"{unread_note(1, 'http://127.0.0.1:9/?page=2')}; {since_note('2024-06-01')}"
    found = CrawlResult(ok=True, pages=1, items_scraped=3, items_new=3, errors=1, failed_follows=1, error_message=message,
                        since_cut="2024-06-01")
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: found)
    result = invoke("crawl", "http://127.0.0.1:9/", "--since", "2024-06-01", "--brand", "Acme", "--create-brand",
                    "--database-url", db_url)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines() == [
        "note: could not fetch http://127.0.0.1:9/?page=2: the pages after it were not read; crawl again to read "
        "them (the next crawl reads every page)",
        "note: the reviews before 2024-06-01 were not read; the next crawl of this source without --since "
        "(or with an earlier one) reads every page",
    ]


def test_the_since_note_comes_from_the_crawls_day_not_its_messages_words(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message without the note's words still gets the note; one with them but no day gets none."""
    from crawlers import runner
    from crawlers.crawl_notes import since_note
    from crawlers.crawl_result import CrawlResult

    results = iter([CrawlResult(ok=True, pages=1, since_cut="2024-06-01"),
                    CrawlResult(ok=True, pages=1, error_message=since_note("2024-06-01"))])
    monkeypatch.setattr(runner, "run_crawl", lambda *args, **kwargs: next(results))
    where = ("--brand", "Acme", "--create-brand", "--database-url", db_url)
    cut = invoke("crawl", "http://127.0.0.1:9/", "--since", "2024-06-01", *where)
    assert cut.exit_code == 0, cut.output
    assert cut.stderr.strip().startswith("note: the reviews before 2024-06-01 were not read;")
    words = invoke("crawl", "http://127.0.0.1:9/", *where)
    assert words.exit_code == 0 and words.stderr.strip() == "", words.output
