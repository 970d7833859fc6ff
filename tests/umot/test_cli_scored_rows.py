"""``umot score``'s rows: texts cut as the store would hold them, the score columns after the input's own."""

from __future__ import annotations

import pytest

from umot.cli._scored_rows import SCORE_COLUMNS, kept_columns, kept_row, output_columns, texts_as_stored


def test_texts_over_the_limit_are_cut_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "200")
    rows = [{"body": "short"}, {"body": "x" * 500}, {"body": None}, {}]
    texts, cut, limit = texts_as_stored(rows, "body")
    assert (cut, limit) == (1, 200)
    assert texts[0] == "short" and texts[2:] == [None, None]
    assert len(texts[1]) <= 200 and texts[1].startswith("x") and texts[1].endswith("x")


def test_score_columns_follow_the_inputs_own_and_a_same_named_one_is_kept_as_input_name() -> None:
    """It was replaced: a reviewer's stars and a crawler's language were lost in the output."""
    assert output_columns(["id", "label", "text"]) == ["id", "input_label", "text", *SCORE_COLUMNS]
    renamed = kept_columns(["stars", "input_stars", "text"])
    assert renamed == {"stars": "input_input_stars"}  # never onto another input column
    assert kept_row({"stars": 5, "input_stars": 4, "text": "x"}, renamed) == {
        "input_input_stars": 5, "input_stars": 4, "text": "x"}
