"""What ``umot train --from-db`` takes from the store: rated reviews with the triagers' corrections
applied (the model learns the brand team's judgement), and their theme corrections, written where
each brand's theme detector reads them (#18)."""

from __future__ import annotations

import math

from core.wording import plural
from umot.cli._store import brand_or_fail, open_store

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
    from sqlmodel import select

    from models.crud.edited_dismissals import dismissal_labels
    from models.db import session_scope
    from models.tables import Review
    from nlp.review_scoring import review_text
    from nlp.text import clean_text

    with session_scope(open_store(database_url, must_exist=True), write=False) as session:
        brand_id = brand_or_fail(session, brand).id if brand is not None else None
        query = select(Review.id, Review.title, Review.text, Review.rating)
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
            stars.append(math.floor(rating + 0.5))  # half stars round up, as files' ratings do (nlp.sources)
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
