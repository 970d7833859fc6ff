"""``umot crawl`` (public review pages -> store or JSONL) and ``umot import`` (CSV/JSONL -> store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from umot.cli._errors import fail, plural
from umot.cli._pairs import name_values
from umot.cli._store import CreateBrand, DatabaseUrl, store_brand

if TYPE_CHECKING:
    from scrapy.settings import Settings


def _project_settings() -> Settings:
    """Scrapy's defaults under the project's settings (crawlers/settings.py), as a crawl starts with."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    return settings


def _spider_names(settings: Settings) -> list[str]:
    """Spiders of the Scrapy project (looked up by name, like ``scrapy list``)."""
    from scrapy.spiderloader import SpiderLoader

    return sorted(SpiderLoader.from_settings(settings).list())


def _check_settings(overrides: dict[str, str], settings: Settings) -> None:
    """A ``--set`` value that an on/off or a number setting cannot read fails here, not inside the crawl."""
    from scrapy.settings import Settings

    for name, value in overrides.items():
        known = settings.get(name)
        try:
            if isinstance(known, bool):
                Settings({name: value}).getbool(name)
            elif isinstance(known, (int, float)):
                float(value)
        except ValueError:
            kind = "True or False" if isinstance(known, bool) else "a number"
            fail(f"--set '{name}={value}': {name} takes {kind}")


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
        typer.Option("-o", "--output", help="Write reviews to this JSONL file instead of the store", dir_okay=False),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Skip reviews older than this date (e.g. 2024-01-31) and stop paginating there")
    ] = None,
    source_id: Annotated[int | None, typer.Option(help="Record the crawl against this source id")] = None,
    arg: Annotated[
        list[str] | None, typer.Option("-a", "--arg", metavar="NAME=VALUE", help="Spider argument NAME=VALUE (repeatable), e.g. follow_depth=3")
    ] = None,
    setting: Annotated[
        list[str] | None,
        typer.Option("-s", "--set", metavar="NAME=VALUE", help="Scrapy setting NAME=VALUE for this crawl (repeatable), e.g. DOWNLOAD_DELAY=5"),
    ] = None,
    log: Annotated[Path | None, typer.Option(help="Keep Scrapy's full log in this file", dir_okay=False)] = None,
    create_brand: CreateBrand = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Crawl review pages into the store (needs --brand) or into a JSONL file (-o).

    Polite by default: robots.txt obeyed, one request at a time per site,
    AutoThrottle, retries with back-off. Prints one summary line; exits 1 when
    the crawl failed (e.g. the site could not be reached). Reviews stored
    before a failure stay stored.
    """
    from urllib.parse import urlsplit

    urls = urls or []
    if not urls and not arg:
        fail("give at least one URL to crawl (or spider arguments, e.g. --spider appstore -a app_id=123)")
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            fail(f"not an http(s) URL: {url!r}")
    project = _project_settings()
    names = _spider_names(project)
    if spider not in names:
        fail(f"unknown spider {spider!r} (available: {', '.join(names)})")
    if output is None and not (brand and brand.strip()):
        fail("--brand is required to store reviews (or write JSONL with -o FILE.jsonl)")
    since_dt = None
    if since:
        from crawlers.extract.dates import parse_datetime

        since_dt = parse_datetime(since)
        if since_dt is None:
            fail(f"--since {since!r} is not a date (e.g. 2024-01-31)")
    spider_args = name_values(arg, "--arg")
    settings = name_values(setting, "--set")
    _check_settings(settings, project)
    if output is None and brand:  # a bad store or an unknown brand: one line now, not after the crawl
        brand = store_brand(database_url, brand.strip(), create=create_brand)

    from rich.console import Console

    from crawlers.runner import run_crawl

    console = Console(stderr=True)
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
    where = f"written to {output}" if output is not None else "new"
    run = f", run {result.run_id}" if result.run_id else ""
    typer.echo(
        f"{spider}: {plural(result.items_scraped, 'review')} found, {result.items_new} {where}, "
        f"{plural(result.pages, 'page')}{f' ({result.unchanged} unchanged)' if result.unchanged else ''}, "
        f"{plural(result.errors, 'error')}{run}"
    )
    if not result.ok:
        fail(result.error_message or "crawl failed", code=1)


def import_reviews(
    file: Annotated[Path, typer.Argument(help="CSV/TSV or JSONL file of reviews", dir_okay=False, show_default=False)],
    brand: Annotated[str, typer.Option(help="Brand the reviews belong to", show_default=False)],
    scale: Annotated[float, typer.Option(help="Best possible rating in the file (5, 10, 100...)")] = 5,
    source: Annotated[
        str | None, typer.Option(help="Source label when the file has no source column (default: import:<file name>)")
    ] = None,
    create_brand: CreateBrand = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Load reviews exported from another tool into the store.

    Columns: text (required); rating or stars, author, title, url, date or
    published_at, source, id or external_id, language (optional). The whole
    file is checked first and then stored in ONE transaction: a bad row stops
    the import with its line number and nothing from the file is stored.
    Re-importing the same file adds nothing (reviews are keyed by source + id).
    """
    from crawlers.importer import ImportFileError, read_review_file

    brand = store_brand(database_url, brand.strip(), create=create_brand)
    try:
        rows = read_review_file(file, scale=scale, source=source)
    except ImportFileError as exc:
        fail(str(exc))

    from models import crud
    from models.db import session_scope
    from models.stored import stored_id
    from umot.cli._store import open_store

    engine = open_store(database_url)
    try:
        with session_scope(engine) as session:
            brand_row = crud.get_or_create_brand(session, brand.strip())
            result = crud.upsert_reviews(session, rows, brand_id=stored_id(brand_row))
    except ValueError as exc:
        fail(f"{file}: {exc}")
    cut = ""
    if result.texts_cut:
        from core.settings import get_settings

        cut = (f"; {plural(result.texts_cut, 'text')} longer than UMOT_MAX_REVIEW_CHARS="
               f"{get_settings().max_review_chars} cut (head and tail kept)")
    typer.echo(
        f"imported {plural(len(rows), 'review')} from {file} into {brand.strip()!r}: "
        f"{result.new} new, {result.existing} already stored{cut}"
    )
