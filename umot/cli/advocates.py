"""``umot advocates list``: reviews and mentions that recommend the brand, to thank and encourage."""

from __future__ import annotations

from typing import Annotated

import typer

from core.wording import plural
from umot.cli._cells import clean_cell
from umot.cli._errors import fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

# Never cut or wrapped: a date cut to "2026-1" says nothing. The long columns (said, the link) give way first.
WHOLE_COLUMNS = ("date", "stars", "thanked")

advocates_app = typer.Typer(
    name="advocates",
    help="Advocates: customers who recommend the brand to others (referral intent 'recommend', no low stars, "
         "no negative text).",
    no_args_is_help=True,
)


@advocates_app.command("list")
def list_(
    brand: Annotated[str | None, typer.Option(help="Only this brand")] = None,
    week: Annotated[str | None, typer.Option(help="Only this ISO week, e.g. 2026-W47 \\[default: every week]",
                                                show_default=False)] = None,
    timezone: Annotated[str | None, typer.Option("--timezone", help="Where weeks start \\[default: UMOT_TIMEZONE or UTC]",
                                                    show_default=False)] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows, 0 = all")] = 50,
    database_url: DatabaseUrl = None,
) -> None:
    """Who recommended the brand, where, what they said, and the link to thank them there, newest first.

    Example: umot advocates list --brand Acme --week 2026-W47
    """
    from rich.table import Table

    from models.crud.advocates import list_advocates
    from models.crud.triage.changes import MAX_ROWS
    from models.db import session_scope
    from reporting.weeks import WeekError, parse_week, resolve_timezone
    from umot.cli._console import stdout_console

    if not 0 <= limit <= MAX_ROWS:  # a larger one overflowed the driver: a traceback
        fail(f"--limit {limit}: give a number of rows, or 0 for all (0 to {MAX_ROWS})")
    since = until = None
    try:
        zone = resolve_timezone(timezone)
        if week is not None:
            since, until = parse_week(week).bounds(zone)
    except WeekError as exc:
        fail(f"--week/--timezone: {exc}")
    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        rows = list_advocates(session, brand_ids=None, brand_id=brand_id, since=since, until=until, limit=limit or None)
    table = Table(box=None, pad_edge=False)
    for column in ("date", "brand", "author", "source", "stars", "thanked", "said", "link"):
        if column in WHOLE_COLUMNS:
            table.add_column(column, no_wrap=True, justify="right" if column == "stars" else "left")
        else:  # wrap; a word (a link) longer than the column folds onto the next line
            table.add_column(column, overflow="fold", max_width=None if column in ("said", "link") else 24)
    for row in rows:
        said = row.text if len(row.text) <= 80 else row.text[:79] + "…"
        stars = row.rating_shown or ""  # "9/10" as `detractors list` shows it, not 4.56
        cells = (row.date.astimezone(zone).date().isoformat(), row.brand, row.author or "", row.source, stars,
                 "yes" if row.thanked else "no", said, row.url or "")
        table.add_row(*map(clean_cell, cells))  # a review's text: no terminal escape gets through
    console = stdout_console()  # piped: one line per advocate, as `detractors list`
    console.print(table, highlight=False, markup=False)
    scope = f" in {week}" if week else ""
    typer.echo(f"{plural(len(rows), 'advocate')}{scope}" + (f" (first {limit})" if limit and len(rows) == limit else ""))
