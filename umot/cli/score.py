"""``umot score``: the sentiment model and the theme detector on a file of reviews, from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from core.wording import plural
from umot.cli._errors import check_writable, fail
from umot.cli._scored_rows import journey_columns, output_columns, texts_as_stored
from umot.cli._theme_config import themes_detector


def score(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL file (optionally .gz) with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the scored rows (.csv or .jsonl).")],
    text_column: Annotated[str, typer.Option(help="Column holding the review text.")] = "text",
    rating_column: Annotated[str, typer.Option(help="Column with a 1-5 star rating, used by the detractor rule if present.")] = "rating",
    title_column: Annotated[str, typer.Option(help="Column with the review's title, read before its text if present (as the nightly run does).")] = "title",
    model: Annotated[str | None, typer.Option(help="fast or full (the shipped models), a model directory or an HF hub id (default: UMOT_MODEL or the shipped default).")] = None,
    quantized: Annotated[bool | None, typer.Option("--int8/--no-int8", help="int8 weights (default: UMOT_QUANTIZE, else on with ONNX Runtime, off with PyTorch).")] = None,
    backend: Annotated[str | None, typer.Option(help="onnx (ONNX Runtime, default) or torch (default: UMOT_BACKEND).")] = None,
    brand: Annotated[str | None, typer.Option(help="Also find this brand's own themes ([[themes]] in umot.toml).")] = None,
) -> None:
    """Score reviews: add label, stars, p_negative/p_neutral/p_positive, detractor and reasons,
    and the themes (name: polarity), journey stages and primary stage each text speaks of.

    Other columns pass through unchanged. A 1-2 star rating makes a detractor
    whatever the text; a 4-5 star review with strongly negative text is flagged
    as a rating/text mismatch. Empty texts get no score and the reason "empty text".
    A review is read and judged as the nightly run does (title first; "warns
    others off"); texts over UMOT_MAX_REVIEW_CHARS keep their head and tail.
    """
    from nlp.data import DataError, file_format, read_rows, write_rows
    from nlp.review_scoring import score_reviews
    from nlp.text import to_text

    try:
        file_format(output)
        columns, rows = read_rows(input)
    except DataError as exc:
        fail(str(exc))
    if text_column not in columns:
        fail(f"{input}: no {text_column!r} column (columns: {', '.join(columns) or 'none'}); use --text-column")
    check_writable(output, "-o")  # not after minutes of scoring
    themes = themes_detector(brand)  # a broken umot.toml fails before the model loads
    import nlp

    try:
        scorer = nlp.load_scorer(model, quantized=quantized, backend=backend)
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(f"cannot load model {model or '(default)'}: {exc}")
    texts, cut, limit = texts_as_stored(rows, text_column)
    titles = [to_text(row.get(title_column)) for row in rows] if title_column in columns else None
    ratings = [row.get(rating_column) for row in rows] if rating_column in columns else None
    scores = score_reviews(scorer, texts, ratings, titles=titles, progress=len(rows) >= 200)
    journeys = themes.detect(texts, [s.label for s in scores])
    out_columns = output_columns(columns)
    merged = ({**row, **s.as_dict(), **journey_columns(j)} for row, s, j in zip(rows, scores, journeys))
    try:
        write_rows(output, out_columns, merged)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc})")
    n_det = sum(s.detractor for s in scores)
    note = f" ({plural(cut, 'text')} longer than UMOT_MAX_REVIEW_CHARS={limit} cut, head and tail kept)" if cut else ""
    typer.echo(f"scored {plural(len(rows), 'row')} with {scorer.version}: {plural(n_det, 'detractor')} -> {output}{note}")
