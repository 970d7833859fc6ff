"""`umot rescore` with a bad line in a brand's exported theme corrections: one error line, nothing read.

Before, ``CorrectionMemory.load``'s ValueError was a traceback (rescore caught ThemeDefinitionError only).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from umot.cli import app


def test_a_bad_corrections_line_is_one_error_and_reads_nothing(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.stored import stored_id
    from models.tables import ReviewJourney
    from nlp.themes.corrections import corrections_file

    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("UMOT_CONFIG", str(tmp_path / "umot.toml"))
    with session_scope(get_engine(db_url)) as session:
        for name in ("Acme", "Globex"):  # Acme's corrections are fine (none), Globex's are not: Acme waits too
            brand = stored_id(crud.get_or_create_brand(session, name))
            crud.upsert_reviews(session, [{"source": "s", "external_id": "1", "text": "The delivery was late."}],
                                brand_id=brand)
    bad = corrections_file(tmp_path / "data", "Globex")
    bad.parent.mkdir(parents=True)
    bad.write_text('{"text": "late parcel", "added": ["delivery"]}\nnot json\n', encoding="utf-8")

    result = CliRunner().invoke(app, ["rescore", "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"error: {bad}:2: not a theme correction "
                                                  "(Expecting value: line 1 column 1 (char 0))"]
    with get_engine(db_url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(ReviewJourney)).scalar_one() == 0
