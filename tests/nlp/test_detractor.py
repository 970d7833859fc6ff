import pytest

from nlp.detractor import decide, valid_rating


@pytest.mark.parametrize("rating", [1, 2, 1.5, "2", 2.0])
def test_low_rating_is_a_detractor_whatever_the_text(rating):
    detractor, reasons = decide(0.01, rating)
    assert detractor
    assert any("rated" in r for r in reasons)


def test_high_rating_with_strongly_negative_text_is_a_mismatch():
    detractor, reasons = decide(0.95, 5)
    assert detractor
    assert "mismatch" in reasons[0]


def test_high_rating_with_mildly_negative_text_is_not_flagged():
    assert decide(0.6, 4) == (False, [])


def test_without_rating_the_text_decides():
    assert decide(0.7, None)[0] is True
    assert "negative text" in decide(0.7, None)[1][0]
    assert decide(0.2, None) == (False, [])


def test_three_stars_lets_the_text_decide():
    assert decide(0.7, 3)[0] is True
    assert decide(0.3, 3)[0] is False


def test_threshold_is_respected():
    assert decide(0.45, None, threshold=0.4)[0] is True
    assert decide(0.45, None, threshold=0.5)[0] is False


@pytest.mark.parametrize("rating", ["abc", 7, -1, float("nan"), True])
def test_unusable_ratings_fall_back_to_the_text(rating):
    detractor, _ = decide(0.9, rating)
    assert detractor is True
    assert valid_rating(rating) is None


def test_no_text_score_and_no_rating_is_not_a_detractor():
    assert decide(None, None) == (False, [])
    assert decide(None, 1)[0] is True


def test_each_threshold_includes_its_own_value():
    from nlp.detractor import DETRACTOR_THRESHOLD, MISMATCH_THRESHOLD

    assert decide(DETRACTOR_THRESHOLD, None)[0] is True
    assert decide(MISMATCH_THRESHOLD, 5)[0] is True
    assert decide(MISMATCH_THRESHOLD - 0.01, 5)[0] is False


def test_a_rating_outside_1_to_5_is_ignored_and_the_reasons_say_so():
    assert valid_rating(0) is None and valid_rating(5.5) is None
    assert decide(0.1, 0) == (False, ["rating 0 ignored (not 1-5)"])
    assert decide(0.9, 9)[1] == ["rating 9 ignored (not 1-5)", "negative text (p_negative 0.90)"]


def test_ratings_from_numpy_decimal_and_bytes_are_read():
    from decimal import Decimal

    import numpy as np

    assert [valid_rating(r) for r in (np.int64(2), np.float32(4.5), Decimal("1.5"), b"5", " 3 ")] == [2.0, 4.5, 1.5, 5.0, 3.0]
    assert [valid_rating(r) for r in ([], {}, object(), float("nan"))] == [None, None, None, None]
