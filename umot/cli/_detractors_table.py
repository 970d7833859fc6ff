"""``umot detractors list``'s table: the triage queue laid out to fit the terminal.

Apart from the command because the layout rules (which columns never wrap, how
wide a pipe is) are their own job; csv and json go through :mod:`umot.web.queue_csv`.
Two ids, each typed back into another command: ``flag`` into ``umot detractors set``,
``review`` (the review's id, ``/reviews/<id>``) into ``umot themes correct``; a lone
``id`` column was taken for the review's and a correction landed on another review.
The date is the day in the export timezone (``UMOT_TIMEZONE``), as the weekly CSVs
date a review and cut its week: a review at Sunday 22:30 UTC is Monday's in Berlin.
Every cell goes through :func:`umot.cli._cells.clean_cell`: a review's control characters
(an ESC clearing the screen, an OSC 52 clipboard write) reach the terminal as visible text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from umot.cli._cells import clean_cell
from umot.cli._console import stdout_console

if TYPE_CHECKING:
    from models.crud.triage.queue import QueueRow

# Never cut: the ids are typed back into commands, and "2026-11-…" or "pr…" say nothing.
WHOLE_COLUMNS = ("flag", "review", "date", "rating", "pred", "status")
COLUMNS = ("flag", "review", "brand", "date", "source", "rating", "pred", "status", "assignee", "reasons", "text")
RIGHT = ("flag", "review", "rating", "pred")


def print_table(rows: list[QueueRow], total: int) -> None:
    """A table that fits the terminal: long columns (brand, source, reasons, text) wrap."""
    from rich.table import Table

    from core.ratings import rating_as_published, reasons_as_published
    from reporting.rounding import figure_text
    from reporting.weeks import resolve_timezone

    zone = resolve_timezone(None)  # UMOT_TIMEZONE, checked with the other settings
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0))  # one space between columns: 80 are few
    for name in COLUMNS:
        if name in WHOLE_COLUMNS:
            table.add_column(name, no_wrap=True, justify="right" if name in RIGHT else "left")
        else:
            table.add_column(name, overflow="fold", max_width={"text": None, "reasons": 40}.get(name, 24))
    for r in rows:
        day = r.review.published_at or r.review.first_seen_at
        cells = (
            str(r.flag.id), str(r.review.id), r.brand, f"{day.astimezone(zone):%Y-%m-%d}" if day else "", r.review.source,
            rating_as_published(r.review.rating, r.review.rating_raw, r.review.rating_scale) or "",
            "" if r.score is None or r.score.stars is None else figure_text(r.score.stars, 1),  # half up, as CSV and web
            r.flag.status, r.flag.assignee or "",
            ", ".join(reasons_as_published(r.flag.reasons or [], r.review.rating, r.review.rating_raw, r.review.rating_scale)),
            " ".join(clean_cell(r.review.text).split())[:80],
        )
        table.add_row(*map(clean_cell, cells))  # a review's or a user's text: no terminal escape gets through
    console = stdout_console()  # piped: wide enough for one line per flag, unless COLUMNS says how wide
    if rows:
        console.print(table, highlight=False, markup=False)
    more = "; --limit 0 for all" if len(rows) < total else ""
    console.print(f"{len(rows)} of {total} detractors{more}", highlight=False)
