"""models/review_fields.py: one crawl-row value made fit for its column (or dropped)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from models.review_fields import NO_EXTRA, as_number, clean_str, cut_str, fit_external_id, json_safe_extra


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4,5", 4.5), (" 3 ", 3.0), (7, 7.0), (True, None), (None, None), ("abc", None), ("nan", None),
     (float("inf"), None), ([1], None)],
)
def test_as_number_keeps_finite_numbers_only(value: Any, expected: float | None) -> None:
    assert as_number(value) == expected


def test_strings_lose_nul_characters_and_blanks() -> None:
    assert clean_str("a\x00b") == "ab" and clean_str(12) == "12"
    assert cut_str("  abcdef \x00", 3) == "abc"
    assert cut_str(" \x00 ", 3) is None and cut_str(None, 3) is None


def test_a_long_external_id_is_hashed_not_cut() -> None:
    assert fit_external_id(42) == "42" and fit_external_id("  ") is None and fit_external_id(None) is None
    long_id = fit_external_id("x" * 301)
    assert long_id is not None and long_id.startswith("sha1:") and len(long_id) == 45
    assert fit_external_id("x" * 300) == "x" * 300
    assert fit_external_id("y" * 301) != long_id


def test_extra_is_json_safe_and_empty_ones_share_one_dict() -> None:
    nested = {"when": date(2024, 1, 2), "n": [1, {"x": None}]}
    assert json_safe_extra(nested) == {"when": "2024-01-02", "n": [1, {"x": None}]}
    assert json_safe_extra([1, 2]) == {"value": [1, 2]}
    assert json_safe_extra({}) is NO_EXTRA and json_safe_extra(None) is NO_EXTRA and json_safe_extra(0) is NO_EXTRA


def test_extra_has_no_nan_or_infinity() -> None:
    """A JSONL file's ``NaN`` was kept: SQLite stored it, PostgreSQL's json refused the whole import (a traceback)."""
    extra = json_safe_extra({"helpful_votes": float("nan"), "n": [float("inf"), -float("inf"), 1.5]})
    assert extra == {"helpful_votes": None, "n": [None, None, 1.5]}
