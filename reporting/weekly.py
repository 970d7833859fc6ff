"""Write one ISO week's export: detractors per brand, a summary, a 12-week chart.

Files (``<brand>`` slugified, ``<week>`` like ``2026-W47``):

- ``detractors-<brand>-<week>.csv``: one row per flagged review of the week;
- ``advocates-<brand>-<week>.csv``: the week's reviews that recommend the brand;
- ``benchmark-<brand>-<week>.csv`` and ``.png``: for a brand with rivals, its
  figures beside theirs (the week, and 12 weeks charted);
- ``summary-<week>.csv``: one row per brand (``summary-<brand>-<week>.csv``
  when the export is limited to one brand, so it never overwrites the full one);
- ``sentiment-<week>.png`` (or ``sentiment-<brand>-<week>.png``).

Brands whose names slug alike ("Cafe" and "Café"), or whose files would (``benchmark-themes-acme``
is "Acme"'s themes file and "Themes Acme"'s benchmark), are told apart over every stored brand, by
id: the newer one's files end in its id, with or without --brand.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.settings import get_settings
from models.stored import stored_id
from models.tables import Brand
from reporting.advocates import write_advocates_csv
from reporting.data import find_brands
from reporting.detractors import write_detractors_csv
from reporting.files import slugify
from reporting.rivals import write_benchmarks
from reporting.summary_files import chart_weeks, write_summary_and_chart
from reporting.themes import write_themes_csv
from reporting.weeks import IsoWeek, WeekError, last_complete_week, parse_week, resolve_timezone


class ExportError(ValueError):
    """The export cannot run as asked (unknown brand, bad week or timezone)."""


def write_weekly_export(
    session_or_engine: Session | Engine,
    *,
    week: str | IsoWeek | None = None,
    brand: str | None = None,
    out_dir: Path | None = None,
    excel: bool = False,
    tz: str | None = None,
) -> list[Path]:
    """Write the week's CSVs and chart into ``out_dir``; return their paths.

    ``week`` defaults to the last complete ISO week, ``tz`` to ``UMOT_TIMEZONE``
    or UTC, ``out_dir`` to ``UMOT_EXPORT_DIR``. ``excel`` adds a UTF-8 BOM.
    Raises :class:`ExportError` for an unknown brand, week or timezone.
    """
    try:
        zone = resolve_timezone(tz)
        target = week if isinstance(week, IsoWeek) else (parse_week(week) if week else None)
    except WeekError as exc:
        raise ExportError(str(exc)) from None
    target = target or last_complete_week(zone)
    out_dir = Path(out_dir) if out_dir is not None else get_settings().export_dir

    if isinstance(session_or_engine, Session):
        return _export(session_or_engine, target, brand, out_dir, excel, zone)
    with Session(session_or_engine) as session:
        return _export(session, target, brand, out_dir, excel, zone)


def _export(
    session: Session, week: IsoWeek, brand: str | None, out_dir: Path, excel: bool, zone: ZoneInfo
) -> list[Path]:
    """Every file of the week, in the order the paths are returned (detractors first, benchmarks last)."""
    everyone = find_brands(session, None)
    brands = find_brands(session, brand) if brand is not None else everyone
    if brand is not None and len(brands) != 1:
        known = ", ".join(b.name for b in (brands or everyone)) or "none yet"
        if brands:
            raise ExportError(f"brand {brand!r} names {len(brands)} brands ({known}): give one's exact name")
        raise ExportError(f"no brand named {brand!r} in the store (brands: {known})")
    slugs = _unique_slugs(everyone)  # over every brand: a file is named alike with or without --brand
    brand_ids = [stored_id(b) for b in brands]
    suffix = f"{slugs[brand_ids[0]]}-{week}" if brand is not None else str(week)
    written: list[Path] = []

    start, end = week.bounds(zone)
    for brand_id in brand_ids:
        path = out_dir / f"detractors-{slugs[brand_id]}-{week}.csv"
        written.append(write_detractors_csv(session, brand_id, start, end, path, zone, excel=excel))
    weeks = chart_weeks(week)
    written += write_summary_and_chart(session, brands, weeks, zone, out_dir, suffix, excel=excel)
    for brand_id in brand_ids:
        advocates = out_dir / f"advocates-{slugs[brand_id]}-{week}.csv"
        written.append(write_advocates_csv(session, brand_id, start, end, advocates, zone, excel=excel))
    for b, brand_id in zip(brands, brand_ids):  # (#18) per theme: mentions, polarity shares, change vs last week
        themes = out_dir / f"themes-{slugs[brand_id]}-{week}.csv"
        written.append(write_themes_csv(session, brand_id, b.name, str(week), start, end, themes, excel=excel,
                                        zone=zone))
    written += write_benchmarks(session, brands, slugs, weeks, zone, out_dir, excel=excel)
    return written


def _unique_slugs(brands: list[Brand]) -> dict[int, str]:
    """Slug per brand id, taken in id order so an older brand keeps its file names when a new one
    slugs alike ("Cafe", "Café"); a brand whose slug is empty or clashes gets its id appended."""
    slugs: dict[int, str] = {}
    taken: set[str] = set()
    for b in sorted(brands, key=stored_id):
        slug = slugify(b.name) or "brand"
        brand_id = stored_id(b)
        if slug == "brand" or _clashes(slug, taken):
            slug = f"{slug}-{brand_id}"
        while _clashes(slug, taken):  # e.g. a brand named "Acme 5" has "acme-5" already
            slug = f"{slug}-{brand_id}"
        taken.add(slug)
        slugs[brand_id] = slug
    return slugs


def _clashes(slug: str, taken: set[str]) -> bool:
    """Taken, or one brand's ``benchmark-<slug>`` would be another's ``benchmark-themes-<slug>``
    ("Themes Acme" beside "Acme")."""
    return slug in taken or f"themes-{slug}" in taken or (slug.startswith("themes-") and slug[7:] in taken)


def default_week(tz: str | None = None, now: datetime | None = None) -> IsoWeek:
    """The week ``write_weekly_export`` writes when none is given."""
    return last_complete_week(resolve_timezone(tz), now)
