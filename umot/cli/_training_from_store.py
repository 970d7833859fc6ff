"""What ``umot train --from-db`` takes from the store: rated reviews with the triagers' corrections
applied (the model learns the brand team's judgement), as one training file named ``store``, and
their theme corrections, written where each brand's theme detector reads them once the run has
succeeded (#18)."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._store import brand_or_fail, open_store
from umot.cli._training_data import check_limit, held_share, row_cap

if TYPE_CHECKING:
    from nlp.splits import FileSplit

Value = TypeVar("Value")

# corrected_label of a flag dismissed as "not a detractor" -> the star class trained on
CORRECTED_STARS = {"negative": 2, "neutral": 3, "positive": 4}


def rated_reviews_from_db(database_url: str | None, brand: str | None) -> tuple[list[str], list[int], int]:
    """(texts, stars, corrections) from the store: rated reviews, with triage corrections applied.

    A flag dismissed as "not a detractor" overrides the rating with its
    ``corrected_label`` (neutral if none was given): the model then learns
    the brand team's judgement, and unrated mentions with such a flag join in.
    A dismissal made before the review's last edit judged another text: that
    review trains by its rating.
    Each text is what the scorer reads of the review (title, then body, cleaned
    as ``--data`` files are): not raw HTML, entities and emoji, nor the body alone.
    """
    from sqlmodel import col, select

    from models.crud.edited_dismissals import dismissal_labels
    from models.db import session_scope
    from models.tables import Review
    from nlp.review_scoring import review_text
    from nlp.text import clean_text

    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        # in id order: PostgreSQL returns rows in no set order (an UPDATE moves a row), and the order
        # makes the split, the --rows sample and --limit: a seeded run must read the same rows the same way
        query = select(Review.id, Review.title, Review.text, Review.rating).order_by(col(Review.id))
        if brand_id is not None:
            query = query.where(Review.brand_id == brand_id)
        reviews = session.exec(query).all()
        labels = dismissal_labels(session, brand_id)  # a dismissal of a text since edited is left out
        corrections = {rid: (label or "neutral").strip().lower() for rid, label in labels.items()}
    texts: list[str] = []
    stars: list[int] = []
    used = 0
    for review_id, title, body, rating in reviews:
        text = clean_text(review_text(title, body))
        if not text:
            continue
        if review_id in corrections and corrections[review_id] in CORRECTED_STARS:
            texts.append(text)
            stars.append(CORRECTED_STARS[corrections[review_id]])
            used += 1
        elif rating is not None and 1 <= rating <= 5:
            texts.append(text)
            stars.append(math.floor(rating + 0.5))  # half stars round up, as files' ratings do (nlp.label_schemes)
    return texts, stars, used


def export_theme_corrections(database_url: str | None, brand: str | None) -> str:
    """Write each brand's (or one brand's) triage theme corrections where its theme detector reads them."""
    from core.settings import get_settings
    from models import crud
    from models.crud.theme_corrections import corrections_for_training
    from models.db import session_scope
    from models.stored import stored_id
    from nlp.themes.corrections import Correction, CorrectionMemory, corrections_file

    written = []
    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brands = [brand_or_fail(session, brand)] if brand else crud.list_brands(session)
        for b in brands:
            examples = corrections_for_training(session, stored_id(b))
            path = corrections_file(get_settings().data_dir, b.name)
            if examples or path.exists():
                n = CorrectionMemory.write(path, [Correction(e.text, e.added, e.removed, e.polarity) for e in examples])
                written.append(f"{b.name}: {plural(n, 'correction')} -> {path}")
    if not written:
        return "theme corrections: none in the store"
    return "theme corrections for the theme detector: " + "; ".join(written)


def store_value(values: list[str], option: str, convert: Callable[[str], Value], name: str) -> Value | None:
    """``--rows``/``--holdout`` for the store, the one file: ``VALUE``, or ``store=VALUE`` (``name`` too),
    which wins over a bare one as a ``FILE=VALUE`` does; None if not given."""
    bare: Value | None = None
    named: Value | None = None
    for raw in values:
        key, sep, value = raw.rpartition("=")
        if sep and key.strip() not in ("store", name):
            fail(f"{option} {raw!r}: {key} is not the store, the one file of --from-db (give VALUE or store=VALUE)")
        try:
            converted = convert(value.strip())
        except ValueError as exc:
            fail(f"{option} {raw!r}: {exc}")
        bare, named = (bare, converted) if sep else (converted, named)
    return bare if named is None else named


def store_splits(database_url: str | None, brand: str | None, rows: list[str], holdout: list[str],
                 limit: int | None, seed: int, default_share: float) -> tuple[list[FileSplit], dict[str, Any]]:
    """``--from-db``: the store's rated reviews (triage corrections applied) as one split file, with
    ``--rows`` and ``--holdout`` as for a ``--data`` file, and what the card says of them."""
    from core.settings import get_settings
    from nlp.sources import LabelledFile
    from nlp.splits import split_files

    name = f"store{' (brand ' + brand.replace('/', '∕') + ')' if brand else ''}"  # one path part: "AC/DC" cut it
    cap = store_value(rows, "--rows", row_cap, name)
    share = store_value(holdout, "--holdout", held_share, name)
    check_limit(limit)
    texts, stars, corrected = rated_reviews_from_db(database_url or get_settings().database_url, brand)
    texts, stars = texts[:limit], stars[:limit]
    store = LabelledFile(Path(name), "stars", texts, [s - 1 for s in stars])
    splits = split_files([store], seed, default_share if share is None else share,
                         caps=None if cap is None else {store.name: cap})
    return splits, {"brand": brand, "corrections": corrected}
