"""The nightly report's sentiment split adds up to 100%: one review of each label read
33% / 33% / 33% (99%), and 1 positive, 1 neutral, 6 negative 13% / 13% / 75% (101%)."""

from __future__ import annotations

import pytest

from flows.outcomes import BrandReport
from flows.report_sections import brand_section


@pytest.mark.parametrize(
    ("labels", "split"),
    [({"positive": 1, "neutral": 1, "negative": 1}, "33% positive / 33% neutral / 34% negative"),
     ({"positive": 1, "neutral": 1, "negative": 6, "unscored": 2}, "12% positive / 13% neutral / 75% negative"),
     ({"positive": 1, "negative": 2}, "33% positive / 0% neutral / 67% negative"),
     ({"unscored": 3}, "sentiment of the 0 reviews scored in this run: –")],
)
def test_the_reports_sentiment_split_adds_up_to_100(labels: dict[str, int], split: str) -> None:
    report = BrandReport(brand_id=1, brand="Acme", scored=sum(labels.values()), labels=labels)
    assert split in brand_section(report)[2]


def test_the_run_table_shows_the_reports_split() -> None:
    """`umot run`'s table rounded each share on its own: 33% negative beside the report's 34%."""
    from flows.outcomes import BrandReport
    from flows.report_format import percent

    report = BrandReport(1, "A", labels={"positive": 1, "neutral": 1, "negative": 1})
    assert (percent(report.share_negative), percent(report.share_positive)) == ("34%", "33%")
    assert BrandReport(1, "A").share_negative is None
