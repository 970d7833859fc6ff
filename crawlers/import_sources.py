"""The default source of a gzip'd import file, kept where the store already holds the old one.

``umot import a.csv.gz`` files its rows under ``import:a.csv`` (``importer.default_name``),
so the file and its gzip'd copy are one source. Imports before that filed them under
``import:a.csv.gz``: where the brand's stored reviews are there and none under the new
name, the file's rows are made under the old name (their ids, which cover the source, too),
so importing the same file again adds nothing.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from crawlers.importer import default_name
from models.tables import Review


def stored_gz_source(session: Session, brand_id: int, file: Path) -> str | None:
    """``import:<name>.gz`` when only that name of ``file``'s default source is stored for the brand; else None."""
    old, new = f"import:{file.name}", f"import:{default_name(file)}"
    if old == new:
        return None

    def stored(source: str) -> bool:
        query = select(Review.id).where(Review.brand_id == brand_id, Review.source == source).limit(1)
        return session.exec(query).first() is not None

    return old if stored(old) and not stored(new) else None
