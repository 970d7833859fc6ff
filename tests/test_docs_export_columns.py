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


def _written_prefixes() -> set[str]:
    """``detractors``, ``benchmark-themes``, ...: the name of every file ``reporting`` writes for a week."""
    code = "".join(path.read_text(encoding="utf-8") for path in (EXPORT_DOC.parents[1] / "reporting").glob("*.py"))
    return set(re.findall(r'out_dir / f"([a-z-]+)-\{', code))


@pytest.mark.parametrize(("page", "start", "end"), [
    ("flows.md", "**`umot demo`**", "From Python"),  # it named detractors, summary and sentiment only
    ("configuration.md", "exports/ ", "umot.toml "),
])
def test_every_export_file_is_named_where_the_docs_list_them(page: str, start: str, end: str) -> None:
    text = (EXPORT_DOC.parent / page).read_text(encoding="utf-8").split(start, 1)[1].split(end, 1)[0]
    prefixes = _written_prefixes()
    assert {"detractors", "advocates", "themes", "benchmark", "benchmark-themes", "summary", "sentiment"} <= prefixes
    assert [p for p in sorted(prefixes) if not re.search(rf"(?<![\w-]){p}-", text)] == []
