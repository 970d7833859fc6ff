"""The export task: one ISO week's CSVs and chart, written by :mod:`reporting`.

Used by the weekly-export flow (and open to the nightly flow). I/O only: the
figures and file formats live in ``reporting``.
"""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.logging import get_run_logger

EXPORT_TIMEOUT_S = 600


@task(name="export weekly CSVs", timeout_seconds=EXPORT_TIMEOUT_S)
def export_week(
    week: str,
    brand: str | None = None,
    out_dir: str | None = None,
    excel: bool = False,
    timezone: str | None = None,
    database_url: str | None = None,
) -> list[str]:
    """Write ``week``'s detractor CSVs, summary CSV and chart; return their paths.

    No retries: the export reads the local store and fails the same way twice
    (bad brand, bad week); the files are atomic, so a failed run leaves the
    previous export intact.
    """
    from models.db import init_db
    from reporting import write_weekly_export

    engine = init_db(database_url)
    paths = write_weekly_export(
        engine,
        week=week,
        brand=brand,
        out_dir=Path(out_dir) if out_dir else None,
        excel=excel,
        tz=timezone,
    )
    logger = get_run_logger()
    for path in paths:
        logger.info("wrote %s", path)
    return [str(p) for p in paths]
