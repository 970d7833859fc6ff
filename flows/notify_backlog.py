"""Where each brand's webhook backlog is kept: on its row in the store, read by every machine of a night.

The row's ``webhook_seen_flag_id`` and ``webhook_unsent`` hold it, so every
machine of a fanned-out night sees the same one; a ``notify-<store>.json``
file that umot versions before it kept under ``UMOT_DATA_DIR`` is read once and
removed. Kept apart from deciding what to post (:mod:`flows.notify_state`):
``umot run`` reads the count alone, without the night's posting code.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def legacy_file(database_url: str | None = None) -> Path:
    """Where umot kept this store's backlog before the store did (stores told apart by URL, no password)."""
    from sqlalchemy.engine import make_url

    from core.settings import get_settings

    settings = get_settings()
    url = make_url(database_url or settings.database_url).render_as_string(hide_password=True)
    return settings.data_dir / f"notify-{hashlib.sha256(url.encode()).hexdigest()[:12]}.json"


def _legacy_state(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_state() -> dict[str, dict[str, Any]]:
    """brand id (text) -> {"seen": highest flag id settled, "unsent": [flag ids]}, for brands a night settled."""
    from sqlmodel import col, select

    from models.db import get_engine, session_scope
    from models.tables import Brand

    state = {str(k): v for k, v in _legacy_state(legacy_file()).items() if isinstance(v, dict)}
    with session_scope(get_engine(), write=False) as session:
        for brand in session.exec(select(Brand).where(col(Brand.webhook_seen_flag_id).is_not(None))):
            state[str(brand.id)] = {"seen": brand.webhook_seen_flag_id, "unsent": list(brand.webhook_unsent or [])}
    return state


def unsent_count(brand_id: int) -> int:
    """How many of the brand's detractors wait for its webhook (what ``umot run`` says)."""
    from models.db import get_engine, session_scope
    from models.tables import Brand

    with session_scope(get_engine(), write=False) as session:
        brand = session.get(Brand, brand_id)
        return len(brand.webhook_unsent or []) if brand is not None else 0


def save_state(settled: dict[int, dict[str, Any]]) -> None:
    """Write each brand's backlog onto its row; the old file, once read, is no longer needed."""
    from models.db import get_engine, session_scope
    from models.tables import Brand

    with session_scope(get_engine()) as session:
        for brand_id, entry in settled.items():
            brand = session.get(Brand, brand_id)
            if brand is not None:
                brand.webhook_seen_flag_id, brand.webhook_unsent = entry["seen"], entry["unsent"]
    legacy_file().unlink(missing_ok=True)
