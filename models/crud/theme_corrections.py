"""Triage corrections of a review's themes (#18): validated, applied, audited, exported for training.

A correction adds or removes one theme on the review's current reading, is kept as a
``ThemeCorrection`` row (who, when, what; a polarity change as :data:`CHANGE`) and, where the review has a flag,
also as a ``FlagEvent`` ("theme"), so it shows in the flag's history beside its
status changes. ``umot train --from-db`` reads them back as training data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.crud.journeys import correction_applies, current_journeys, save_journeys
from models.crud.name_limits import NameTooLongError, check_length, shortened
from models.crud.review_locks import lock_reviews
from models.tables import Flag, FlagEvent, Review, ThemeCorrection, table_of, utcnow

ACTIONS = ("add", "remove")
CHANGE = "change"  # stored for an "add" of a theme the reading had: its polarity changed (applied as an add)
POLARITIES = ("negative", "neutral", "positive")
TRIAGE_VERSION = "triage"  # the reading a correction starts when no detector has read the review yet


class ThemeCorrectionError(ValueError):
    """A correction that cannot be applied; the message names what was wrong."""


@dataclass(frozen=True)
class CorrectionExample:
    """One corrected review as training data: its text, the themes added/removed, and each added
    theme's own polarity (a review can read delivery negative and price_value positive)."""

    text: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    polarity: dict[str, str]


def _themes_line(themes: dict[str, str]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in sorted(themes.items())) or "(none)"


def _check_changes(themes: dict[str, str], theme: str, action: str, polarity: str) -> None:
    """Refuse a correction that would leave the reading as it is: stored, it would be audited and
    exported for training as if the triager had taught something."""
    if action == "remove" and theme not in themes:
        raise ThemeCorrectionError(f"theme {theme!r} is not in the review's themes, nothing to remove "
                                   f"(its themes: {_themes_line(themes)})")
    if action == "add" and themes.get(theme) == polarity:
        raise ThemeCorrectionError(f"theme {theme!r} is already in the review's themes as {polarity}, nothing to add")


def correct_theme(session: Session, review_id: int, theme: str, action: str, *, actor: str,
                  known: Sequence[str], polarity: str | None = None) -> dict[str, str]:
    """Apply one correction and audit it; returns the review's themes afterwards. ``known``: the
    themes that may be added; one the reading still has (a brand theme removed from umot.toml,
    not yet re-read) may be removed. The reading is not cut to ``known``: the web app's list
    lacks the brand's themes while umot.toml is broken; the next detector run drops stale ones.
    A correction that changes nothing (removing a theme the reading lacks, adding one it has with
    that polarity) is refused: nothing is stored, audited or exported."""
    if action not in ACTIONS:
        raise ThemeCorrectionError(f"action {action!r}: use add or remove")
    if action == "add" and (polarity or "neutral") not in POLARITIES:
        raise ThemeCorrectionError(f"polarity {polarity!r}: use {', '.join(POLARITIES)}")
    lock_reviews(session, [review_id])  # PostgreSQL: a rescore or another triager's correction waits till we commit,
    review = session.get(Review, review_id)  # and we read the reading they committed, not the one they replaced
    if review is None:
        raise ThemeCorrectionError(f"review {review_id} not found")
    before = current_journeys(session, [review_id]).get(review_id)
    if theme not in known and not (action == "remove" and theme in (before or {}).get("themes", {})):
        raise ThemeCorrectionError(f"unknown theme {theme!r} (known: {', '.join(known)})")
    try:  # checked here: PostgreSQL refused an over-long one mid-write, SQLite kept it whole
        check_length(actor, table_of(ThemeCorrection).c.actor, f"actor {shortened(actor)}")
    except NameTooLongError as exc:
        raise ThemeCorrectionError(str(exc)) from None
    reading = before or {"themes": {}, "stages": [], "primary_stage": None, "model_version": TRIAGE_VERSION}
    _check_changes(reading["themes"], theme, action, polarity or "neutral")
    now = utcnow()
    stored = CHANGE if action == "add" and theme in reading["themes"] else action
    session.add(ThemeCorrection(review_id=review_id, brand_id=review.brand_id, theme=theme, action=stored,
                                polarity=(polarity or "neutral") if action == "add" else None, actor=actor, at=now))
    session.flush()
    save_journeys(session, [{**reading, "review_id": review_id}])  # re-applies every correction, this one included
    after: dict[str, str] = current_journeys(session, [review_id])[review_id]["themes"]  # {name: polarity}
    flag_id = session.exec(select(Flag.id).where(Flag.review_id == review_id)).first()
    if flag_id is not None:
        session.add(FlagEvent(flag_id=flag_id, actor=actor, at=now, field_name="themes",
                              old_value=_themes_line(reading["themes"]), new_value=_themes_line(after)))
    return after


def _net(actions: list[tuple[str, str]]) -> tuple[str, str] | None:
    """One theme's corrections of one review, oldest first, as one ("add" or "remove", polarity), or None.

    The last action wins, except that a theme first added and last removed was not in the reading
    before the triager added it: the removal only undoes the addition, so nothing is left to teach
    (exported as a removal, it took the theme from like texts that had it). A theme first removed,
    or first re-polarised (:data:`CHANGE`), was in the reading: its removal stays a removal, as the
    reading the triager left lacks it (exported as nothing, like texts kept the theme).
    """
    (first, _), (last, polarity) = actions[0], actions[-1]
    if last == "remove":
        return None if first == "add" else ("remove", polarity)
    return "add", polarity


def corrections_for_training(session: Session, brand_id: int) -> list[CorrectionExample]:
    """A brand's corrected reviews, net of later corrections (added then removed = neither, :func:`_net`);
    a correction made before the review's last edit was of another text and is left out."""
    per_review: dict[int, dict[str, list[tuple[str, str]]]] = {}
    texts: dict[int, str] = {}
    query = (select(ThemeCorrection, Review.title, Review.text)
             .join(Review, col(Review.id) == ThemeCorrection.review_id)
             .where(ThemeCorrection.brand_id == brand_id, correction_applies())
             .order_by(col(ThemeCorrection.id)))
    for fix, title, text in session.exec(query):
        per_review.setdefault(fix.review_id, {}).setdefault(fix.theme, []).append((fix.action, fix.polarity or "neutral"))
        texts[fix.review_id] = f"{title}\n{text}" if title and not (text or "").startswith(title) else text or ""
    out = []
    for rid, themes in per_review.items():
        fixes = {theme: net for theme, actions in themes.items() if (net := _net(actions)) is not None}
        if not fixes:
            continue  # every correction undone: the reading is the detector's again
        added = {t: p for t, (a, p) in fixes.items() if a == "add"}
        removed = tuple(t for t, (a, _) in fixes.items() if a == "remove")
        out.append(CorrectionExample(texts[rid], tuple(added), removed, added))
    return out
