"""Stages and referrals ``themes-rules/10`` misread outside shops and restaurants: "had to go to the ER" and "called
5 times" were no repeat, "closing my account" was, warnings with other verbs ("don't fly with them"), "y'all need to
try", "PSA", a sister's recommendation, "without notice". Each case is paired with a reading that must not change."""

from __future__ import annotations

import pytest

from nlp.referral import referral_intent
from nlp.themes import ThemeDetector


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


@pytest.mark.parametrize(("text", "stage"), [
    ("Got charged a monthly fee nobody told me about. Closing my account.", "repeat"),
    ("Cancelled my policy after they doubled the premium.", "repeat"),
    ("Shoutout to Chewy for the handwritten card when my dog passed. Customers for life.", "repeat"),
    ("My sister recommended this clinic and she was right.", "consider"),
    ("My doctor recommended this brand of vitamins.", "consider"),
    ("My coworkers recommended this gym.", "consider"),
    ("PSA: they charge $99 for a carry on at the gate.", "refer"),
    ("The promo price doubles after 12 months. Read the fine print folks.", "refer"),
])
def test_stage_now_read(detector: ThemeDetector, text: str, stage: str) -> None:
    assert stage in detector.detect_one(text, "negative").stages


@pytest.mark.parametrize(("text", "stage"), [
    ("Had to go to the ER after they misdiagnosed me. Avoid this urgent care.", "repeat"),
    ("I had to call 5 times to get it fixed.", "repeat"),
    ("Emailed them 4 times and nobody replied.", "repeat"),
    ("The check engine light came back on two days later.", "repeat"),
    ("My bill went up without any notice.", "consider"),
    ("The fee was buried in the fine print.", "refer"),
])
def test_stage_no_longer_read(detector: ThemeDetector, text: str, stage: str) -> None:
    assert stage not in detector.detect_one(text, "negative").stages


@pytest.mark.parametrize(("text", "stage"), [
    ("Honest mechanics, fair prices. My go to shop for 10 years.", "repeat"),
    ("This is my go-to pizza place.", "repeat"),
    ("We came back the next week with friends.", "repeat"),
    ("I came back for the ramen, still the best in town.", "repeat"),
    ("Been here many times, always great.", "repeat"),
    ("The new menu launched without any notice.", "consider"),
    ("My friends recommended this place.", "consider"),
])
def test_stage_still_read(detector: ThemeDetector, text: str, stage: str) -> None:
    assert stage in detector.detect_one(text, "positive").stages


@pytest.mark.parametrize(("text", "intent"), [
    ("Don't fly with them. Worst customer service on the planet.", "warn"),
    ("Do not stay at this hotel.", "warn"),
    ("Don't use this app, it charges you twice.", "warn"),
    ("Don't go to this dentist.", "warn"),
    ("Never bank with them.", "warn"),
    ("I'd think twice before booking with them.", "warn"),
    ("y'all need to try @Sweetgreen's new harvest bowl, obsessed", "recommend"),
    ("You have to try their new harvest bowl, obsessed!", "recommend"),
])
def test_referral_now_read(text: str, intent: str) -> None:
    assert referral_intent(text) == intent


@pytest.mark.parametrize(("text", "intent"), [
    ("I don't use this app anymore.", None),  # the writer's own habit
    ("We don't stay at hotels like this often, but we loved it.", None),
    ("Don't stay at any other hotel in Rome!", None),  # sends guests to this one
    ("Don't think twice, just book it!", None),
    ("You have to try again later, the app is down.", None),
    ("You need to try another app, this one is useless.", None),
    ("Don't buy it, it's a scam.", "warn"),
    ("You should try the ramen.", "recommend"),
])
def test_referral_that_stays(text: str, intent: str | None) -> None:
    assert referral_intent(text) == intent
