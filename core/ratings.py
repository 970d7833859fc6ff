"""A customer's rating as people read it: on the scale it was published on.

The store keeps ``rating`` normalised to 1-5 for computing (averages, the
detractor rule, NPS) and beside it ``rating_raw`` and ``rating_scale`` as the
site showed them. Pages, exports and messages show the published value: a
hotel's "2/10", not the "1.44★" it normalises to, and a 0-5 survey's "0/5",
not the 1★ it normalises to. Reasons were written by the detractor rule with
the normalised value ("rated 1.44★"); they are shown with the published one,
so flags stored before this change read right too.
"""

from __future__ import annotations

from collections.abc import Iterable

STARS_SCALE = 5.0
SAME = 0.001  # two 2-decimal values closer than this are the same


def _published_differs(rating: float | None, raw: float | None, scale: float | None) -> bool:
    """Whether the site showed something other than the stored 1-5 rating: another scale, or five points
    from 0 (0 of 0-5 is stored as 1★, 2.5 as 3★). The stored rating is rounded to 2 decimals, so a 1-5
    value differing from it only there (4.333 stored 4.33) reads as stars, as it always did."""
    if raw is None or scale is None or scale <= 0:
        return False
    return scale != STARS_SCALE or rating is None or abs(round(raw, 2) - rating) > SAME


def rating_as_published(rating: float | None, raw: float | None = None, scale: float | None = None) -> str | None:
    """``"8/10"`` for a rating on another scale (or ``"0/5"`` from 0), ``"4★"`` on five stars, None when unrated."""
    if rating is None:
        return None
    if _published_differs(rating, raw, scale):
        return f"{raw:g}/{scale:g}"
    return f"{rating:g}★"


def reasons_as_published(
    reasons: Iterable[str], rating: float | None, raw: float | None = None, scale: float | None = None
) -> list[str]:
    """Flag reasons with ``rated 1.44★`` shown as published (``rated 2/10``); others unchanged."""
    reasons = list(reasons)
    if rating is None or not _published_differs(rating, raw, scale):
        return reasons
    written, shown = f"rated {rating:g}★", f"rated {rating_as_published(rating, raw, scale)}"
    return [reason.replace(written, shown) for reason in reasons]
