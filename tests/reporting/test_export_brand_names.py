"""The export's brand file names and --brand: names that slug alike never share a file, with or
without --brand; a brand is found by the store's one naming rule (non-ASCII in any case)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from models.db import init_db
from models.tables import Brand
from reporting import ExportError, write_weekly_export

WEEK = "2026-W47"


def _store(tmp_path: Path, *names: str) -> Engine:
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        for name in names:  # one at a time: ids in this order
            session.add(Brand(name=name))
            session.flush()
        session.commit()
    return engine


def _detractor_files(paths: list[Path]) -> list[str]:
    return sorted(p.name for p in paths if p.name.startswith("detractors-"))


def test_brands_that_slug_alike_keep_their_file_names_with_or_without_brand(tmp_path: Path) -> None:
    engine = _store(tmp_path, "Acme Kitchen", "Cafe", "Acme Kitchen 4", "Acme-Kitchen", "Café")
    full = _detractor_files(write_weekly_export(engine, week=WEEK, out_dir=tmp_path / "all"))
    assert full == [f"detractors-{slug}-{WEEK}.csv" for slug in
                    ("acme-kitchen", "acme-kitchen-4", "acme-kitchen-4-4", "cafe", "cafe-5")]
    one_by_one = []
    for name in ("Acme Kitchen", "Cafe", "Acme Kitchen 4", "Acme-Kitchen", "Café"):
        one_by_one += _detractor_files(write_weekly_export(engine, week=WEEK, brand=name, out_dir=tmp_path / "one"))
    assert sorted(one_by_one) == full  # the same names, so no brand's file replaces another's
    assert sorted(p.name for p in (tmp_path / "one").glob("detractors-*")) == full


def test_a_new_brand_never_renames_an_older_ones_files(tmp_path: Path) -> None:
    engine = _store(tmp_path, "Café")
    before = _detractor_files(write_weekly_export(engine, week=WEEK, out_dir=tmp_path / "before"))
    with Session(engine) as session:
        session.add(Brand(name="Cafe"))  # sorts before "Café" by name, slugs alike
        session.commit()
    after = _detractor_files(write_weekly_export(engine, week=WEEK, out_dir=tmp_path / "after"))
    assert before == [f"detractors-cafe-{WEEK}.csv"]
    assert set(after) == {f"detractors-cafe-{WEEK}.csv", f"detractors-cafe-2-{WEEK}.csv"}  # Café's name kept
    alone = _detractor_files(write_weekly_export(engine, week=WEEK, brand="Cafe", out_dir=tmp_path / "one"))
    assert alone == [f"detractors-cafe-2-{WEEK}.csv"]


def test_brand_is_found_in_any_case_beyond_ascii_and_ambiguity_is_named(tmp_path: Path) -> None:
    engine = _store(tmp_path, "CAFÉ ÜBER", "TZ", "tz")
    found = _detractor_files(write_weekly_export(engine, week=WEEK, brand="Café Über", out_dir=tmp_path))
    assert found == [f"detractors-cafe-uber-{WEEK}.csv"]
    assert _detractor_files(write_weekly_export(engine, week=WEEK, brand="TZ", out_dir=tmp_path)) == \
        [f"detractors-tz-{WEEK}.csv"]  # the exact name: that brand alone, not both
    with pytest.raises(ExportError, match=r"^brand 'Tz' names 2 brands \(TZ, tz\): give one's exact name$"):
        write_weekly_export(engine, week=WEEK, brand="Tz", out_dir=tmp_path)
    with pytest.raises(ExportError, match=r"^no brand named 'Nope' in the store \(brands: CAFÉ ÜBER, TZ, tz\)$"):
        write_weekly_export(engine, week=WEEK, brand="Nope", out_dir=tmp_path)
