"""Export file names that would clash only through the file kinds ("Themes Acme" beside "Acme"),
and brand slugs too long for a file name: every brand still gets its own files, and short slugs
keep the names they had."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from models.crud.competitors import link_competitor
from models.db import init_db
from models.tables import Brand
from reporting import write_weekly_export
from reporting.benchmark import BENCHMARK_COLUMNS
from reporting.files import slugify
from reporting.rival_themes import THEME_BENCHMARK_COLUMNS

WEEK = "2026-W47"


def _store(tmp_path: Path, *names: str, rivals: bool = False) -> Engine:
    """The brands in this order (ids 1, 2, ...), each a rival of "Rival" when ``rivals``."""
    engine = init_db(f"sqlite:///{tmp_path / 'umot.db'}")
    with Session(engine) as session:
        for name in (*names, "Rival") if rivals else names:
            session.add(Brand(name=name))
            session.flush()
        for name in names if rivals else ():
            link_competitor(session, name, "Rival")
        session.commit()
    return engine


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def test_themes_acme_never_overwrites_acmes_theme_benchmark(tmp_path: Path) -> None:
    paths = write_weekly_export(_store(tmp_path, "Acme", "Themes Acme", rivals=True), week=WEEK, out_dir=tmp_path)
    names = [p.name for p in paths]
    assert len(names) == len(set(names))  # no file written twice
    assert f"benchmark-themes-acme-{WEEK}.csv" in names  # Acme (older) keeps its names
    assert _header(tmp_path / f"benchmark-themes-acme-{WEEK}.csv") == list(THEME_BENCHMARK_COLUMNS)
    assert f"benchmark-themes-acme-2-{WEEK}.csv" in names and f"detractors-themes-acme-2-{WEEK}.csv" in names
    assert _header(tmp_path / f"benchmark-themes-acme-2-{WEEK}.csv") == BENCHMARK_COLUMNS


def test_an_older_themes_brand_keeps_its_names_and_the_newer_acme_moves(tmp_path: Path) -> None:
    engine = _store(tmp_path, "Themes Acme", "Acme", rivals=True)
    names = [p.name for p in write_weekly_export(engine, week=WEEK, out_dir=tmp_path / "all")]
    assert len(names) == len(set(names))
    assert f"benchmark-themes-acme-{WEEK}.csv" in names and f"benchmark-themes-acme-2-{WEEK}.csv" in names
    assert _header(tmp_path / "all" / f"benchmark-themes-acme-{WEEK}.csv") == BENCHMARK_COLUMNS
    alone = [p.name for p in write_weekly_export(engine, week=WEEK, brand="Acme", out_dir=tmp_path / "one")]
    assert f"detractors-acme-2-{WEEK}.csv" in alone  # the same name with --brand


@pytest.mark.filterwarnings("ignore:Glyph")  # the chart's font has no "㎉"
def test_a_brand_too_long_for_a_file_name_is_exported_with_the_others(tmp_path: Path) -> None:
    long_name = "㎉" * 60  # NFKD: "kcal" each, a 240-character slug: benchmark-themes-<it>-<week>.csv is 270 bytes
    paths = write_weekly_export(_store(tmp_path, "Acme", long_name), week=WEEK, out_dir=tmp_path)
    slug = slugify(long_name)
    assert len(slug) == 200 + 9 and slug.startswith("kcal" * 50)
    assert slugify("kcal" * 61) != slug  # the hash tells apart slugs cut alike
    names = {p.name for p in paths}
    assert {f"detractors-acme-{WEEK}.csv", f"detractors-{slug}-{WEEK}.csv"} <= names
    assert all(p.exists() and len(p.name.encode()) < 255 for p in paths)


def test_a_short_slug_is_kept_whole() -> None:
    assert slugify("a" * 200) == "a" * 200  # benchmark-themes-<it>-<week>.csv: 230 bytes, as before
    assert slugify("Café & Co.") == "cafe-co"
