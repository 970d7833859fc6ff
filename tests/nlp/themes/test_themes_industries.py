"""Themes ``themes-rules/10`` misread in reviews of hotels, clinics, banks, telecoms, gyms, games and food delivery:
billing verbs, high prices, "lol", words of another sense ("bed bugs", "freezing", "we arrived", "waiting room",
"delivered my baby", "cell service"), a complaint "until now", food-delivery orders, £ and €, staff outside restaurants
and waits of days or weeks. Each case is paired with a reading that must not change."""

from __future__ import annotations

import pytest

from nlp.themes import ThemeDetector


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


def _themes(detector: ThemeDetector, text: str, sentiment: str, app: bool | None = None) -> dict[str, str]:
    return detector.detect_one(text, sentiment, app).themes


@pytest.mark.parametrize(("text", "sentiment", "app", "theme", "polarity"), [
    # billing verbs
    ("They kept charging me after I cancelled", "negative", None, "billing_refunds", "negative"),
    ("I was charged for a room I never booked.", "negative", None, "billing_refunds", "negative"),
    ("They billed my insurance for a procedure I never had.", "negative", None, "billing_refunds", "negative"),
    ("Estimated bills for 8 months then a £900 catch-up bill.", "negative", None, "billing_refunds", "negative"),
    # a high price is a complaint ("high" weighs nothing in the lexicon)
    ("Good.But fare was high.", "positive", True, "price_value", "negative"),
    ("Amazing red velvet brownie. Prices are a bit high.", "positive", None, "price_value", "negative"),
    # "lol" is no praise
    ("They charged me twice lol", "negative", True, "billing_refunds", "negative"),
    # other senses
    ("There were bed bugs in the room.", "negative", None, "cleanliness_ambience", "negative"),
    ("They froze my account with no explanation.", "negative", True, "trust_safety", "negative"),
    ("They closed my account with no warning.", "negative", None, "trust_safety", "negative"),
    ("Been with this bank 15 years and they just closed my account", "negative", None, "trust_safety", "negative"),
    ("Delivered my baby here, the nurses were angels.", "positive", None, "service_staff", "positive"),
    # a complaint denied only until lately
    ("Never had a problem until now.", "negative", None, "product_quality", "negative"),
    # food-delivery orders
    ("My order arrived cold.", "negative", True, "delivery", "negative"),
    ("They got my order wrong again.", "negative", True, "delivery", "negative"),
    ("Half my order was missing.", "negative", True, "delivery", "negative"),
    # £ / € / euros, and pay to win
    ("Paid 55 euros to check in at the airport.", "negative", None, "price_value", "negative"),
    ("Roaming charges in Spain were insane, €90 for a week of data.", "negative", None, "price_value", "negative"),
    ("Pay to win garbage. Every update adds more loot boxes.", "negative", True, "price_value", "negative"),
    # staff outside restaurants, in a review of a place
    ("The doctor was patient and explained everything.", "positive", None, "service_staff", "positive"),
    ("Spin class instructor is a legend.", "positive", None, "service_staff", "positive"),
    # a wait of days or weeks
    ("Lab results took 3 weeks and nobody called me back.", "negative", None, "speed_wait", "negative"),
])
def test_theme_now_read(detector: ThemeDetector, text: str, sentiment: str, app: bool | None, theme: str,
                        polarity: str) -> None:
    assert _themes(detector, text, sentiment, app).get(theme) == polarity


@pytest.mark.parametrize(("text", "sentiment", "app", "theme"), [
    ("There were bed bugs in the room.", "negative", None, "app_reliability"),
    ("Found bugs in the salad.", "negative", None, "app_reliability"),
    ("The pool was freezing.", "negative", None, "app_reliability"),
    ("They froze my account with no explanation.", "negative", True, "app_reliability"),
    ("I have closed my uber account and gone back to taxis.", "negative", None, "trust_safety"),  # the writer's doing
    ("We arrived at 3pm and the room was not ready.", "negative", None, "delivery"),
    ("Upon arrival we were greeted with a welcome drink.", "positive", None, "delivery"),
    ("The plumber arrived on time and fixed the leak in 20 minutes.", "positive", None, "delivery"),
    ("Picked up my prescription, the pharmacist was lovely.", "positive", None, "speed_wait"),
    ("Sat in the waiting room for an hour.", "negative", None, "speed_wait"),
    ("Delivered my baby here, the nurses were angels.", "positive", None, "delivery"),
    ("Labor and delivery nurses were amazing.", "positive", None, "delivery"),
    ("My cell service is terrible here.", "negative", None, "service_staff"),
    ("They never got back to me.", "negative", None, "delivery"),
    ("Lost all my progress after reinstalling.", "negative", True, "product_quality"),  # was praise
])
def test_a_word_of_another_sense_names_no_theme(detector: ThemeDetector, text: str, sentiment: str, app: bool | None,
                                                 theme: str) -> None:
    assert theme not in _themes(detector, text, sentiment, app)


@pytest.mark.parametrize(("text", "sentiment", "app", "themes"), [
    ("The app has so many bugs.", "negative", True, {"app_reliability": "negative"}),
    ("The app keeps freezing.", "negative", True, {"app_reliability": "negative"}),
    ("The app freezes on startup.", "negative", None, {"app_reliability": "negative"}),
    ("The vase was cracked upon arrival.", "negative", None, {"product_quality": "negative", "delivery": "negative"}),
    ("The blender I bought arrived broken.", "negative", None, {"product_quality": "negative", "delivery": "negative"}),
    ("Driver picked me up in 2 minutes.", "positive", True, {"service_staff": "positive", "speed_wait": "positive"}),
    ("The gym has a free charging station for your phone, nice touch", "positive", None, {"product_quality": "positive"}),
    ("Interest rate on savings is high.", "positive", None, {"price_value": "positive"}),
    ("No high fees, great bank.", "positive", None, {"price_value": "positive"}),
    ("The prices are not high at all for this quality.", "positive", None,
     {"product_quality": "positive", "price_value": "positive"}),
    ("Never had an issue with this airline.", "positive", None, {"product_quality": "positive"}),
    ("No problems so far, until now it has worked perfectly.", "positive", None, {"product_quality": "positive"}),
    ("I lost 10 pounds in a month on this plan.", "positive", None, {}),  # a weight, not a price
    ("These trainers are comfy and the sole is grippy.", "positive", None, {"product_quality": "positive"}),
    ("The game mechanics are clunky.", "negative", None, {}),
    ("How is it possible delivery took 3 weeks?", "negative", None, {"delivery": "negative"}),
    ("Shipping took a month from China.", "negative", None, {"delivery": "negative"}),
])
def test_readings_that_stay(detector: ThemeDetector, text: str, sentiment: str, app: bool | None,
                            themes: dict[str, str]) -> None:
    assert _themes(detector, text, sentiment, app) == themes
