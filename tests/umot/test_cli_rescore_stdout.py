"""``umot rescore``'s stdout is its closing line alone: its progress bar is drawn on stderr, as the nightly
run's is (on stdout it left a blank first line in `umot rescore > log` and in pipes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app


def test_rescore_prints_only_its_summary_on_stdout(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id

    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    with session_scope(get_engine(db_url)) as session:
        brand = stored_id(crud.get_or_create_brand(session, "Acme"))
        crud.upsert_reviews(session, [{"source": "s", "external_id": "1", "text": "The delivery was late."}], brand_id=brand)
    result = CliRunner().invoke(app, ["rescore", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert result.stdout == "read themes and stages of 1 review in 1 brand\n"
