"""``umot score`` and ``umot train``: the sentiment model from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from umot.cli._errors import fail
from umot.cli._store import brand_or_fail, open_store

if TYPE_CHECKING:
    from nlp.themes import ThemeDetector
    from nlp.themes.detector import JourneyResult

SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons", "referral_intent", "themes", "stages", "primary_stage"]


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
    themes = _themes_detector(brand)  # a broken umot.toml fails before the model loads
    import nlp

    try:
        scorer = nlp.load_scorer(model, quantized=quantized, backend=backend)
    except (FileNotFoundError, ValueError, OSError) as exc:
        fail(f"cannot load model {model or '(default)'}: {exc}")
    texts, cut, limit = _texts_as_stored(rows, text_column)
    titles = [to_text(row.get(title_column)) for row in rows] if title_column in columns else None
    ratings = [row.get(rating_column) for row in rows] if rating_column in columns else None
    scores = score_reviews(scorer, texts, ratings, titles=titles, progress=len(rows) >= 200)
    journeys = themes.detect(texts, [s.label for s in scores])
    out_columns = [c for c in columns if c not in SCORE_COLUMNS] + SCORE_COLUMNS
    merged = ({**row, **s.as_dict(), **_journey_cells(j)} for row, s, j in zip(rows, scores, journeys))
    try:
        write_rows(output, out_columns, merged)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc})")
    n_det = sum(s.detractor for s in scores)
    note = f" ({cut} longer than UMOT_MAX_REVIEW_CHARS={limit} cut, head and tail kept)" if cut else ""
    typer.echo(f"scored {len(rows)} rows with {scorer.version}: {n_det} detractors -> {output}{note}")


def _texts_as_stored(rows: list[dict], text_column: str) -> tuple[list, int, int]:
    """(texts as the store would hold them, how many were cut, the limit): UMOT_MAX_REVIEW_CHARS applied."""
    from core.settings import get_settings
    from core.text_limit import cut_text

    texts = [row.get(text_column) for row in rows]
    limit, cut = get_settings().max_review_chars, 0
    for i, text in enumerate(texts):
        if isinstance(text, str) and len(text) > limit:
            texts[i], _ = cut_text(text, limit)
            cut += 1
    return texts, cut, limit


def _themes_detector(brand: str | None) -> ThemeDetector:
    """Default themes, plus ``brand``'s own from umot.toml (a broken file: one-line error)."""
    from core.settings import get_settings
    from nlp.themes import ThemeDetector
    from nlp.themes.brand import ThemeDefinitionError
    from nlp.themes.config import brand_themes

    try:
        return ThemeDetector(brand_themes(get_settings().config_file, brand) if brand else ())
    except ThemeDefinitionError as exc:
        fail(str(exc))


def _journey_cells(journey: JourneyResult) -> dict:
    """themes as {name: polarity} (JSON object in a CSV cell), stages as a list."""
    return {"themes": journey.themes, "stages": journey.stages, "primary_stage": journey.primary_stage}


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
    from models.status import FlagStatus
    from models.tables import Flag, Review

    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        query = select(Review.id, Review.text, Review.rating)
        if brand_id is not None:
            query = query.where(Review.brand_id == brand_id)
        reviews = session.exec(query).all()
        flag_query = select(Flag.review_id, Flag.corrected_label).where(Flag.status == FlagStatus.dismissed)
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
