"""``umot crawl --max-pages N``: a site whose next pages never end stops at N pages, in one line that says so.

Before, nothing but a timeout ended such a crawl (``umot crawl`` has none: it ran forever).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.crawlers.header_site import HeaderSite, html, review_page, serving
from umot.cli import app

runner = CliRunner()
FAST = ["--set", "AUTOTHROTTLE_ENABLED=False", "--set", "DOWNLOAD_DELAY=0"]


def _page(query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
    n = int(query.get("page", ["1"])[0])
    return html(review_page(f"p{n}", next_url=f"?page={n + 1}&session={n * 7919}"))


@pytest.fixture(scope="module")
def endless() -> Iterator[HeaderSite]:
    with serving(HeaderSite({"/calendar/": _page})) as site:
        yield site


@pytest.mark.slow
def test_the_cap_stops_an_endless_crawl_in_one_line(endless: HeaderSite, tmp_path: Path) -> None:
    """An -o crawl the cap stopped is ok: FILE is replaced with what it read (exit 0), and a note says so."""
    out = tmp_path / "o.jsonl"
    out.write_text('{"text": "an earlier crawl"}\n')
    result = runner.invoke(app, ["crawl", endless.url("/calendar/"), "-o", str(out), "--max-pages", "4", *FAST])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schemaorg: 9 reviews found, 9 written to {out}, 3 pages, 0 errors"
    assert result.stderr.strip() == ("note: stopped at the page cap of 4 pages (--max-pages, UMOT_CRAWL_MAX_PAGES): "
                                     "the pages past it were not read; crawl again with a higher --max-pages to read "
                                     "them")
    assert len(out.read_text().splitlines()) == 9 and "an earlier crawl" not in out.read_text()


@pytest.mark.slow
def test_a_stored_crawl_capped_twice_reads_only_what_is_new_the_second_time(endless: HeaderSite, tmp_path: Path) -> None:
    """The same cap again: one page, not the first 2 again (before, every crawl after a capped one was a full one,
    stopped by the same cap: "0 new, 2 pages" each time, for ever)."""
    db = f"sqlite:///{tmp_path / 'umot.db'}"
    args = ["crawl", endless.url("/calendar/"), "--brand", "Acme", "--create-brand", "--database-url", db,
            "--max-pages", "3", *FAST]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("schemaorg: 6 reviews found, 6 new, 2 pages, 0 errors")
    assert first.stderr.strip() == ("note: stopped at the page cap of 3 pages (--max-pages, UMOT_CRAWL_MAX_PAGES): "
                                    "the pages past it were not read; crawl again with a higher --max-pages and --set "
                                    "CRAWL_FULL=1 to read them (a crawl without CRAWL_FULL stops at the reviews stored "
                                    "now)")
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("schemaorg: 3 reviews found, 0 new, 1 page, 0 errors") and not again.stderr


@pytest.mark.slow
def test_a_crawl_of_exactly_the_cap_is_complete(tmp_path: Path) -> None:
    """robots.txt and two pages, --max-pages 3: the cap's response was the last, so no note (before: "1 queued
    page not read")."""
    def first(_query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        return html(review_page("a", next_url="/2"))

    def last(_query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        return html(review_page("b"))

    with serving(HeaderSite({"/": first, "/2": last})) as site:
        out = tmp_path / "o.jsonl"
        result = runner.invoke(app, ["crawl", site.url("/"), "-o", str(out), "--max-pages", "3", *FAST])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"schemaorg: 6 reviews found, 6 written to {out}, 2 pages, 0 errors"
    assert not result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--max-pages", "5", "--set", "CLOSESPIDER_PAGECOUNT=9"],
     "--set 'CLOSESPIDER_PAGECOUNT=9': --max-pages gives the cap already; give it one way"),
    (["--max-pages", "-1"], "--max-pages -1: give a number of pages, or 0 for no cap"),
])
def test_a_bad_cap_is_refused_before_the_crawl(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "-o", "x.jsonl", *args])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"error: {message}"]


def test_the_cap_reaches_the_crawl_as_its_pagecount_setting() -> None:
    """--max-pages 0 is passed on (no cap, over UMOT_CRAWL_MAX_PAGES); no --max-pages leaves the setting alone."""
    from umot.cli._crawl_checks import set_max_pages

    overrides = {"DOWNLOAD_DELAY": "5"}
    set_max_pages(None, overrides)
    assert overrides == {"DOWNLOAD_DELAY": "5"}
    set_max_pages(0, overrides)
    assert overrides == {"DOWNLOAD_DELAY": "5", "CLOSESPIDER_PAGECOUNT": "0"}
