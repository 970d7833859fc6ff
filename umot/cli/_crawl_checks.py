"""``umot crawl``'s options checked before anything is crawled: the start URLs, the spider
and its -a arguments, --since, --set and -o's format and folder. A mistake costs one line
(exit 2) now, not a failed crawl minutes later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._errors import check_writable, fail

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from scrapy.settings import Settings

    from crawlers.spiders.base import ReviewSpider


def project_settings() -> Settings:
    """Scrapy's defaults under the project's settings (crawlers/settings.py), as a crawl starts with."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    return settings


def spider_names(settings: Settings) -> list[str]:
    """Spiders of the Scrapy project (looked up by name, like ``scrapy list``)."""
    from scrapy.spiderloader import SpiderLoader

    return sorted(SpiderLoader.from_settings(settings).list())


def check_start_urls(urls: list[str], spider: type[ReviewSpider], brand: str | None, spider_args: dict[str, str]) -> list[str]:
    """The start URLs: those given (only http(s) URLs; ``-a urls=URL,URL`` as Scrapy takes them too), else
    those the spider builds from its arguments and the brand (``--spider reddit --brand Acme`` searches for
    "Acme"); none at all fails."""
    if not urls and spider_args.get("urls"):
        from crawlers.spiders.arguments import split_urls

        urls = split_urls(spider_args["urls"])
    if not urls:
        built = spider.default_urls(brand, spider_args)
        if not built:
            options = ", ".join(getattr(spider, "url_options", ()) or ())
            needs = [f"-a {options}"] if options else []
            needs += ["--brand"] if spider.default_urls("a brand", {}) else []  # reddit searches for the brand
            builds = f"builds them from {' or '.join(needs)}" if needs else "builds none"
            fail(f"give at least one URL to crawl (spider {spider.name!r} {builds})")
        return list(built)
    from core.http_url import HttpUrlError, check_http_url

    for url in urls:  # the rule umot.toml's sources follow (a port typo was "crawl stopped early: start_error")
        try:
            check_http_url(url)
        except HttpUrlError as exc:
            fail(f"start URL {url!r}: {exc}")
    return urls


def check_spider(spider: str) -> tuple[Settings, type[ReviewSpider]]:
    """The project's settings and the spider's class, once ``spider`` is known to be one of its spiders."""
    from scrapy.spiderloader import SpiderLoader

    settings = project_settings()
    names = spider_names(settings)
    if spider not in names:
        fail(f"unknown spider {spider!r} (available: {', '.join(names)})")
    return settings, SpiderLoader.from_settings(settings).load(spider)  # type: ignore[return-value] # all are ReviewSpiders


def check_spider_arguments(spider: type[ReviewSpider], spider_args: dict[str, str]) -> None:
    """``-a`` arguments the spider does not take or cannot read fail here, naming the argument."""
    from crawlers.spiders.arguments import SpiderArgumentError

    try:
        spider.check_arguments(spider_args)
    except SpiderArgumentError as exc:
        fail(f"-a '{exc.name}={spider_args.get(exc.name, '')}': {exc}")


def parse_since(since: str | None) -> datetime | None:
    """``--since`` as a datetime (None when not given); text that is not a date fails here, and so does one
    without a day, month and year (``--since 2024`` is no date, not a day in 2024 made up from today), or
    a day in the future beyond the slack review dates get (``core.dates.FUTURE_SLACK``): ``--since 2204-01-01``
    crawled and found 0 reviews, exit 0."""
    if not since:
        return None
    from datetime import UTC, datetime, time

    from core.dates import FUTURE_SLACK
    from crawlers.extract.dates import parse_datetime

    since_dt = parse_datetime(since, day_at=time(0))  # a day: from its start
    if since_dt is None:
        fail(f"--since {since!r} is not a date with a day, month and year (e.g. 2024-01-31)")
    if since_dt > datetime.now(UTC) + FUTURE_SLACK:
        fail(f"--since {since!r} is in the future: no review is dated after it yet (give a day up to today)")
    return since_dt


def check_settings(overrides: dict[str, str], settings: Settings) -> None:
    """A ``--set`` value its setting cannot take (``crawlers.setting_checks``) fails here, not inside the crawl."""
    from crawlers.setting_checks import setting_problem

    for name, value in overrides.items():
        problem = setting_problem(name, value, settings.get(name))
        if problem:
            fail(f"--set '{name}={value}': {name} takes {problem}")


def check_output(output: Path | None) -> None:
    """-o's name says a format the crawl writes, and its folder takes the file and the partial one beside it."""
    if output is None:
        return
    from crawlers.output_file import OutputFormatError, partial_path

    try:
        partial = partial_path(output)
    except OutputFormatError as exc:
        fail(f"-o {exc}")
    check_writable(output, "-o")
    check_writable(partial, "-o")  # what the crawl writes first: a new file in that folder


def check_source(database_url: str | None, brand: str, source_id: int | None) -> None:
    """``--source-id`` names a stored source of ``--brand``: the crawl run is counted under it (``umot sources
    list``), so another brand's source would show this brand's crawl, and a missing one fails the crawl at its
    end. Checked before ``--create-brand`` adds anything."""
    from models.crud.triage.changes import MAX_ID

    if source_id is None:
        return
    if not 1 <= source_id <= MAX_ID:  # what every store's id holds: a larger one was a traceback
        fail(f"--source-id {source_id}: no source with that id in the store")
    from models import crud
    from models.db import session_scope
    from models.tables import Brand
    from umot.cli._store import open_store

    with session_scope(open_store(database_url), write=False) as session:
        source = crud.get_source(session, source_id)
        wanted = crud.get_brand(session, brand)
        if source is not None and wanted is not None and source.brand_id == wanted.id:
            return
        own = ", ".join(f"{s.id} {s.name!r}" for s in crud.list_sources(session, brand_id=wanted.id)) \
            if wanted is not None else ""
        known = f" ({wanted.name}'s sources: {own or 'none'})" if wanted is not None else ""
        if source is None:
            fail(f"--source-id {source_id}: no source with that id in the store{known}")
        owner = session.get(Brand, source.brand_id)
        fail(f"--source-id {source_id} is source {source.name!r} of brand {owner.name if owner else '?'!r}, "
             f"not of {brand!r}{known}")
