"""One maximum review-text length: head and tail kept, the cut said in the text."""

from __future__ import annotations

import pytest

from core.settings import SettingsError, get_settings
from core.text_limit import DEFAULT_MAX_REVIEW_CHARS, cut_text


def test_short_texts_are_kept_whole() -> None:
    assert cut_text("fine kettle", 200) == ("fine kettle", 0)
    assert cut_text("x" * 200, 200) == ("x" * 200, 0)


@pytest.mark.parametrize("limit", [200, 1000, DEFAULT_MAX_REVIEW_CHARS])
def test_long_texts_keep_head_and_tail_within_the_limit(limit: int) -> None:
    text = "HEAD " + "m" * 5_000_000 + " TAIL"
    kept, cut = cut_text(text, limit)
    assert len(kept) <= limit and kept.startswith("HEAD ") and kept.endswith(" TAIL")
    assert f"[… {cut:,} characters cut …]" in kept
    assert cut == len(text) - len(kept.split("\n[…")[0]) - len(kept.rsplit("…]\n", 1)[1])


def test_the_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert get_settings().max_review_chars == DEFAULT_MAX_REVIEW_CHARS
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "5000")
    assert get_settings().max_review_chars == 5000
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "10")
    with pytest.raises(SettingsError, match="UMOT_MAX_REVIEW_CHARS='10'"):
        get_settings()
