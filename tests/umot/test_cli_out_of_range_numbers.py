"""Numbers past what a store holds are one error line naming the option and its range, exit 2.

Before, each was a traceback: an OverflowError from SQLite's driver (a DataError on PostgreSQL).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app

HUGE = "99999999999999999999"
TOP = 2**63 - 1  # the largest --limit
TOP_ID = 2**31 - 1  # the largest id every store holds (PostgreSQL INTEGER)


@pytest.mark.parametrize(("args", "message"), [
    (["themes", "correct", HUGE, "--add", "delivery"],
     f"error: REVIEW_ID {HUGE}: no review with that id (a review id is 1 to {TOP_ID})"),
    (["themes", "correct", "0", "--add", "delivery"], f"error: REVIEW_ID 0: no review with that id (a review id is 1 to {TOP_ID})"),
    (["themes", "correct", str(TOP_ID + 1), "--add", "delivery"],
     f"error: REVIEW_ID {TOP_ID + 1}: no review with that id (a review id is 1 to {TOP_ID})"),
    (["detractors", "list", "--limit", HUGE], f"error: --limit {HUGE}: give a number of rows, or 0 for all (0 to {TOP})"),
    (["advocates", "list", "--limit", HUGE], f"error: --limit {HUGE}: give a number of rows, or 0 for all (0 to {TOP})"),
    (["advocates", "list", "--limit", "-1"], f"error: --limit -1: give a number of rows, or 0 for all (0 to {TOP})"),
])
def test_a_number_out_of_range_is_one_line(db_url: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*args, "--database-url", db_url])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [message]


@pytest.mark.parametrize("command", ["detractors", "advocates"])
def test_the_largest_limit_still_lists(db_url: str, command: str) -> None:
    result = CliRunner().invoke(app, [command, "list", "--limit", str(TOP), "--database-url", db_url])
    assert result.exit_code == 0, result.output
