"""A dotted numeric date (``12.03.2024``) is day first: no locale writes it month first, so a
German page without ``<html lang>``, or one whose template says ``lang="en"``, stored 2024-12-03.
A year-first dotted date (``2024.03.05``, Korean ``24.03.05``) keeps its year first."""

from __future__ import annotations

import json
from datetime import date

import pytest

from crawlers.extract.dates import named_day
from crawlers.extract.schemaorg import extract_page


@pytest.mark.parametrize(
    ("text", "day"),
    [("12.03.2024", date(2024, 3, 12)), ("05.03.2024", date(2024, 3, 5)), ("5.3.2024", date(2024, 3, 5)),
     ("05.03.24", date(2024, 3, 5)), ("5. 3. 2024", date(2024, 3, 5)), ("12.3.2024.", date(2024, 3, 12)),
     ("2024.03.05", date(2024, 3, 5)), ("2024.03.05.", date(2024, 3, 5))],
)
@pytest.mark.parametrize("language", [None, "en", "en-US", "de", "fr"])
def test_a_dotted_date_is_day_first_whatever_the_language(text: str, day: date, language: str | None) -> None:
    assert named_day(text, language) == day


def test_only_a_day_first_reading_that_is_impossible_gives_way() -> None:
    assert named_day("05.13.2024") == date(2024, 5, 13)  # no 13th month: May 13, as before


def test_a_year_first_language_keeps_a_short_dotted_date_year_first() -> None:
    assert named_day("24.03.05", "ko") == date(2024, 3, 5)
    assert named_day("05.03.2024", "ko") == date(2024, 3, 5)  # a four-digit year last: day first


def test_slashed_dates_still_follow_the_language() -> None:
    assert named_day("05/03/2024") == date(2024, 5, 3) and named_day("05/03/2024", "en-US") == date(2024, 5, 3)
    assert named_day("05/03/2024", "de") == date(2024, 3, 5)


@pytest.mark.parametrize("html_open", ["<html>", '<html lang="en">'])
def test_a_german_page_s_dotted_dates_are_stored_day_first(html_open: str) -> None:
    reviews = [{"@type": "Review", "@id": f"r{n}", "author": "Klaus", "reviewBody": f"Wasserkocher {n} tropft.",
                "reviewRating": {"ratingValue": "2"}, "datePublished": published}
               for n, published in enumerate(["05.03.2024", "12.03.2024"])]
    page = {"@context": "https://schema.org", "@type": "Product", "name": "Wasserkocher", "review": reviews}
    html = f'{html_open}<head><script type="application/ld+json">{json.dumps(page)}</script></head></html>'
    rows = extract_page(html.encode(), "https://shop.example/de").reviews
    assert [r["published_at"][:10] for r in rows] == ["2024-03-05", "2024-03-12"]


def test_an_order_given_as_such_is_kept() -> None:
    # an import file's one order (``--date-order``, or what its own dates show) says how that file writes them
    assert named_day("05.03.2024", "MDY") == date(2024, 5, 3) and named_day("05.03.2024", "DMY") == date(2024, 3, 5)
