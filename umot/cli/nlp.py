"""``umot score`` and ``umot train``: the sentiment model from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from umot.cli._errors import fail
from umot.cli._store import brand_or_fail, open_store

SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons"]


def score(
    input: Annotated[Path, typer.Argument(help="CSV or JSONL file (optionally .gz) with a text column.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the scored rows (.csv or .jsonl).")],
    text_column: Annotated[str, typer.Option(help="Column holding the review text.")] = "text",
    rating_column: Annotated[str, typer.Option(help="Column with a 1-5 star rating, used by the detractor rule if present.")] = "rating",
    model: Annotated[Optional[str], typer.Option(help="Model directory or HF hub id (default: UMOT_MODEL or the shipped model).")] = None,
    quantized: Annotated[Optional[bool], typer.Option("--int8/--no-int8", help="int8 weights (default: UMOT_QUANTIZE, else on with ONNX Runtime, off with PyTorch).")] = None,
    backend: Annotated[Optional[str], typer.Option(help="onnx (ONNX Runtime, default) or torch (default: UMOT_BACKEND).")] = None,
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
        scorer = nlp.load_scorer(model, quantized=quantized, backend=backend)
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


# corrected_label of a flag dismissed as "not a detractor" -> the star class trained on
CORRECTED_STARS = {"negative": 2, "neutral": 3, "positive": 4}


def rated_reviews_from_db(database_url: str | None, brand: str | None) -> tuple[list[str], list[int], int]:
    """(texts, stars, corrections) from the store: rated reviews, with triage corrections applied.

    A flag dismissed as "not a detractor" overrides the rating with its
    ``corrected_label`` (neutral if none was given): the model then learns
    the brand team's judgement, and unrated mentions with such a flag join in.
    """
    from sqlmodel import select

    from models.db import session_scope
    from models.tables import Flag, Review

    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        query = select(Review.id, Review.text, Review.rating)
        if brand_id is not None:
            query = query.where(Review.brand_id == brand_id)
        reviews = session.exec(query).all()
        flag_query = select(Flag.review_id, Flag.corrected_label).where(Flag.status == "dismissed")
        if brand_id is not None:
            flag_query = flag_query.where(Flag.brand_id == brand_id)
        corrections = {rid: (label or "neutral").strip().lower() for rid, label in session.exec(flag_query).all()}
    texts: list[str] = []
    stars: list[int] = []
    used = 0
    for review_id, text, rating in reviews:
        if not text or not text.strip():
            continue
        if review_id in corrections and corrections[review_id] in CORRECTED_STARS:
            texts.append(text)
            stars.append(CORRECTED_STARS[corrections[review_id]])
            used += 1
        elif rating is not None and 1 <= rating <= 5:
            texts.append(text)
            stars.append(int(round(rating)))
    return texts, stars, used


def train(
    data: Annotated[Optional[Path], typer.Option(help="CSV/JSONL (optionally .gz) with text and stars columns.")] = None,
    from_db: Annotated[bool, typer.Option("--from-db", help="Train on the store's rated reviews (and triage corrections).")] = False,
    brand: Annotated[Optional[str], typer.Option(help="With --from-db: only this brand's reviews.")] = None,
    database_url: Annotated[Optional[str], typer.Option(help="With --from-db: database URL (default UMOT_DATABASE_URL).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Model directory to write (default: <UMOT_DATA_DIR>/model). Use it with --model / UMOT_MODEL.")] = None,
    card: Annotated[Optional[Path], typer.Option(help="Model card to write (default: OUT/MODEL_CARD.md).")] = None,
    eval_dir: Annotated[Optional[Path], typer.Option(help="Folder with marc_en_dev.csv.gz / sst2_dev.csv to evaluate on (default: beside --data, if there).")] = None,
    text_column: Annotated[str, typer.Option(help="Text column of --data.")] = "text",
    stars_column: Annotated[str, typer.Option(help="Star-rating (1-5) column of --data.")] = "stars",
    epochs: Annotated[float, typer.Option(help="Passes over the data (fractions allowed).")] = 1.5,
    max_length: Annotated[int, typer.Option(help="Tokens read per training text (head + tail).")] = 128,
    batch_size: Annotated[int, typer.Option(help="Texts per optimisation step.")] = 32,
    seed: Annotated[int, typer.Option(help="Random seed (the run is deterministic).")] = 13,
    limit: Annotated[Optional[int], typer.Option(help="Use only the first N rows (quick trials).")] = None,
    holdout: Annotated[int, typer.Option(help="Training rows held out to choose the detractor threshold.")] = 800,
) -> None:
    """Fine-tune the MiniLM sentiment model on rated reviews (1-5 stars) and write a model card.

    `make model` runs this on MARC to rebuild the shipped model in nlp/model.
    Retrain on your own data with --data FILE or --from-db, then point
    UMOT_MODEL (or --model) at the output directory.
    """
    if (data is None) == (not from_db):
        fail("give exactly one of --data FILE or --from-db")
    import os

    # OpenMP threads that spin at barriers waste a shared CPU: sleep instead (set before torch loads).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from nlp.data import DataError, read_labelled

    if data is not None:
        try:
            texts, stars = read_labelled(data, text_column, stars_column)
        except DataError as exc:
            fail(str(exc))
        source, from_db_run = str(data), None
    else:
        from core.settings import get_settings

        texts, stars, corrected = rated_reviews_from_db(database_url or get_settings().database_url, brand)
        source = f"store{' brand ' + brand if brand else ''}: {len(texts)} rated reviews ({corrected} triage corrections)"
        from_db_run = {"brand": brand, "corrections": corrected}
    if limit is not None:
        texts, stars = texts[:limit], stars[:limit]
    if len(set(stars)) < 2 or len(texts) < 20:
        fail(f"{source}: need at least 20 rated reviews with two different ratings, found {len(texts)}")
    if out is None:
        from core.settings import get_settings

        out = get_settings().data_dir / "model"
    if eval_dir is None and data is not None and (data.parent / "marc_en_dev.csv.gz").exists():
        eval_dir = data.parent
    from nlp.train import TrainConfig
    from nlp.training_run import run

    cfg = TrainConfig(epochs=epochs, max_length=max_length, batch_size=batch_size, seed=seed,
                      holdout=min(holdout, len(texts) // 5))
    summary = run(texts, stars, out, cfg=cfg, card=card or out / "MODEL_CARD.md", eval_dir=eval_dir,
                  data_name=source, from_db=from_db_run, log=lambda m: typer.echo(m))
    typer.echo(f"done in {summary['total_minutes']} min: {summary['version']} -> {out}")
    typer.echo(f"use it: umot score INPUT -o OUTPUT --model {out}   (or UMOT_MODEL={out})")


def register(app: typer.Typer) -> None:
    app.command("score")(score)
    app.command("train")(train)
