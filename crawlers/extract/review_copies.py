"""Two copies of one review (JSON-LD and microdata on one page): what they are compared by, and what the kept
copy takes from the other (:func:`crawlers.extract.page_rows.each_review_once`).

Syntaxes read one review differently: ``<p>a</p><p>b</p>`` is "a\nb" in JSON-LD and "a\n\nb" in microdata, so
texts are compared as the store compares them for a content id (``models.identity``: NFKC, case and spacing
folded); a copy showing its stars as an image has no rating, which is no difference; and an anchor id
(``#review-5``) is scoped to the item's link in a syntax that gives one and to its name in one that does not.
Within one syntax none of that holds: two rows of one syntax are one review only as written alike, rating too
(an unrated "Great" beside a 5-star "Great" by one "Verified buyer" is another buyer's, with its own reply).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag

from crawlers.extract.review_ids import RELATIVE_ID
from models.identity import brand_key

#: Fields a copy of a review may lack and another give, each group taken whole from one copy.
FILLED = (("rating", "rating_raw", "rating_scale"), ("title",), ("published_at",), ("language",),
          ("reply_text", "reply_author", "replied_at"))


def said(row: dict[str, Any]) -> tuple[str, str]:
    """Its author and the start of its text, folded as the store folds them for a content id (a whitespace
    run is at most two characters after ``node_text``: 600 give the first 300 folded)."""
    return brand_key(row["author"] or ""), brand_key((row["text"] or "")[:600])[:300]


def page_anchor(row: dict[str, Any], page_url: str) -> str | None:
    """The row's id as an anchor of its page as written (``#review-5``), however it was scoped: the item's name
    where the syntax gave no link to the item, the item's link (the page's own: no relative id kept) where it did."""
    written = row["extra"].get(RELATIVE_ID)
    if written is not None:
        return written if written.startswith("#") else None
    base, fragment = urldefrag(row["external_id"] or "")
    return f"#{fragment}" if fragment and base == urldefrag(page_url)[0] else None


def fill_missing(kept: dict[str, Any], copy: dict[str, Any]) -> None:
    """What only the dropped copy gives (its rating, title, date, language, reply), into the kept one."""
    for group in FILLED:
        if kept.get(group[0]) in (None, "") and copy.get(group[0]) not in (None, ""):
            kept.update((key, copy.get(key)) for key in group)


def fits(mine: Any, other: Any) -> bool:
    """Is a value the same as another, where one missing is no difference (no item named, no rating)?"""
    return mine is None or other is None or mine == other


def same_review(copies: list[dict[str, Any]], row: dict[str, Any]) -> bool:
    """Is ``row`` (which says what they say, folded) one more copy of the review ``copies`` are? Each copy of
    another syntax names no other item and gives no other rating; one of its own syntax is written the same."""
    return all(fits(item_of(copy), item_of(row)) and (_as_written(copy) == _as_written(row)
                                                      if syntax_of(copy) == syntax_of(row)
                                                      else fits(copy["rating"], row["rating"]))
               for copy in copies)


def _as_written(row: dict[str, Any]) -> tuple[Any, ...]:
    return row["author"], (row["text"] or "")[:300], row["rating"]


def syntax_of(row: dict[str, Any]) -> Any:
    """Which syntax the row was read from (``json-ld``, ``microdata``, ``rdfa``)."""
    return row["extra"].get("syntax")


def item_of(row: dict[str, Any]) -> Any:
    """The name of the item the row reviews, None where its copy named none."""
    return row["extra"].get("item_reviewed")
