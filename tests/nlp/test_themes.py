"""The themes-and-stage detector (#18): themes with clause polarity, stages, primary stage,
brand themes from example phrases, corrections, definitions checked; the eval fixture's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.themes import DEFAULT_THEME_NAMES, STAGE_NAMES, Theme, ThemeDetector
from nlp.themes.brand import BrandMatcher, ThemeDefinitionError, validate
from nlp.themes.corrections import Correction, CorrectionMemory

EVAL = Path(__file__).parent / "fixtures" / "themes_eval.jsonl"
SOURCES = {"marc_en_dev.csv.gz", "marc_en_train.csv.gz", "restaurants_zomato.csv.gz", "absa_semeval_restaurants.csv.gz",
           "absa_mams_restaurants.csv.gz", "appreviews_uber_googleplay.csv.gz", "appreviews_chatgpt_appstore.csv.gz",
           "absa_dabrowski_app_features.csv.gz"}


@pytest.fixture(scope="module")
def detector() -> ThemeDetector:
    return ThemeDetector()


@pytest.mark.parametrize(("text", "app", "themes"), [
    ("The food was delicious but the waiter was rude and we waited 40 minutes.", None,
     {"product_quality": "positive", "service_staff": "negative", "speed_wait": "negative"}),
    ("The parcel arrived with the box crushed.", None, {"delivery": "negative"}),
    ("App keeps crashing since the last update.", True, {"app_reliability": "negative"}),
    ("They charged me twice and never refunded the money.", None, {"billing_refunds": "negative"}),
    ("Way overpriced for what you get.", None, {"price_value": "negative"}),
    ("Very easy to use, clean interface.", True, {"app_usability": "positive"}),
    ("This is a scam, they stole my identity.", None, {"trust_safety": "negative"}),
    ("Arrived on Tuesday.", None, {"delivery": "neutral"}),
])
def test_themes_and_their_polarity(detector: ThemeDetector, text: str, app: bool | None, themes: dict) -> None:
    assert detector.detect_one(text, None, app).themes == themes


def test_the_same_words_mean_different_themes_in_an_app_review(detector: ThemeDetector) -> None:
    assert "app_reliability" in detector.detect_one("It is not working at all.", None, True).themes
    assert "product_quality" in detector.detect_one("The blender stopped working after a week.", None, False).themes


def test_a_clause_without_polarity_takes_the_reviews_sentiment(detector: ThemeDetector) -> None:
    assert detector.detect_one("The delivery.", "positive").themes == {"delivery": "positive"}
    assert detector.detect_one("The delivery.", None).themes == {"delivery": "neutral"}


@pytest.mark.parametrize(("text", "stages", "primary", "referral"), [
    ("I read the reviews before I ordered. Quality is great. I recommend it!", ["research", "buy", "use", "refer"], "use", "recommend"),
    ("Payment failed at checkout.", ["buy", "use"], "buy", "none"),
    ("Horrible company, they will not get another penny from me.", ["use", "repeat"], "use", "none"),
    ("Won't get another penny from me.", ["use", "repeat"], "repeat", "none"),
    ("Try the ribs.", ["use", "refer"], "refer", "none"),
    ("I should have chosen a different product.", ["decide", "use"], "decide", "none"),
    ("It broke in a day. Do not buy this.", ["use", "refer"], "use", "warn"),
])
def test_stages_primary_stage_and_referral(detector: ThemeDetector, text: str, stages: list, primary: str, referral: str) -> None:
    got = detector.detect_one(text)
    assert (got.stages, got.primary_stage, got.referral) == (stages, primary, referral)


def test_nothing_to_read_gives_an_empty_reading(detector: ThemeDetector) -> None:
    for value in ("", None, float("nan"), "   "):
        assert detector.detect_one(value).as_dict() == {"themes": {}, "stages": [], "primary_stage": None, "referral": "none"}


def test_brand_themes_match_their_example_phrases_without_training() -> None:
    card = Theme("loyalty_card", "the Acme Plus card", ("loyalty card", "reward points"), brand=True)
    detector = ThemeDetector([card])
    assert "loyalty_card" in detector.detect_one("My rewards point balance vanished.").themes
    assert "loyalty_card" in detector.detect_one("The Loyalty Cards never work at the till.").themes
    assert "loyalty_card" not in detector.detect_one("The card reader was broken.").themes
    assert detector.theme_names[-1] == "loyalty_card" and detector.version != ThemeDetector().version


def test_brand_theme_examples_in_any_script() -> None:
    """Examples in Japanese or Russian were refused as "an empty example phrase" (only a-z0-9 counted), and
    "Müsli" was the words m and sli, so "I'm sorry, but m sli" matched it."""
    themes = [Theme("points_jp", "Acme points", ("ポイント",)), Theme("bonus_card", "the bonus card", ("бонусная карта",)),
              Theme("muesli", "our muesli", ("Müsli",))]
    validate(themes, "umot.toml")
    matcher = BrandMatcher(themes)
    assert matcher.match("ポイントが貯まらない") == {"points_jp"}  # written without spaces: looked for inside
    assert matcher.match("Бонусная карта не работает") == {"bonus_card"}
    assert matcher.match("Das Müsli war alt") == {"muesli"}
    assert matcher.match("I'm sorry, but m sli") == set() == matcher.match("The card is ok")


@pytest.mark.parametrize(("theme", "message"), [
    (Theme("", "x", ("a",)), "empty name"),
    (Theme("Card", "x", ("a",)), "lower_snake_case"),
    (Theme("delivery", "x", ("a",)), "duplicates a default theme"),
    (Theme("card", "", ("a",)), "empty description"),
    (Theme("card", "x" * 201, ("a",)), "longer than 200"),
    (Theme("card", "x", ()), "needs 1 to 20 example phrases"),
    (Theme("card", "x", tuple(f"phrase {i}" for i in range(21))), "needs 1 to 20 example phrases"),
    (Theme("c" * 41, "x", ("a",)), "at most 40 characters"),
    (Theme("card", "x", ("the",)), "empty example phrase"),
    (Theme("card", "x", ("a" * 81,)), "longer than 80"),
])
def test_bad_definitions_name_what_and_where(theme: Theme, message: str) -> None:
    with pytest.raises(ThemeDefinitionError, match=message) as caught:
        validate([theme], "umot.toml: brand 'Acme'")
    assert str(caught.value).startswith("umot.toml: brand 'Acme'")
    with pytest.raises(ThemeDefinitionError, match="defined twice"):
        validate([Theme("card", "x", ("a b",)), Theme("card", "y", ("c d",))], "umot.toml")


def test_corrections_apply_to_near_identical_texts_only(tmp_path: Path) -> None:
    path = tmp_path / "fixes.jsonl"
    CorrectionMemory.write(path, [Correction("The courier left my parcel in the rain", ("service_staff",), ("delivery",), "negative")])
    memory = CorrectionMemory.load(path)
    detector = ThemeDetector(corrections=memory)
    assert ThemeDetector().detect_one("The courier left my parcel in the rain!").themes == {"delivery": "neutral"}
    assert detector.detect_one("The courier left my parcel in the rain!").themes == {"service_staff": "negative"}
    assert "delivery" not in ThemeDetector(corrections=memory).detect_one("Lovely rain jacket.").themes
    assert "+corr:" in detector.version
    path.write_text("not json\n")
    with pytest.raises(ValueError, match=r"fixes\.jsonl:1: not a theme correction"):
        CorrectionMemory.load(path)


def test_the_eval_set_is_300_labelled_texts_of_every_kind() -> None:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 300 and len({r["text"] for r in rows}) == 300
    assert {r["domain"] for r in rows} == {"product", "local_business", "hotel", "app"}
    for r in rows:
        assert set(r["themes"]) <= set(DEFAULT_THEME_NAMES) and set(r["themes"].values()) <= {"negative", "neutral", "positive"}
        assert r["stages"] and set(r["stages"]) <= set(STAGE_NAMES) and r["primary_stage"] in r["stages"]
        assert r["referral"] in ("recommend", "warn", "none") and (r["referral"] == "none" or "refer" in r["stages"])
        assert r["source"] in SOURCES
    non_use = [s for r in rows for s in r["stages"] if s != "use"]
    assert all(non_use.count(s) >= 4 for s in STAGE_NAMES if s != "use")


def test_umot_score_adds_themes_stages_and_primary_stage(tmp_path: Path, tiny_checkpoint, monkeypatch) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from umot.cli import app

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": "Parcel arrived crushed. Never ordering from them again."}) + "\n")
    result = CliRunner().invoke(app, ["score", str(src), "-o", str(out), "--model", str(tiny_checkpoint)])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())
    assert row["themes"] == {"delivery": "negative"} and row["stages"] == ["use", "repeat"]
    assert row["primary_stage"] == "use"
    config = tmp_path / "umot.toml"
    config.write_text("[[themes]]\nbrand = 'Acme'\nname = 'card'\n")
    monkeypatch.setenv("UMOT_CONFIG", str(config))
    bad = CliRunner().invoke(app, ["score", str(src), "-o", str(tmp_path / "o2.jsonl"), "--model", str(tiny_checkpoint),
                                   "--brand", "Acme"])
    assert bad.exit_code != 0 and "theme 'card' has an empty description" in bad.output
    assert not (tmp_path / "o2.jsonl").exists()


def test_a_negator_flips_a_word_up_to_three_words_after_it() -> None:
    from nlp.themes.clauses import polarity

    assert polarity("good") > 0 > polarity("not at all good")
    assert polarity("not that it was really good") == polarity("good")  # five words back: no longer negated


def test_a_clause_reads_positive_or_negative_from_a_score_of_one() -> None:
    from nlp.themes.clauses import label

    assert (label(1.0), label(-1.0), label(0.99), label(-0.99, "positive")) == ("positive", "negative", "neutral", "positive")


def test_a_correction_adds_missing_themes_keeps_found_ones_and_needs_most_words_in_common() -> None:
    memory = CorrectionMemory([Correction("The courier left my parcel in the rain", ("delivery", "service_staff"), (), "negative")])
    fixed = memory.apply("The courier left my parcel in the rain!", {"delivery": "neutral"})
    assert fixed == {"delivery": "neutral", "service_staff": "negative"}  # the detector's own polarity stays
    assert memory.apply("The courier was on time, my parcel dry despite the rain", {}) == {}  # 3 of 7 stems shared
