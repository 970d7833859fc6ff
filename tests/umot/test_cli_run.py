"""``umot run`` / ``umot demo`` checks that need no Prefect API."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app


@pytest.mark.parametrize("command", ["run", "demo"])
def test_a_bad_store_url_fails_in_one_line_before_prefect(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "mysql://u:secret@db/x")
    result = CliRunner().invoke(app, [command])
    assert result.exit_code == 2
    assert "unsupported database URL 'mysql://u:***@db/x'" in result.output
    assert "secret" not in result.output
