"""The default source of a gzip'd import file, kept where the store already holds the old one.

``umot import a.csv.gz`` files its rows under ``import:a.csv`` (``importer.default_name``),
so the file and its gzip'd copy are one source. Imports before that filed them under
``import:a.csv.gz``: where the brand's stored reviews are there and none under the new
name, the rows keep the old name, so importing the same file again adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from crawlers.importer import default_name
from models.tables import Review


def keep_stored_gz_source(session: Session, brand_id: int, rows: Sequence[dict[str, Any]], file: Path) -> None:
    """Rows of ``file`` under its default source take ``import:<name>.gz`` instead (in place) where only
    that name is stored for the brand."""
    old, new = f"import:{file.name}", f"import:{default_name(file)}"
    if old == new or not any(row["source"] == new for row in rows):
        return

    def stored(source: str) -> bool:
        query = select(Review.id).where(Review.brand_id == brand_id, Review.source == source).limit(1)
        return session.exec(query).first() is not None

    if stored(old) and not stored(new):
        for row in rows:
            if row["source"] == new:
                row["source"] = old
