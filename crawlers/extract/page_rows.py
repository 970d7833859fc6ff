"""The review rows of one page, each review once: shared ids dropped, duplicates across syntaxes removed.

Order matters: an id several reviews of a page share (the page's URL as every review's
``url``, one ``@id`` on all) identifies none of them, so it is dropped first and those
reviews get content ids (the store's hash of source, author and text); dropping it after
the dedupe kept one of them under the shared id, and a later crawl stored another
person's review over it. Then one review marked up twice (JSON-LD and microdata) is
kept once: by its id, or its anchor of the page as written (``#review-5``, which one syntax
scoped to the item's link and the other to its name), else by what it says about which item
(any, where a copy names none). What it says is compared as the store compares texts
(``models.identity``: spacing and case folded; ``<p>a</p><p>b</p>`` is "a\nb" in JSON-LD and
"a\n\nb" in microdata), and a copy without a rating (stars shown as an image) says no other
thing: the kept copy takes what only the other gives (:mod:`crawlers.extract.review_copies`). Both only
between syntaxes: two rows of one syntax are one review only where they are written alike, rating too.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

from crawlers.extract.review_copies import (
    fill_missing,
    fits,
    item_of,
    page_anchor,
    said,
    same_review,
    syntax_of,
)


def content_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What a review says and of which item: two products' identical reviews are two."""
    return item_of(row), *said(row), row["rating"]


def drop_shared_ids(rows: list[dict[str, Any]]) -> None:
    """Drop an id that reviews saying different things share within one syntax.

    Within one syntax only: the same review in JSON-LD and microdata may carry one id
    with a longer text or no rating in one of them, and is still one review.
    """
    saying: dict[tuple[str, str], set[tuple[Any, ...]]] = defaultdict(set)
    for row in rows:
        if row["external_id"]:
            saying[(row["extra"].get("syntax"), row["external_id"])].add(content_key(row))
    shared = {external_id for (_, external_id), keys in saying.items() if len(keys) > 1}
    for row in rows:
        if row["external_id"] in shared:
            row["external_id"] = None


def each_review_once(rows: list[dict[str, Any]], page_url: str = "") -> list[dict[str, Any]]:
    """Rows without repeats, in their order: one row per id or per anchor of the page in several syntaxes, and an
    id-less row only where no row (with an id first, then one naming its item) says the same of the same item (a
    rating the same or missing in another syntax; in its own, written alike: :func:`same_review`). A copy that
    names no item (microdata standing alone) is the same review as one that does: the one naming it is kept. Two
    rows with two ids are two reviews, however alike, unless they are one anchor of the page (``page_url``) in
    two syntaxes."""
    by_id: dict[str, int] = {}
    by_anchor: dict[str, list[int]] = defaultdict(list)
    saying: dict[tuple[str, str], dict[int, list[dict]]] = defaultdict(dict)  # -> kept row -> its copies saying it
    kept: list[int] = []
    for index in sorted(range(len(rows)), key=lambda i: (not rows[i]["external_id"], item_of(rows[i]) is None)):
        row = rows[index]
        what, item = said(row), item_of(row)
        anchor = page_anchor(row, page_url) if row["external_id"] else None
        if row["external_id"]:
            same = by_id.get(row["external_id"])
            if same is None and anchor is not None:
                same = next((j for j in by_anchor[anchor] if syntax_of(rows[j]) != syntax_of(row)
                             and fits(item_of(rows[j]), item)), None)
        else:
            same = next((j for j, copies in saying[what].items() if same_review(copies, row)), None)
        if same is None:
            kept.append(same := index)
            if row["external_id"]:
                by_id[row["external_id"]] = index
            if anchor is not None:
                by_anchor[anchor].append(index)
        else:
            fill_missing(rows[same], row)
        saying[what].setdefault(same, []).append(row)  # a copy under the same id says it too
    return [rows[i] for i in sorted(kept)]


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
