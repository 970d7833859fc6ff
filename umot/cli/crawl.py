"""``umot crawl``: public review pages -> the store or a file (-o: JSONL or CSV, gzip'd or not).

The checks of its options: :mod:`umot.cli._crawl_checks`; how -o is written (and kept
when a crawl fails): :mod:`crawlers.pipelines.file_output`; the lines it ends with:
:mod:`umot.cli._crawl_summary`. Reviews from a file (``umot import``): :mod:`umot.cli.import_reviews`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._crawl_checks import (
    check_output,
    check_settings,
    check_source,
    check_spider,
    check_spider_arguments,
    check_start_urls,
    parse_since,
    set_max_pages,
)
from umot.cli._crawl_output import CrawlOutput
from umot.cli._crawl_spider import take_arg_urls
from umot.cli._crawl_summary import cap_hint, crawl_summary, unread_hint
from umot.cli._errors import check_writable, fail
from umot.cli._pairs import name_values
from umot.cli._store import CreateBrand, DatabaseUrl, store_brand


def crawl(
    urls: Annotated[
        list[str] | None,
        typer.Argument(metavar="URL", help="Start URLs: product, review-listing or hub pages (some spiders build them from -a)", show_default=False),
    ] = None,
    spider: Annotated[str, typer.Option("--spider", help="Spider to run (see crawlers/spiders/)")] = "schemaorg",
    brand: Annotated[
        str | None, typer.Option(help="Brand the reviews belong to (required unless -o is given)")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", dir_okay=False,
                     help="Write reviews to this file instead of the store: .jsonl or .csv (+ .gz: gzip'd)"),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Skip reviews older than this date (e.g. 2024-01-31: from 00:00 in UMOT_TIMEZONE) and stop paginating there")
    ] = None,
    source_id: Annotated[int | None, typer.Option(help="Record the crawl against this source id (a source of --brand)")] = None,
    arg: Annotated[
        list[str] | None, typer.Option("-a", "--arg", metavar="NAME=VALUE", help="Spider argument NAME=VALUE (repeatable), e.g. follow_depth=3")
    ] = None,
    setting: Annotated[
        list[str] | None,
        typer.Option("-s", "--set", metavar="NAME=VALUE", help="Scrapy setting NAME=VALUE for this crawl (repeatable), e.g. DOWNLOAD_DELAY=5"),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option("--max-pages", metavar="N", show_default=False,
                     help="Stop after N pages (robots.txt included; 0: no cap). Default: UMOT_CRAWL_MAX_PAGES (5000)"),
    ] = None,
    log: Annotated[Path | None, typer.Option(help="Keep Scrapy's full log in this file", dir_okay=False)] = None,
    create_brand: CreateBrand = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Crawl review pages into the store (needs --brand) or into a file (-o).

    Polite by default: robots.txt obeyed, one request at a time per site,
    AutoThrottle, retries with back-off. Prints one summary line; exits 1 when
    the crawl failed (e.g. the site could not be reached). Reviews stored
    before a failure stay stored; a failed crawl leaves the -o file as it was
    and keeps what it read in FILE.partial.SUFFIX beside it.
    """
    project, spider_class = check_spider(spider)
    spider_args = name_values(arg, "--arg")
    urls = take_arg_urls(urls or [], spider_args)
    check_spider_arguments(spider_class, spider_args, since=since)
    urls = check_start_urls(urls, spider_class, (brand or "").strip() or None, spider_args)
    if output is None and not (brand and brand.strip()):
        fail("--brand is required to store reviews (or write JSONL with -o FILE.jsonl)")
    since_dt = parse_since(since)
    settings = name_values(setting, "--set")
    check_settings(settings, project)
    set_max_pages(max_pages, settings)
    check_output(output)
    check_writable(log, "--log")
    if output is None and brand:  # a bad store, an unknown brand or source: one line now, not after the crawl
        check_source(database_url, brand.strip(), source_id)
        brand = store_brand(database_url, brand.strip(), create=create_brand)

    from rich.console import Console

    from crawlers.runner import run_crawl

    console = Console(stderr=True)
    watched = CrawlOutput.before(output) if output is not None else None
    with console.status(f"crawling with {spider}…"):
        result = run_crawl(
            spider,
            urls,
            brand=brand.strip() if brand else None,
            database_url=database_url,
            output=output,
            source_id=source_id,
            since=since_dt,
            settings=settings,
            spider_args=spider_args,
            log_file=log,
        )
    partial = watched.new_partial() if watched is not None and not result.ok else None
    nothing = output is not None and not result.ok and partial is None  # -o as it was, no partial file kept
    typer.echo(crawl_summary(spider, result, partial or output, nothing_written=nothing))
    if result.ok and result.failed_follows:
        typer.echo(f"note: {unread_hint(result.error_message, stored=output is None, source_id=source_id)}", err=True)
    if result.ok and result.page_cap:
        typer.echo(f"note: {cap_hint(result, stored=output is None, source_id=source_id)}", err=True)
    cut = result.since_cut if result.ok and output is None else None
    if cut:
        typer.echo(f"note: the reviews before {cut} were not read; the next crawl of this source without --since "
                   "(or with an earlier one) reads every page", err=True)
    if not result.ok:
        message = result.error_message or "crawl failed"
        fail(watched.failure(message) if watched is not None else message, code=1)
