"""``umot import``'s second half: the file's checked rows stored in ONE transaction, and the
line that says what came of them (so a bad row leaves nothing from the file behind).

In that transaction, rows without id and author that an import before
``crawlers.import_ids`` stored under their text alone take that id back
(``adopt_previous_ids``), so they count as already stored, not as new."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from core.wording import plural
from umot.cli._errors import fail
from umot.cli._store import open_store

if TYPE_CHECKING:
    from pathlib import Path

    from models.crud import UpsertResult


def legacy_gz_source(file: Path, brand: str, database_url: str | None) -> str | None:
    """The source a gzip'd ``file`` was imported under before (``import:a.csv.gz``) when the brand's reviews
    are stored there only (``crawlers.import_sources``): the file's rows are then made again under it
    (``crawlers.importer.ReviewFile.rows``, not read from the file again)."""
    if not file.name.lower().endswith(".gz"):
        return None
    from crawlers.import_sources import stored_gz_source
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id

    with session_scope(open_store(database_url), write=False) as session:
        found = crud.get_brand(session, brand)
        return stored_gz_source(session, stored_id(found), file) if found is not None else None


def store_review_rows(rows: Sequence[dict[str, Any]], file: Path, brand: str, database_url: str | None) -> str:
    """Store ``rows`` under ``brand`` (a row the store refuses fails naming ``file``); the summary line."""
    from crawlers.import_ids import adopt_previous_ids
    from models import crud
    from models.db import session_scope
    from models.stored import stored_id

    engine = open_store(database_url)
    try:
        with session_scope(engine) as session:
            brand_id = stored_id(crud.get_or_create_brand(session, brand))
            result = crud.upsert_reviews(session, adopt_previous_ids(session, brand_id, rows), brand_id=brand_id)
    except crud.BrandNameError as exc:  # the brand, not the file, is what was wrong
        fail(f"--brand: {exc}")
    except ValueError as exc:
        fail(f"{file}: {exc}")
    return import_summary(len(rows), file, brand, result)


def import_summary(count: int, file: Path, brand: str, result: UpsertResult) -> str:
    """``imported 3 reviews from f.csv into 'Acme': 2 new, 1 already stored`` (+ how many of those the
    file edited, ``(1 edited)``, how many rows repeated a review listed again below them, and how
    many texts were cut)."""
    edited = f" ({result.edited} edited)" if result.edited else ""
    repeated = ""
    if result.repeated:
        last = "the last one kept" if result.repeated == 1 else "the last of each review kept"
        repeated = f", {plural(result.repeated, 'repeated row')} ({last})"
    cut = ""
    if result.texts_cut:
        from core.settings import get_settings

        cut = (f"; {plural(result.texts_cut, 'text')} longer than UMOT_MAX_REVIEW_CHARS="
               f"{get_settings().max_review_chars} cut (head and tail kept)")
    return (
        f"imported {plural(count, 'review')} from {file} into {brand!r}: "
        f"{result.new} new, {result.existing} already stored{edited}{repeated}{cut}"
    )
