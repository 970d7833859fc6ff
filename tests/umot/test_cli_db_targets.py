"""`umot db upgrade REVISION`: a target behind the store or past the newest is one line, exit 2
(Alembic did nothing and said "at revision 0008", or raised an AssertionError on head+1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.migrate import current_revision, head_revision
from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("target", "message"), [
    ("0004", "revision 0004 is behind the store ({head}); umot has no downgrade"),
    ("head-1", "revision head-1 is behind the store ({head}); umot has no downgrade"),
    ("head+1", "revision head+1 is past the newest ({head})"),
    ("+1", "revision +1 is past the newest ({head})"),
])
def test_a_target_umot_cannot_reach_is_one_line_and_exit_2(target: str, message: str, db_url: str) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--database-url", db_url, "--", target])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == "error: " + message.format(head=head_revision())
    assert current_revision(db_url) == head_revision()


def test_relative_and_named_targets_still_migrate_step_by_step(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    head = head_revision()
    assert head is not None
    for target, reached in [("+1", "0001"), ("0003", "0003"), ("head-2", f"{int(head) - 2:04d}"), ("head", head)]:
        result = runner.invoke(app, ["db", "upgrade", "--database-url", url, "--", target])
        assert result.exit_code == 0, result.output
        assert current_revision(url) == reached
