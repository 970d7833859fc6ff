"""``umot import`` of a file ``umot score`` wrote: read by the columns of the file it scored. Its ``stars``
is the model's guess (3.006) and its ``language`` the model's detection, beside a reviewer's ``rating``:
the whole file was refused as two ratings that disagree. A reviewer's value it kept as ``input_stars``
is read as ``stars``, and the model's outputs are neither read nor kept in ``extra``."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from crawlers.importer import read_review_file
from umot.cli import app
from umot.cli._scored_rows import kept_columns, output_columns

runner = CliRunner()

_MODEL = {"label": "neutral", "stars": 3.006, "p_negative": 0.3, "p_neutral": 0.4, "p_positive": 0.3,
          "confidence": 0.4, "language": "en", "detractor": "true", "reasons": "[]", "referral_intent": "false",
          "themes": "{}", "stages": "[]", "primary_stage": ""}


def _scored(rows: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and rows ``umot score`` writes for ``rows`` (its real output columns)."""
    columns = list(rows[0])
    renamed = kept_columns(columns)
    return output_columns(columns), [{**{renamed.get(k, k): v for k, v in row.items()}, **_MODEL} for row in rows]


def test_a_scored_csv_imports_the_reviewers_rating(tmp_path: Path, db_url: str) -> None:
    header, rows = _scored([{"id": "1", "text": "Lovely kettle", "rating": "5", "date": "2024-03-05"},
                            {"id": "2", "text": "Lid broke", "rating": "1", "date": "2024-03-06"}])
    file = tmp_path / "scored.csv"
    with file.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, header)
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(app, ["import", str(file), "--brand", "Acme", "--create-brand", "--database-url", db_url])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout
    assert [(r["rating"], r["extra"]) for r in read_review_file(file)] == [(5.0, {}), (1.0, {})]


def test_a_scored_files_kept_input_columns_are_read_under_their_names(tmp_path: Path) -> None:
    """``input_stars`` is the reviewer's ``stars``, ``input_language`` the row's ``language``; JSONL too."""
    header, rows = _scored([{"text": "Tolle Maschine, sehr leise", "stars": 4, "language": "de"},
                            {"text": "Fine", "stars": None, "language": "en"}])
    assert "input_stars" in header and "input_language" in header
    file = tmp_path / "scored.jsonl"
    file.write_text("".join(json.dumps({c: row[c] for c in header}) + "\n" for row in rows), encoding="utf-8")
    assert [(r["rating"], r["language"]) for r in read_review_file(file)] == [(4.0, "de"), (None, "en")]


def test_an_unscored_file_with_a_stars_column_reads_it(tmp_path: Path) -> None:
    """Only umot score's full output is read by its own columns: a reviewer's ``stars`` elsewhere is a rating."""
    file = tmp_path / "plain.csv"
    file.write_text("text,label,stars,p_negative\nfine,positive,4,0.1\n", encoding="utf-8")
    assert [r["rating"] for r in read_review_file(file)] == [4.0]
