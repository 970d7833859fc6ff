"""Reviews: idempotent bulk upsert of crawl rows.

Rows go in as batched ``INSERT ... ON CONFLICT DO NOTHING`` on the identity
(brand, source, external id), so re-crawling a page is harmless and fast;
``RETURNING`` tells which rows were new (see ``_bulk`` for the batching).
Rows that hit a stored identity with another text, title or rating are edits
written onto the stored review, which is then scored again (``review_edits``).
What a crawl already knows is read back by ``models.crud.review_lookups``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from core.text_limit import cut_text
from models.crud._bulk import insert_ignore_returning_ids
from models.crud.legacy_ids import adopt_legacy_ids
from models.crud.replies import respond_from_source, store_replies
from models.crud.review_edits import apply_edits
from models.crud.review_locks import lock_stored
from models.crud.sources import live_source_id
from models.schemas import normalize_review_row
from models.tables import Review, table_of, utcnow

REVIEW_TABLE = table_of(Review)
IDENTITY = ("brand_id", "source", "external_id")
logger = logging.getLogger(__name__)


@dataclass
class UpsertResult:
    """How many rows were new, already stored (and of those, edited) or repeated, and the new rows' ids."""

    new: int = 0
    existing: int = 0
    edited: int = 0  # stored reviews whose text, title or rating this batch changed (to be scored again)
    new_ids: list[int] = field(default_factory=list)
    replied: int = 0  # stored reviews whose reply at the source appeared in this batch
    responded: int = 0  # of their flags, moved to ``responded`` by it
    texts_cut: int = 0  # rows whose text was longer than UMOT_MAX_REVIEW_CHARS (head and tail kept)
    repeated: int = 0  # earlier rows of a review the batch lists again (its last row is the one taken)
    source_removed: bool = False  # ``source_id`` was removed during the crawl: the rows are stored without it


def clean_review_row(row: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """One crawl row -> review column values; ``ValueError`` names the row if it is unusable."""
    if not isinstance(row, Mapping):
        raise ValueError(f"review row {index}: expected a mapping, got {type(row).__name__}")
    try:
        return normalize_review_row(row)
    except ValueError as exc:
        raise ValueError(f"review row {index}: {exc}") from None


def upsert_reviews(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    *,
    brand_id: int,
    source_id: int | None = None,
    crawl_run_id: int | None = None,
    max_text_chars: int | None = None,
) -> UpsertResult:
    """Insert the rows not stored yet; a row already stored with another text, title
    or rating edits the stored review (which loses its scores and theme readings,
    see ``models.crud.review_edits``), and a reply at the source it now carries
    is written onto it (and answers its flag, see ``models.crud.replies``).
    Unchanged stored rows are left alone. A review listed twice keeps its last row
    (a file or page lists its later state last) and the earlier ones count as ``repeated``.

    Every row is cleaned first, so a bad row raises before anything is written.
    A text longer than ``max_text_chars`` (default ``UMOT_MAX_REVIEW_CHARS``) is
    cut to its head and tail, logged and counted (``texts_cut``): every way in
    (crawl, import) ends here. A ``source_id`` no longer stored (the source was
    removed during its crawl) is left out, as for its earlier reviews, and said in
    ``source_removed``. The caller's transaction decides what is committed.
    """
    if max_text_chars is None:
        from core.settings import get_settings

        max_text_chars = get_settings().max_review_chars
    result = UpsertResult()
    stored_source = live_source_id(session, source_id)
    result.source_removed = stored_source != source_id
    seen_at = utcnow()
    shared = {"brand_id": brand_id, "source_id": stored_source, "crawl_run_id": crawl_run_id, "first_seen_at": seen_at}
    latest: dict[tuple[str, str], dict[str, Any]] = {}  # per identity, its last row (in the first one's place)
    for index, row in enumerate(rows):
        clean = clean_review_row(row, index)
        latest[(clean["source"], clean["external_id"])] = clean
    result.repeated = len(rows) - len(latest)
    values: list[dict[str, Any]] = []
    for key, clean in latest.items():
        length = len(clean["text"])
        clean["text"], cut = cut_text(clean["text"], max_text_chars)
        if cut:
            result.texts_cut += 1
            logger.warning("review %s/%s: %d of its %d characters cut (UMOT_MAX_REVIEW_CHARS=%d)",
                           key[0], key[1], cut, length, max_text_chars)
        clean.update(shared)
        clean["reply_seen_at"] = seen_at if clean["reply_text"] else None
        values.append(clean)
    if not values:
        return result
    lock_stored(session, brand_id, values)  # PostgreSQL: in id order, before edits and replies update them
    adopt_legacy_ids(session, brand_id, values)
    result.new_ids = insert_ignore_returning_ids(session, REVIEW_TABLE, values, conflict=IDENTITY)
    result.new_ids.sort()
    result.new = len(result.new_ids)
    result.existing = len(values) - result.new  # repeated rows are not stored ones
    if result.existing:
        result.edited = len(apply_edits(session, values, brand_id=brand_id, skip_ids=result.new_ids, seen_at=seen_at))
    if any(v["reply_text"] for v in values):  # a new review's reply date too: judged against its stored date
        answered = store_replies(session, values, brand_id=brand_id, seen_at=seen_at)
        result.replied = len(answered)
        result.responded = respond_from_source(session, answered)
    return result
