"""``umot score``'s rows: texts cut as the store would hold them, the score columns after the input's own."""

from __future__ import annotations

import pytest

from umot.cli._scored_rows import SCORE_COLUMNS, output_columns, texts_as_stored


def test_texts_over_the_limit_are_cut_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "200")
    rows = [{"body": "short"}, {"body": "x" * 500}, {"body": None}, {}]
    texts, cut, limit = texts_as_stored(rows, "body")
    assert (cut, limit) == (1, 200)
    assert texts[0] == "short" and texts[2:] == [None, None]
    assert len(texts[1]) <= 200 and texts[1].startswith("x") and texts[1].endswith("x")


def test_score_columns_follow_the_inputs_own_and_replace_a_same_named_one() -> None:
    assert output_columns(["id", "label", "text"]) == ["id", "text", *SCORE_COLUMNS]
