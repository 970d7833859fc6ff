"""``umot brands list`` and ``umot brands link`` refuse a store file that is not there, as ``unlink`` and
``detractors`` do: a mistyped ``--database-url`` made a new empty store and exited 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from umot.cli import app


@pytest.mark.parametrize("args", [["list"], ["link", "Acme", "-c", "Globex"]])
def test_a_mistyped_store_path_is_refused_and_not_made(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "x" / "db2.db"
    config = tmp_path / "umot.toml"
    result = CliRunner().invoke(app, ["brands", *args, "--database-url", f"sqlite:///{missing}", "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: no database at {missing}: run `umot db upgrade`")
    assert len(result.stderr.splitlines()) == 1
    assert not missing.exists() and not missing.parent.exists() and not config.exists()


def test_an_empty_store_says_it_has_no_brands(db_url: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brands", "list", "--database-url", db_url, "--config", str(tmp_path / "umot.toml")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("no brands yet")
