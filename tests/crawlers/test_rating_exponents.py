"""crawlers/extract/ratings.py: a rating written in exponent form is read as the number it is.

Read as its leading digits, ``"1e308"`` was stored as 1 star and ``"4.5e1"`` as 4.5.
"""

from __future__ import annotations

import pytest

from crawlers.extract.ratings import normalise_rating, parse_number


@pytest.mark.parametrize(("text", "number"), [
    ("4.5e1", 45.0), ("5E0", 5.0), ("4,5e0", 4.5), ("1e308", 1e308), ("-1e308", -1e308), ("4e-1", 0.4),
    ("4.5 stars", 4.5), ("10 each", 10.0),  # an "e" after a space is no exponent
])
def test_exponent_forms_are_numbers(text: str, number: float) -> None:
    assert parse_number(text) == number


def test_a_number_too_big_for_a_float_is_none() -> None:
    assert parse_number("1e999") is None


def test_out_of_scale_exponents_stay_unrated_and_in_scale_ones_map() -> None:
    assert normalise_rating("1e308").value is None and normalise_rating("1e308").raw == 1e308
    assert normalise_rating("4.5e1").value == 2.8  # 45 on the inferred 0-100 scale
    assert normalise_rating("4.5e1", best=5).value is None  # 45 of 5: out of scale
