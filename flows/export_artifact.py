"""The weekly export's markdown artifact: the week's summary table, each brand beside its rivals, the files.

Read back from the CSVs the export wrote, so the Prefect UI shows the same
figures a brand team opens; kept apart from the flow (:mod:`flows.weekly_export`),
which only decides the week and writes the files.
"""

from __future__ import annotations

import csv
from pathlib import Path

from flows.report_format import md_escape
from reporting.safety import FORMULA_PREFIXES


def export_report(week: str, paths: list[Path]) -> str:
    """Markdown: the week's summary table, then the files written."""
    lines = [f"# Weekly export {week}", ""]
    summary = next((p for p in paths if p.name.startswith("summary-")), None)
    if summary is not None:
        with summary.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if rows:
            lines += [
                "| brand | reviews | detractors | negative % | positive % | avg rating | NPS | NPS change "
                "| answered % | hours to reply |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            for r in rows:
                brand = _brand(r["brand"])
                cells = [r.get(c) or "-" for c in
                         ("reviews", "detractors", "negative_pct", "positive_pct", "avg_rating", "nps", "nps_change",
                          "reply_rate", "median_reply_hours")]
                lines.append(f"| {brand} | " + " | ".join(cells) + " |")
        else:
            lines.append("No brands in the store yet.")
        lines.append("")
    for benchmark in _benchmark_csvs(week, paths):
        lines += _benchmark_table(benchmark)
    lines.append("Files:")
    lines += [f"- `{p}`" for p in paths]
    return "\n".join(lines) + "\n"


def _benchmark_csvs(week: str, paths: list[Path]) -> list[Path]:
    """The ``benchmark-<brand>-<week>.csv`` files, told from ``benchmark-themes-<brand>-<week>.csv`` by the
    exported brands (their ``detractors-`` files), not by name: "Themes Acme"'s benchmark starts so too."""
    themes = {f"benchmark-themes-{p.name[len('detractors-'):]}" for p in paths if p.name.startswith("detractors-")}
    return [p for p in paths
            if p.name.startswith("benchmark-") and p.name.endswith(f"-{week}.csv") and p.name not in themes]


def _benchmark_table(path: Path) -> list[str]:
    """A brand beside its rivals (``benchmark-<brand>-<week>.csv``), as a markdown table."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        return []
    columns = ("reviews", "avg_rating", "negative_pct", "nps", "detractor_rate", "reply_rate", "median_reply_hours")
    lines = [f"**{_brand(rows[0]['brand'])} vs rivals**", "",
             "| brand | " + " | ".join(c.replace("_", " ") for c in columns) + " |",
             "| --- | " + " | ".join("---:" for _ in columns) + " |"]
    for r in rows:
        name = _brand(r["brand"]) + (" (rival)" if r["role"] == "rival" else "")
        lines.append(f"| {name} | " + " | ".join(r[c] or "-" for c in columns) + " |")
    return [*lines, ""]


def _brand(cell: str) -> str:
    """A brand name from a CSV as markdown text: ``Acme <Outlet>`` or ``*Star*`` is shown as written."""
    return md_escape(_unguard(cell))


def _unguard(cell: str) -> str:
    """Undo :func:`reporting.csv_safe` for display (markdown runs no formulas)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES) else cell
