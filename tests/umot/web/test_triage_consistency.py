"""The overview page and the weekly CSVs count detractors alike: a dismissed flag counts in neither."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from models.crud.triage import update_flag, weekly_figures
from models.db import get_engine, session_scope
from reporting.weekly import write_weekly_export

WEEK, MONDAY = "2026-W09", date(2026, 2, 23)  # Acme's a1..a7: seven detractors


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def _counts(url: str, out: Path) -> tuple[int, int, int]:
    """(overview's detractors, summary CSV's, detractors CSV's rows) for Acme in WEEK."""
    engine = get_engine(url)
    with session_scope(engine) as s:
        acme = next(w for w in weekly_figures(s, 1, weeks=12) if w.week == MONDAY)
    write_weekly_export(engine, week=WEEK, brand="Acme", out_dir=out, tz="UTC")
    summary = _csv(out / f"summary-acme-{WEEK}.csv")[0]
    return acme.detractors, int(summary["detractors"]), len(_csv(out / f"detractors-acme-{WEEK}.csv"))


def test_a_dismissed_flag_counts_nowhere(seeded, tmp_path: Path) -> None:
    assert seeded.acme == 1
    assert _counts(seeded.url, tmp_path / "before") == (7, 7, 7)
    with session_scope(get_engine(seeded.url)) as s:
        update_flag(s, seeded.flags["a2"], actor="test", status="dismissed")
        update_flag(s, seeded.flags["a3"], actor="test", status="resolved")  # resolved still counts
    assert _counts(seeded.url, tmp_path / "after") == (6, 6, 6)
