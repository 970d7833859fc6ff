"""The other ids an imported row without id and author may be stored under, and taking one back.

A row's id covers its cells in one canonical form, its numeric date read in the file's one
day/month order (``crawlers.import_ids``). Two kinds of import stored such a row under another id:

- an import before canonical cells, under the id of its cells as written (``3.0``,
  ``March 5, 2024``): :data:`WRITTEN_ID`;
- an import that read the file in the other day/month order, for a date that fits both
  (``05/03/2024``): the file then showed no order (read month first) and has since gained a
  ``13/05/2024``, or ``--date-order`` is given now and was not then: :data:`ORDER_IDS`.

:func:`adopt_other_ids` gives such an id back where the store holds it and not the row's own
id, so the row counts as already stored; the store keeps the review's date as first stored
(an import never moves a stored review's date).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlmodel import Session, col, select

from crawlers.import_id_cells import order_keys
from models.identity import imported_content_id
from models.tables import Review

WRITTEN_ID = "_written_content_id"  # dropped by adopt_other_ids: never stored
ORDER_IDS = "_order_content_ids"  # {order: id} under each of import_id_cells.DAY_MONTH; likewise
_CHUNK = 500  # ids per IN (...) query


def give_other_ids(row: dict[str, Any], source: str, text: str, cells: tuple[object, object], day: object,
                   stars: object) -> None:
    """Keep, in ``row``, its id over its date and rating ``cells`` as written and under each order (``day``:
    the date cell as this file's order reads it, ``stars``: the rating cell as the id covers it)."""
    row[WRITTEN_ID] = imported_content_id(source, text, *cells)
    row[ORDER_IDS] = {order: imported_content_id(source, text, key, stars) for order, key in order_keys(cells[0], day).items()}


def adopt_other_ids(session: Session, brand_id: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose own id the store lacks take back the first of their other ids it holds (as written, then
    under each order; all dropped), in place, unless another row of the file has or wants that id (no two
    rows may share one); the rows that took one."""
    others: list[tuple[dict[str, Any], list[str]]] = []
    for row in rows:
        ids = [row.pop(WRITTEN_ID, None), *row.pop(ORDER_IDS, {}).values()]
        ids = list(dict.fromkeys(i for i in ids if i is not None and i != row["external_id"]))
        if ids:
            others.append((row, ids))
    wanted = {i for row, ids in others for i in (row["external_id"], *ids)}
    held = {(source, i) for source, i, *_ in stored_reviews(session, brand_id, wanted)}
    taking: list[tuple[tuple[str, str], dict[str, Any]]] = []
    for row, ids in others:
        if (row["source"], row["external_id"]) not in held:  # its own id stored: it is that review
            taken = next((i for i in ids if (row["source"], i) in held), None)
            if taken is not None:
                taking.append(((row["source"], taken), row))
    while True:  # each pass drops a clash; a row that takes nothing keeps its own (unique) id
        takers = {id(row) for _, row in taking}
        kept = [(r["source"], r["external_id"]) for r in rows if id(r) not in takers]
        uses = Counter([*kept, *(key for key, _ in taking)])
        if all(uses[key] == 1 for key, _ in taking):
            break
        taking = [(key, row) for key, row in taking if uses[key] == 1]
    for (_, taken), row in taking:
        row["external_id"] = taken
    return [row for _, row in taking]


def stored_reviews(session: Session, brand_id: int, ids: set[str]) -> list[tuple[Any, ...]]:
    """(source, external id, published_at, rating_raw) of the brand's stored reviews with one of ``ids``."""
    wanted = sorted(ids)
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(wanted), _CHUNK):
        found.extend(session.exec(
            select(Review.source, Review.external_id, Review.published_at, Review.rating_raw).where(
                Review.brand_id == brand_id, col(Review.external_id).in_(wanted[start:start + _CHUNK])
            )
        ).all())
    return found
