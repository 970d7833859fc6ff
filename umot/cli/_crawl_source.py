"""``umot crawl --source-id`` checked before anything is crawled or a brand is created: the crawl run is
counted under that source, so it must be one of ``--brand``'s."""

from __future__ import annotations

from umot.cli._errors import fail


def check_source(database_url: str | None, brand: str, source_id: int | None) -> None:
    """``--source-id`` names a stored source of ``--brand``: the crawl run is counted under it (``umot sources
    list``), so another brand's source would show this brand's crawl, and a missing one fails the crawl at its
    end. Checked before ``--create-brand`` adds anything."""
    from models.crud.triage.changes import MAX_ID

    if source_id is None:
        return
    if not 1 <= source_id <= MAX_ID:  # what every store's id holds: a larger one was a traceback
        fail(f"--source-id {source_id}: no source with that id in the store")
    from models import crud
    from models.db import session_scope
    from models.tables import Brand
    from umot.cli._store import open_store

    with session_scope(open_store(database_url), write=False) as session:
        source = crud.get_source(session, source_id)
        wanted = crud.get_brand(session, brand)
        if source is not None and wanted is not None and source.brand_id == wanted.id:
            return
        own = ", ".join(f"{s.id} {s.name!r}" for s in crud.list_sources(session, brand_id=wanted.id)) \
            if wanted is not None else ""
        known = f" ({wanted.name}'s sources: {own or 'none'})" if wanted is not None else ""
        if source is None:
            fail(f"--source-id {source_id}: no source with that id in the store{known}")
        owner = session.get(Brand, source.brand_id)
        fail(f"--source-id {source_id} is source {source.name!r} of brand {owner.name if owner else '?'!r}, "
             f"not of {brand!r}{known}")
