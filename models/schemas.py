"""Validated shapes around the tables (the ``Create`` side of Base/Create/Public).

``ReviewCreate`` turns one crawl row (the JSONL fields) into what the review
table accepts: dates parsed or dropped, ratings numeric or dropped, strings cut
to their column length, and a content id (``models.identity``) where the site gave no id. A messy
row never stops a crawl; only a row without a ``source`` is refused. The rules
for one value are in ``models.review_fields``; dates in ``models.datetimes``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import model_validator
from sqlmodel import Field, SQLModel

from models.datetimes import parse_datetime
from models.identity import content_id
from models.replies import clean_reply
from models.review_fields import as_number, clean_str, cut_str, fit_external_id, json_safe_extra


class ReviewBase(SQLModel):
    """Fields a crawler supplies for a review."""

    source: str = Field(min_length=1, max_length=200)
    external_id: str | None = None
    url: str | None = None
    author: str | None = None
    rating: float | None = None
    rating_raw: float | None = None
    rating_scale: float | None = None
    title: str | None = None
    text: str = ""
    language: str | None = None
    referral_intent: str | None = None
    published_at: datetime | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


#: The lengths the store cuts these text columns to (their columns' lengths).
STRING_LENGTHS = {"url": 2000, "author": 300, "title": 1000, "language": 20, "referral_intent": 20}
_NUMBERS = ("rating", "rating_raw", "rating_scale")


def normalize_review_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The cleaning rules of :class:`ReviewCreate`, as a plain (fast) function.

    Raises ``ValueError`` only for a row without a usable ``source``.
    """
    source = row.get("source")
    source = clean_str(source).strip()[:200] if isinstance(source, str) else ""
    if not source:
        raise ValueError("source: missing or empty")
    text = row.get("text")
    clean: dict[str, Any] = {
        "source": source,
        "text": "" if text is None else clean_str(text).strip(),
        "published_at": parse_datetime(row.get("published_at")),
        "extra": json_safe_extra(row.get("extra")),
    }
    for name, length in STRING_LENGTHS.items():
        clean[name] = cut_str(row.get(name), length)
    for name in _NUMBERS:
        clean[name] = as_number(row.get(name))
    clean["external_id"] = fit_external_id(row.get("external_id")) or content_id(source, clean["author"], clean["text"])
    clean.update(
        clean_reply(row, where=f"{source}/{clean['external_id']}", parse_date=parse_datetime)
    )
    return clean


class ReviewCreate(ReviewBase):
    """One crawl row, cleaned for insertion (see the module docstring)."""

    @model_validator(mode="before")
    @classmethod
    def _clean(cls, data: Any) -> Any:
        return normalize_review_row(data) if isinstance(data, Mapping) else data
