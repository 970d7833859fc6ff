"""``umot export``: write one ISO week's CSVs and chart for brand teams."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl


def export(
    week: Annotated[
        str | None,
        typer.Option(help="ISO week to export, e.g. 2026-W47 \\[default: the last complete week]"),
    ] = None,
    brand: Annotated[
        str | None, typer.Option(help="Only this brand (name as stored, any case) \\[default: all]")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for the files \\[default: UMOT_EXPORT_DIR or ./exports]", file_okay=False),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="Start CSVs with a UTF-8 byte-order mark so Excel shows accents")
    ] = False,
    timezone: Annotated[
        str | None,
        typer.Option(help="Where weeks start on Monday 00:00, IANA name \\[default: UMOT_TIMEZONE or UTC]"),
    ] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Write a week's CSVs and charts: detractors, themes, advocates, rivals, a summary.

    Per brand: detractors-, themes- and advocates-<brand>-<week>.csv, and, when it has rivals, benchmark-<brand>-<week>.csv and .png and benchmark-themes-<brand>-<week>.csv; for all brands: summary-<week>.csv and sentiment-<week>.png (with --brand: summary-<brand>-<week>.csv and sentiment-<brand>-<week>.png).

    Weeks run Monday 00:00 to Monday 00:00 in the export timezone; a review
    counts under the date it was written (else first seen). Every file is
    written atomically: readers never see half a file.
    """
    from reporting import ExportError, write_weekly_export
    from umot.cli._store import open_store

    engine = open_store(database_url, must_exist=True)
    try:
        paths = write_weekly_export(
            engine, week=week, brand=brand, out_dir=out, excel=excel, tz=timezone
        )
    except ExportError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the export to {exc.filename or out}: {exc.strerror or exc}")
    for path in paths:
        typer.echo(str(path))
