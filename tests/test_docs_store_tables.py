"""docs/store.md's table of tables names every table in models/tables/.

A table added without a line there is a table the next engineer has to find by
reading the migrations; this names the missing ones (and any documented table
that no longer exists).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import SQLModel

import models.tables  # noqa: F401  (registers every table on SQLModel.metadata)

STORE_DOC = Path(__file__).resolve().parents[1] / "docs" / "store.md"


def documented_tables(markdown: str) -> set[str]:
    """Names in the first cell of the `| table | holds |` table (`a`, `b` both count)."""
    table = markdown.split("| table | holds |", 1)[1].split("\n\n", 1)[0]
    return {
        name
        for row in table.splitlines()[2:]
        for name in re.findall(r"`(\w+)`", row.split("|")[1])
    }


def test_every_table_is_documented_and_every_documented_table_exists() -> None:
    documented = documented_tables(STORE_DOC.read_text(encoding="utf-8"))
    tables = set(SQLModel.metadata.tables)
    assert not tables - documented, f"docs/store.md lacks a row for: {sorted(tables - documented)}"
    assert not documented - tables, f"docs/store.md describes tables that do not exist: {sorted(documented - tables)}"


def test_reader_takes_names_from_the_first_column_only() -> None:
    text = "| table | holds |\n| --- | --- |\n| `a`, `b` | holds `c` |\n| `d` | x |\n\nafter `e`\n"
    assert documented_tables(text) == {"a", "b", "d"}
