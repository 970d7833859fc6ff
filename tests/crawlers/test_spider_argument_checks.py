"""Each spider checks its arguments before a crawl: names it takes, values it can read."""

from __future__ import annotations

import pytest

from crawlers.source_urls import resolve_urls, spider_classes
from crawlers.spiders.arguments import SpiderArgumentError
from crawlers.spiders.base import ReviewSpider
from models.configured_source import SourceConfig
from models.sources_config import SourcesConfigError


def _spider(name: str) -> type[ReviewSpider]:
    return spider_classes()[name]


@pytest.mark.parametrize(
    ("spider", "arguments"),
    [
        ("schemaorg", {"follow_depth": "3", "since": "2024-01-31"}),
        ("sitemap", {"pattern": r"/p/\d+", "follow_depth": "0"}),
        ("appstore", {"app_id": "42", "countries": "us,gb"}),
        ("googleplay", {"app_id": "com.acme", "lang": "de", "country": "gb"}),
        ("reddit", {"query": "Acme"}),
        ("feed", {"since": "2024-01-31"}),
    ],
)
def test_arguments_a_spider_takes_pass(spider: str, arguments: dict[str, str]) -> None:
    _spider(spider).check_arguments(arguments)


@pytest.mark.parametrize(
    ("spider", "arguments", "name"),
    [
        ("schemaorg", {"follow_depth": "-1"}, "follow_depth"),
        ("sitemap", {"pattern": "[a-"}, "pattern"),
        ("trustpilot", {"domian": "acme.example"}, "domian"),
        ("yelp", {"source_id": "x"}, "source_id"),
        ("schemaorg", {"follow_depth": "1", "source_id": "3"}, "source_id"),
        ("feed", {"urls": "https://a.example/other.xml"}, "urls"),
        ("reddit", {"brand": "Globex"}, "brand"),
        ("feed", {"since": "soon"}, "since"),
    ],
)
def test_a_bad_argument_is_named(spider: str, arguments: dict[str, str], name: str) -> None:
    with pytest.raises(SpiderArgumentError) as raised:
        _spider(spider).check_arguments(arguments)
    assert raised.value.name == name


def test_a_source_option_from_toml_may_be_a_number_or_a_list() -> None:
    resolve_urls(SourceConfig("Acme", "p", "schemaorg", urls=["https://a.example/p"], options={"follow_depth": 2}))
    resolve_urls(SourceConfig("Acme", "ios", "appstore", options={"app_id": 42, "countries": ["us", "gb"]}))
    with pytest.raises(SourcesConfigError, match="source Acme/ios: option 'country_list=us'"):
        resolve_urls(SourceConfig("Acme", "ios", "appstore", options={"app_id": "42", "country_list": "us"}))


@pytest.mark.parametrize("name", ["urls", "brand", "source_id"])
def test_an_argument_the_crawl_sets_itself_is_refused_naming_where_it_comes_from(name: str) -> None:
    """``source_id=3`` as a source's option stored its reviews under source 3 (another brand's), ``urls=``
    crawled a feed ``sources list`` did not show: the crawl's own values were overridden."""
    with pytest.raises(SpiderArgumentError, match=r"^set by the crawl itself: ") as raised:
        _spider("feed").check_arguments({name: "3"})
    assert raised.value.name == name
    with pytest.raises(SourcesConfigError, match=rf"^source Acme/rss: option '{name}=3': set by the crawl itself: "):
        resolve_urls(SourceConfig("Acme", "rss", "feed", urls=["https://a.example/feed.xml"], options={name: "3"}))
