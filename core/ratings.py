"""A customer's rating as people read it: on the scale it was published on.

The store keeps ``rating`` normalised to 1-5 for computing (averages, the
detractor rule, NPS) and beside it ``rating_raw`` and ``rating_scale`` as the
site showed them. Pages, exports and messages show the published value: a
hotel's "2/10", not the "1.44★" it normalises to. Reasons were written by the
detractor rule with the normalised value ("rated 1.44★"); they are shown with
the published one, so flags stored before this change read right too.
"""

from __future__ import annotations

from collections.abc import Iterable

STARS_SCALE = 5.0


def _other_scale(raw: float | None, scale: float | None) -> bool:
    return raw is not None and scale is not None and scale > 0 and scale != STARS_SCALE


def rating_as_published(rating: float | None, raw: float | None = None, scale: float | None = None) -> str | None:
    """``"8/10"`` for a rating on another scale, ``"4★"`` on five stars, None when unrated."""
    if rating is None:
        return None
    if _other_scale(raw, scale):
        return f"{raw:g}/{scale:g}"
    return f"{rating:g}★"


def reasons_as_published(
    reasons: Iterable[str], rating: float | None, raw: float | None = None, scale: float | None = None
) -> list[str]:
    """Flag reasons with ``rated 1.44★`` shown as published (``rated 2/10``); others unchanged."""
    reasons = list(reasons)
    if rating is None or not _other_scale(raw, scale):
        return reasons
    written, shown = f"rated {rating:g}★", f"rated {rating_as_published(rating, raw, scale)}"
    return [reason.replace(written, shown) for reason in reasons]
