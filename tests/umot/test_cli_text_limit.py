"""``umot import``: a text beyond UMOT_MAX_REVIEW_CHARS is cut (head and tail kept) and counted, CSV or JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app

runner = CliRunner()
LONG = "Broke on day one. " + "filler " * 40_000 + "Stay away."  # 280k characters: over csv's 128 KiB field limit


def _stored_texts(db_url: str) -> list[str]:
    from sqlmodel import select

    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(db_url), write=False) as session:
        return sorted(session.exec(select(Review.text)), key=len)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_import_cuts_a_long_text_and_says_so(suffix: str, tmp_path: Path, db_url: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_MAX_REVIEW_CHARS", "5000")
    file = tmp_path / f"reviews{suffix}"
    if suffix == ".csv":
        file.write_text(f'text,stars\n"{LONG}",1\nFine kettle,4\n', encoding="utf-8")
    else:
        file.write_text("\n".join(json.dumps({"text": t, "stars": s}) for t, s in ((LONG, 1), ("Fine kettle", 4))))
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(
        "2 new, 0 already stored; 1 text longer than UMOT_MAX_REVIEW_CHARS=5000 cut (head and tail kept)")
    short, cut = _stored_texts(db_url)
    assert short == "Fine kettle" and len(cut) <= 5000
    assert cut.startswith("Broke on day one.") and cut.endswith("Stay away.")
