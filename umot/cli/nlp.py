"""``umot score`` and ``umot train``: the sentiment model from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from umot.cli._errors import fail

SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons"]


def score(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL file (optionally .gz) with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the scored rows (.csv or .jsonl).")],
    text_column: Annotated[str, typer.Option(help="Column holding the review text.")] = "text",
    rating_column: Annotated[str, typer.Option(help="Column with a 1-5 star rating, used by the detractor rule if present.")] = "rating",
    model: Annotated[Optional[str], typer.Option(help="Model directory or HF hub id (default: UMOT_MODEL or the shipped model).")] = None,
    quantized: Annotated[bool, typer.Option("--int8/--no-int8", help="Run linear layers in int8 (faster; default on).")] = True,
) -> None:
    """Score reviews: add label, stars, p_negative/p_neutral/p_positive, detractor and reasons.

    Other columns pass through unchanged. A 1-2 star rating makes a detractor
    whatever the text; a 4-5 star review with strongly negative text is flagged
    as a rating/text mismatch. Empty texts get no score and the reason "empty text".
    """
    from nlp.data import DataError, file_format, read_rows, write_rows

    try:
        file_format(output)
        columns, rows = read_rows(input)
    except DataError as exc:
        fail(str(exc))
    if text_column not in columns:
        fail(f"{input}: no {text_column!r} column (columns: {', '.join(columns) or 'none'}); use --text-column")
    import nlp

    try:
        scorer = nlp.load_scorer(model, quantized=quantized)
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(f"cannot load model {model or '(default)'}: {exc}")
    texts = [row.get(text_column) for row in rows]
    ratings = [row.get(rating_column) for row in rows] if rating_column in columns else None
    scores = scorer.score(texts, ratings, progress=len(rows) >= 200)
    out_columns = [c for c in columns if c not in SCORE_COLUMNS] + SCORE_COLUMNS
    merged = ({**row, **s.as_dict()} for row, s in zip(rows, scores))
    try:
        write_rows(output, out_columns, merged)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc})")
    n_det = sum(s.detractor for s in scores)
    typer.echo(f"scored {len(rows)} rows with {scorer.version}: {n_det} detractors -> {output}")


def register(app: typer.Typer) -> None:
    app.command("score")(score)
