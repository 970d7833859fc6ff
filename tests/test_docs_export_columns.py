"""docs/export.md's column tables name every column the export writes (the detractor CSV's in its order).

The detractor CSV gained `themes` and `stages` without a line in the docs; this
names a column missing from the page (or a documented one the writer dropped).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reporting.columns import DETRACTOR_COLUMNS, SUMMARY_COLUMNS

EXPORT_DOC = Path(__file__).resolve().parents[1] / "docs" / "export.md"


def documented_columns(markdown: str, heading: str) -> list[str]:
    """Column names in the first cell of the `| column | meaning |` table under ``heading``."""
    section = markdown.split(heading, 1)[1]
    table = section.split("| column | meaning |", 1)[1].split("\n\n", 1)[0]
    return [name for row in table.splitlines()[2:] for name in re.findall(r"`(\w+)`", row.split("|")[1])]


@pytest.mark.parametrize("heading, columns, in_order", [
    ("## `detractors-<brand>-<week>.csv`", DETRACTOR_COLUMNS, True),
    ("## `summary-<week>.csv`", SUMMARY_COLUMNS, False),  # the page puts each change beside its figure
])
def test_each_written_column_is_documented(heading: str, columns: dict[str, str], in_order: bool) -> None:
    documented = documented_columns(EXPORT_DOC.read_text(encoding="utf-8"), heading)
    if in_order:
        assert documented == list(columns), f"docs/export.md under {heading}: {documented} != {list(columns)}"
    assert sorted(documented) == sorted(columns), f"docs/export.md under {heading}: {set(documented) ^ set(columns)}"
