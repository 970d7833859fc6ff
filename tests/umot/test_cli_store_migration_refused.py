"""A PostgreSQL store that refuses the first migration (a search_path naming no schema; no CREATE on
schema public) is one line and exit 2 in every command, as in `umot db upgrade`: it was a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.umot.test_cli_store_errors import COMMANDS
from umot.cli import app

runner = CliRunner()

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_store_that_refuses_its_migration_is_one_line_and_exit_2(name: str, pg_database: str, tmp_path: Path) -> None:
    reviews_csv = tmp_path / "reviews.csv"
    reviews_csv.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    url = pg_database + "?options=-csearch_path%3Dnosuch"
    args = [a.replace("{csv}", str(reviews_csv)) for a in COMMANDS[name]]
    result = runner.invoke(app, [*args, "--database-url", url])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: cannot migrate database {url}: no schema has been selected to create in"
    upgrade = runner.invoke(app, ["db", "upgrade", "--database-url", url])
    assert upgrade.exit_code == 2 and upgrade.stderr == result.stderr
