"""Store URL mistakes caught in one line, nothing created and no password text printed: a raw ``@`` in a
PostgreSQL password (the part after it was printed as the host, by umot and by psycopg), and an SQLite option
after ``?`` that is no number or yes/no (a ValueError traceback)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db_url import mask_password
from umot.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("url", "masked"), [
    ("postgresql://umot:p@ssw0rd@127.0.0.1:1/umot", "postgresql://umot:***@127.0.0.1:1/umot"),
    ("postgresql://u:a@b@c@[::1]:5/db", "postgresql://u:***@[::1]:5/db"),
    ("postgresql://u:p%40ss@h/db", "postgresql://u:***@h/db"),
])
def test_a_password_is_masked_up_to_the_last_at_before_the_host(url: str, masked: str) -> None:
    assert mask_password(url) == masked


@pytest.mark.parametrize("args", [["brands", "list"], ["db", "upgrade"], ["db", "current"]])
def test_a_raw_at_in_the_password_is_refused_without_printing_it(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--database-url", "postgresql://umot:p@ssw0rd@127.0.0.1:1/umot"])
    assert result.exit_code == 2, result.output
    assert "ssw0rd" not in result.output
    assert result.stderr.strip() == ("error: database URL 'postgresql+psycopg://umot:***@127.0.0.1:1/umot' has a raw "
                                     "'@' in its user or password: percent-encode each @ there as %40")


@pytest.mark.parametrize(("option", "reason"), [
    ("timeout=abc", "could not convert string to float: 'abc'"),
    ("check_same_thread=maybe", "String is not true/false: 'maybe'"),
])
@pytest.mark.parametrize("args", [["db", "upgrade"], ["import", "{csv}", "--brand", "A", "--create-brand"]])
def test_a_bad_sqlite_option_is_one_line(option: str, reason: str, args: list[str], tmp_path: Path) -> None:
    csv = tmp_path / "reviews.csv"
    csv.write_text("text,stars\nfine kettle,4\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'store' / 'q.db'}?{option}"
    result = runner.invoke(app, [*(a.replace("{csv}", str(csv)) for a in args), "--database-url", url])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == f"error: cannot use database URL {url}: {reason} (check the options after '?')"
    assert os.listdir(tmp_path) == ["reviews.csv"]  # no folder, file or lock made for it
