"""A configured source resolved against this Scrapy project's spiders: that its spider
exists, that the spider takes its options, and its start URLs (its own, else the ones the
spider derives from its options: an App Store id, a brand to search for)."""

from __future__ import annotations

from core.http_url import HttpUrlError, check_http_url
from models.configured_source import SourceConfig
from models.sources_config import SourcesConfigError


def spider_classes() -> dict[str, type]:
    """Every spider of the Scrapy project by name (imports Scrapy: call from commands only)."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawlers import settings as crawl_settings

    settings = Settings()
    settings.setmodule(crawl_settings, priority="project")
    loader = SpiderLoader.from_settings(settings)
    return {name: loader.load(name) for name in loader.list()}


def resolve_urls(source: SourceConfig, spiders: dict[str, type] | None = None) -> list[str]:
    """The source's start URLs: its own, else the spider's defaults for its options."""
    spiders = spiders if spiders is not None else spider_classes()
    if source.spider not in spiders:
        raise SourcesConfigError(
            f"source {source.brand}/{source.name}: unknown spider {source.spider!r} "
            f"(available: {', '.join(sorted(spiders))})"
        )
    check_options(source, spiders[source.spider])
    for url in source.urls:
        try:
            check_http_url(url)  # the check `umot webhook set` makes, too
        except HttpUrlError as exc:
            raise SourcesConfigError(f"source {source.brand}/{source.name}: {url!r}: {exc}") from None
    if source.urls:
        return list(source.urls)
    default_urls = getattr(spiders[source.spider], "default_urls", None)
    urls = default_urls(source.brand, source.options) if default_urls else []
    if not urls:
        needs = ", ".join(getattr(spiders[source.spider], "url_options", ()) or ())
        hint = f" or options ({needs})" if needs else ""
        raise SourcesConfigError(f"source {source.brand}/{source.name}: spider {source.spider!r} needs urls{hint}")
    return urls


class SourceOptionError(SourcesConfigError):
    """An option the source's spider does not take or cannot read (:func:`check_options`)."""


def check_options(source: SourceConfig, spider: type) -> None:
    """Options the spider does not take or cannot read (a misspelt name, a bad pattern) fail the
    source here, when it is added or synced, not every night it is crawled."""
    from crawlers.spiders.arguments import SpiderArgumentError

    check = getattr(spider, "check_arguments", None)
    if check is None:
        return
    try:
        check({name: str(value) for name, value in source.options.items()})
    except SpiderArgumentError as exc:
        value = source.options.get(exc.name, "")
        raise SourceOptionError(f"source {source.brand}/{source.name}: option '{exc.name}={value}': {exc}") from None
