"""``umot detractors``: the triage queue from scripts (list, and change status/assignee/notes).

The table ``list`` prints is laid out in :mod:`umot.cli._detractors_table`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from umot.cli._actor import cli_actor
from umot.cli._detractors_table import print_table
from umot.cli._errors import err_console, fail
from umot.cli._store import DatabaseUrl, brand_or_fail, open_store

detractors_app = typer.Typer(
    name="detractors", help="Flagged detractors: list the triage queue, change a flag's status.", no_args_is_help=True
)
STATUS_HELP = "new, in_progress, responded, resolved or dismissed (not a detractor)"
LIST_STATUS_HELP = ("Only this status: open (new, in_progress or responded), counted (every detractor that counts: "
                    "not dismissed, not cleared by an edit, as the web queue's Detractors tab), all (every status, "
                    "the default, as its All tab), or one of " + STATUS_HELP)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


TABLE_LIMIT = 50  # rows the table shows unless --limit says otherwise; csv/json export every row


@detractors_app.command("list")
def list_(
    brand: Annotated[str | None, typer.Option(help="Only this brand")] = None,
    status: Annotated[str | None, typer.Option(help=LIST_STATUS_HELP)] = None,
    reply: Annotated[str | None, typer.Option(
        help="unanswered or answered: whether the brand replied at the source (as the web queue's Reply filter)",
    )] = None,
    limit: Annotated[
        int | None,
        typer.Option(help=f"At most this many, 0 = all \\[default: {TABLE_LIMIT} for the table, all for csv and json]",
                     show_default=False),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv (formula-safe) or json")] = Format.table,
    database_url: DatabaseUrl = None,
) -> None:
    """List flagged detractors, newest and most severe first (as in the web queue)."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.crud.triage import STATUSES, QueueFilter, query_queue
    from models.crud.triage.changes import MAX_ROWS
    from models.crud.triage.queue import iter_queue, queue_total
    from models.crud.triage.queue_filter import COUNTED, REPLY_FILTERS
    from models.db import session_scope
    from reporting.weeks import resolve_timezone
    from umot.web.queue_csv import queue_csv_chunks, queue_json_chunks

    if reply is not None and reply not in REPLY_FILTERS:
        fail(f"unknown --reply {reply!r} (choose from {', '.join(REPLY_FILTERS)})")
    if status is not None and status not in ("open", COUNTED, "all", *STATUSES):
        fail(f"unknown --status {status!r} (choose from open, {COUNTED}, all, {', '.join(STATUSES)})")
    if status == "all":  # the web queue's "All" tab: no status filter
        status = None
    if limit is not None and not 0 <= limit <= MAX_ROWS:  # a larger one overflowed the driver: a traceback
        fail(f"--limit {limit}: give a number of rows, or 0 for all (0 to {MAX_ROWS})")
    if limit is None:
        limit = TABLE_LIMIT if fmt is Format.table else 0
    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        f = QueueFilter(brand_id=brand_id, status=status, reply=reply, zone=resolve_timezone(None))
        if fmt is Format.table:
            rows, total = query_queue(session, f, limit=limit or None)
        else:  # written a chunk of rows at a time, as they are read: never every flag in memory at once
            total = queue_total(session, f)
            chunks = iter_queue(session, f, limit=limit or None)
            try:
                for text in (queue_csv_chunks if fmt is Format.csv else queue_json_chunks)(session, chunks):
                    typer.echo(text, nl=False)
            except SQLAlchemyError as exc:  # the store failed after some rows went out: not "cannot open"
                reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
                fail(f"the store stopped answering mid-export: {reason} (what was written is incomplete)")
            if fmt is Format.json:
                typer.echo()  # the line's end, as after the whole array before
    if fmt is Format.table:
        print_table(rows, total)
        return
    if limit and limit < total:  # only with an explicit --limit: stdout is a file, say what it lacks
        err_console.print(f"note: {limit} of {total} detractors written; --limit 0 for all",
                          soft_wrap=True, highlight=False)


@detractors_app.command("set")
def set_(
    flag_id: Annotated[int, typer.Argument(metavar="ID", help="The flag id (the flag column of `umot detractors list`, not its review column)")],
    status: Annotated[str | None, typer.Option(help=STATUS_HELP)] = None,
    note: Annotated[str | None, typer.Option(help="Add a note (kept in the audit trail)")] = None,
    assignee: Annotated[str | None, typer.Option(
        help="Assign to a user who can see the flag's brand, by email (any text where the store has no users; '' unassigns)")] = None,
    label: Annotated[str | None, typer.Option(help="With --status dismissed: what it really is, neutral (default) or positive")] = None,
    actor: Annotated[str | None, typer.Option(help="Who made the change, for the audit trail (default: cli:<os user>)")] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Change a detractor's status, assignee or notes; every change goes to its audit trail."""
    from models.crud.triage import TriageError, update_flag
    from models.db import session_scope

    if status is None and note is None and assignee is None:
        fail("nothing to change: give --status, --note and/or --assignee")
    who = cli_actor(actor)  # a multi-line --actor fails before the store opens
    kwargs: dict[str, Any] = {} if assignee is None else {"assignee": assignee}  # absent: left as it is
    try:
        with session_scope(open_store(database_url, must_exist=True)) as session:
            events = update_flag(session, flag_id, actor=who, status=status,
                                 note=note, corrected_label=label, **kwargs)
    except TriageError as exc:
        fail(str(exc))
    if not events:
        typer.echo(f"flag {flag_id}: nothing changed")
    for e in events:
        if e.field_name == "corrected_label" and e.old_value == e.new_value:  # update_flag: a stale dismissal
            typer.echo(f"flag {flag_id}: dismissal confirmed after the review's edit ({e.new_value})")
            continue
        change = e.new_value if e.field_name == "note" else f"{e.old_value or '-'} -> {e.new_value or '-'}"
        typer.echo(f"flag {flag_id}: {e.field_name} {change}")
