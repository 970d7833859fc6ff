"""bench/themes.py prints its verdict on the targets, as bench/store.py does (its JSON has had it all along)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import themes

EVAL = {"texts": 3, "theme_micro_f1": 0.8, "theme_polarity_micro_f1": 0.7, "stage_f1": 0.7,
        "referral_macro_f1": 0.8, "primary_stage_accuracy": 0.9, "per_theme": {}, "per_stage": {}}


@pytest.mark.parametrize(("with_data", "speed_ratio", "verdict"), [
    (True, 0.5, "themes no slower than sentiment -> met"),
    (True, 1.5, "themes no slower than sentiment -> NOT met"),
    (False, None, "themes no slower than sentiment (not measured: no shared data) -> NOT met"),
])
def test_the_verdict_line_says_whether_the_targets_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        with_data: bool, speed_ratio: float | None, verdict: str) -> None:
    import nlp
    import nlp.themes

    if with_data:
        (tmp_path / "marc_en_dev.csv.gz").touch()
    monkeypatch.setattr(themes, "DATA", tmp_path)
    monkeypatch.setattr(nlp.themes, "ThemeDetector", lambda: type("D", (), {"version": "test"})())
    monkeypatch.setattr(nlp, "load_scorer", lambda *args, **kwargs: None)
    monkeypatch.setattr(themes, "evaluate", lambda detector, scorer: EVAL)
    monkeypatch.setattr(themes, "aspects", lambda detector: {})
    speed: dict[str, Any] = {"reviews": 10, "themes_s": 0.1, "sentiment_s": 0.2, "speed_ratio": speed_ratio}
    monkeypatch.setattr(themes, "speed", lambda detector, scorer: speed)
    figures = themes.main()
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == ("target: theme micro-F1 >= 0.75, stage F1 >= 0.65, referral macro-F1 >= 0.75, " + verdict)
    assert figures["targets_met"] is (speed_ratio == 0.5)
