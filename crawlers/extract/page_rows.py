"""The review rows of one page, each review once: shared ids dropped, duplicates across syntaxes removed.

Order matters: an id several reviews of a page share (the page's URL as every review's
``url``, one ``@id`` on all) identifies none of them, so it is dropped first and those
reviews get content ids (the store's hash of source, author and text); dropping it after
the dedupe kept one of them under the shared id, and a later crawl stored another
person's review over it. Then one review marked up twice (JSON-LD and microdata) is
kept once: by its id, else by what it says about which item (any, where a copy names none).
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any


def content_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a review says and of which item: two products' identical reviews are two."""
    return row["extra"].get("item_reviewed"), row["author"], (row["text"] or "")[:300], row["rating"]


def drop_shared_ids(rows: list[dict[str, Any]]) -> None:
    """Drop an id that reviews saying different things share within one syntax.

    Within one syntax only: the same review in JSON-LD and microdata may carry one id
    with a longer text or no rating in one of them, and is still one review.
    """
    said: dict[tuple[str, str], set[tuple[Any, ...]]] = defaultdict(set)
    for row in rows:
        if row["external_id"]:
            said[(row["extra"].get("syntax"), row["external_id"])].add(content_key(row))
    shared = {external_id for (_, external_id), keys in said.items() if len(keys) > 1}
    for row in rows:
        if row["external_id"] in shared:
            row["external_id"] = None


def each_review_once(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without repeats, in their order: one row per id, and an id-less row only where no row
    (with an id first, then one naming its item) says the same of the same item. A copy that names
    no item (microdata standing alone) is the same review as one that does: the richer is kept.
    Two rows with two ids are two reviews, however alike."""
    by_id: set[str] = set()
    said: dict[tuple[Any, ...], set[Any]] = defaultdict(set)  # what rows say -> of which items (None: of none)
    kept: list[int] = []
    for index in sorted(range(len(rows)), key=lambda i: (not rows[i]["external_id"], _item(rows[i]) is None)):
        row = rows[index]
        item, *said_what = content_key(row)
        what = tuple(said_what)
        if row["external_id"]:
            said[what].add(item)  # a copy under the same id says it too
            if row["external_id"] in by_id:
                continue
            by_id.add(row["external_id"])
        elif said[what] and (item is None or item in said[what] or None in said[what]):
            continue
        said[what].add(item)
        kept.append(index)
    return [rows[i] for i in sorted(kept)]


def _item(row: dict[str, Any]) -> Any:
    return row["extra"].get("item_reviewed")


def rdfa_in_page_order(rows: list[dict[str, Any]], html: str | bytes) -> None:
    """Put RDFa reviews back in the page's order, which the RDFa parser's graph does not keep.

    rdflib returns a node's values as a set, so a product's reviews came out in a different
    order from one process to the next. Each is placed where its text's first line (else its id)
    first appears in the page; one not found keeps its place after those found.
    """
    slots = [i for i, row in enumerate(rows) if row["extra"].get("syntax") == "rdfa"]
    if len(slots) < 2:
        return
    page = html if isinstance(html, str) else html.decode("utf-8", "replace")

    def position(row: dict[str, Any]) -> int:
        text = (row["text"] or "").split("\n", 1)[0][:40]
        for needle in (text, escape(text, quote=False), escape(text), row["external_id"] or ""):
            at = page.find(needle) if needle else -1
            if at >= 0:
                return at
        return len(page)

    ordered = sorted((rows[i] for i in slots), key=position)  # stable: ties keep their order
    for i, row in zip(slots, ordered, strict=True):
        rows[i] = row
