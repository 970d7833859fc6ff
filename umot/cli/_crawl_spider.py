"""``umot crawl``'s spider checked before anything is crawled: that it is one of the project's spiders, its -a
arguments, and the start URLs given or built from them (:mod:`umot.cli._crawl_checks` checks the rest)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._errors import fail

if TYPE_CHECKING:
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


#: The option of ``umot crawl`` that sets what a spider argument the crawl sets itself would.
_CRAWL_OPTIONS = {"urls": "URL arguments", "brand": "--brand", "source_id": "--source-id"}


def take_arg_urls(urls: list[str], spider_args: dict[str, str]) -> list[str]:
    """The start URLs given: the URL arguments, or ``-a urls=URL,URL`` as Scrapy takes them, taken out of
    ``spider_args`` (left there, it would replace the crawl's own). Both at once fail: which would win?"""
    given = spider_args.pop("urls", None)
    if given is None:
        return urls
    if urls:
        fail(f"-a 'urls={given}': the URL arguments give the start URLs already; give them one way")
    from crawlers.spiders.arguments import split_urls

    return split_urls(given)


def check_start_urls(urls: list[str], spider: type[ReviewSpider], brand: str | None, spider_args: dict[str, str]) -> list[str]:
    """The start URLs: those given (only http(s) URLs: :func:`take_arg_urls`), else those the spider builds
    from its arguments and the brand (``--spider reddit --brand Acme`` searches for "Acme"); none at all fails."""
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


def check_spider_arguments(spider: type[ReviewSpider], spider_args: dict[str, str], *, since: str | None = None) -> None:
    """``-a`` arguments the spider does not take or cannot read fail here, naming the argument; so do
    those the crawl sets from its options (``-a source_id=3`` stored a brand's reviews under another
    brand's source, which ``--source-id 3`` refuses), and ``-a since`` beside ``--since``."""
    from crawlers.spiders.arguments import SET_BY_CRAWL, SpiderArgumentError

    for name, value in spider_args.items():
        if name == "since" and since is not None:
            fail(f"-a 'since={value}': --since gives the day already; give it one way")
        if name in SET_BY_CRAWL:
            fail(f"-a '{name}={value}': set by the crawl itself: use {_CRAWL_OPTIONS[name]} instead")
    try:
        spider.check_arguments(spider_args)
    except SpiderArgumentError as exc:
        fail(f"-a '{exc.name}={spider_args.get(exc.name, '')}': {exc}")

