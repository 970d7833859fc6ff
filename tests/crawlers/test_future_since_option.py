"""``since`` in the future, given as a spider argument (``-a since=...``) or a source option, is refused as
``umot crawl --since`` refuses it: ``umot sources add ... --option since=2204-01-01`` was written to umot.toml
and every night's crawl dropped every review. A day up to tomorrow (time zones) is still a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawlers.source_urls import SourceOptionError, check_options
from crawlers.spiders.arguments import SpiderArgumentError, parse_since
from crawlers.spiders.reddit import RedditSpider
from crawlers.spiders.schemaorg import SchemaOrgSpider
from crawlers.spiders.trustpilot import TrustpilotSpider
from models.configured_source import SourceConfig

FUTURE = "2204-01-01"


@pytest.mark.parametrize("spider", [TrustpilotSpider, SchemaOrgSpider, RedditSpider])
def test_a_future_since_argument_is_refused_before_the_crawl(spider: type[SchemaOrgSpider]) -> None:
    with pytest.raises(SpiderArgumentError, match="in the future") as caught:
        spider.check_arguments({"since": FUTURE})
    assert caught.value.name == "since"


def test_a_future_since_option_fails_its_source_in_one_line() -> None:
    source = SourceConfig(brand="Acme", name="tp", spider="trustpilot", options={"domain": "acme.example", "since": FUTURE})
    with pytest.raises(SourceOptionError) as caught:
        check_options(source, TrustpilotSpider)
    message = str(caught.value)
    assert "\n" not in message and "option 'since=2204-01-01'" in message and "in the future" in message


def test_a_spider_given_a_future_since_does_not_start() -> None:
    with pytest.raises(ValueError, match="in the future"):
        TrustpilotSpider(urls=["https://www.trustpilot.com/review/acme.example"], since=FUTURE)


def test_today_and_tomorrow_are_still_days_to_start_from() -> None:
    for day in (datetime.now(UTC).date(), datetime.now(UTC).date() + timedelta(days=1)):
        assert parse_since(day.isoformat()) is not None
        TrustpilotSpider.check_arguments({"since": day.isoformat()})
    with pytest.raises(SpiderArgumentError, match="not a date"):  # a typo is still its own message
        TrustpilotSpider.check_arguments({"since": "2024-13-45"})
