"""The weekly artifact's benchmark tables: a brand whose files start "benchmark-themes-" ("Themes Acme")
gets its table, and no brand's theme benchmark is read as a benchmark."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from flows.export_artifact import export_report
from models.crud.competitors import link_competitor
from models.db import init_db
from models.tables import Brand
from reporting import write_weekly_export

WEEK = "2026-W47"


def _export(tmp_path: Path, *names: str, brand: str | None = None) -> list[Path]:
    """Export a store of ``names`` (ids in this order), each a rival of "Rival"."""
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        for name in (*names, "Rival"):
            session.add(Brand(name=name))
            session.flush()
        for name in names:
            link_competitor(session, name, "Rival")
        session.commit()
    return write_weekly_export(engine, week=WEEK, brand=brand, out_dir=tmp_path / "out")


def test_a_themes_brand_alone_has_its_benchmark_table(tmp_path: Path) -> None:
    paths = _export(tmp_path, "Themes Acme")
    assert tmp_path / "out" / f"benchmark-themes-acme-{WEEK}.csv" in paths  # its benchmark, not a theme file
    assert "**Themes Acme vs rivals**" in export_report(WEEK, paths)


def test_each_brand_beside_a_themes_brand_has_one_table(tmp_path: Path) -> None:
    text = export_report(WEEK, _export(tmp_path, "Acme", "Themes Acme"))
    assert text.count("**Acme vs rivals**") == 1 and text.count("**Themes Acme vs rivals**") == 1


def test_with_brand_the_theme_benchmark_is_not_read_as_a_table(tmp_path: Path) -> None:
    for brand in ("Acme", "Themes Acme"):
        text = export_report(WEEK, _export(tmp_path / brand, "Acme", "Themes Acme", brand=brand))
        assert text.count(" vs rivals**") == 1 and f"**{brand} vs rivals**" in text
