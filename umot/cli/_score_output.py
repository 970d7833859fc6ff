"""``umot score``'s ``-o`` file: checked before the run, then written with the input's columns and the scores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from umot.cli._errors import fail
from umot.cli._scored_rows import journey_columns, kept_columns, kept_row, output_columns

if TYPE_CHECKING:
    from nlp.result import ReviewScore
    from nlp.table_reader import Table
    from nlp.themes.journey import JourneyResult


def check_output(output: Path) -> None:
    """``-o`` checked as the run would write it, making nothing: its nearest existing folder must take a
    file (an existing file must open for writing)."""
    import tempfile

    probe = output.absolute().parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        if output.is_dir():
            raise IsADirectoryError(f"{output} is a folder")
        if not probe.is_dir():
            raise NotADirectoryError(f"{probe} is not a folder")
        if output.exists():
            with output.open("a", encoding="utf-8"):
                pass
        else:
            with tempfile.TemporaryFile(dir=probe):
                pass
    except OSError as exc:
        fail(f"-o {output}: cannot write ({exc.strerror or exc})")


def write_scored(output: Path, table: Table, scores: Sequence[ReviewScore], journeys: Sequence[JourneyResult]) -> None:
    """Each input row with its scores and themes: other columns pass through (one named like an output kept
    under another name, said on stderr), a CSV's blank header cells blank again."""
    from nlp.data import write_rows

    columns = table.columns
    renamed = kept_columns(columns)
    if renamed:
        kept = ", ".join(f"{c} as {n}" for c, n in renamed.items())
        typer.echo(f"note: input columns named like umot's outputs are kept under another name: {kept}", err=True)
    merged = ({**kept_row(row, renamed), **s.as_dict(), **journey_columns(j)}
              for row, s, j in zip(table.rows, scores, journeys))
    header = ["" if c in table.blank else c for c in output_columns(columns)]  # blank header cells as read
    try:
        write_rows(output, output_columns(columns), merged, header)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc})")
