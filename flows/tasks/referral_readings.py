"""The theme detector's referral intents, kept on the reviews it read (the step after scoring).

The detector reads each review's referral intent anyway; writing it back where it differs from the
stored one costs no pass of its own, and makes advocates, the ``referral_intent`` column and the
+0.1 a warning adds to a flag's severity (``flows.flagging``) follow the rules of the current
detector version instead of those of the umot that first scored the review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session

from flows.flagging import flag_reasons, severity
from nlp.themes.journey import JourneyResult


def read_intent(result: JourneyResult) -> str | None:
    """The intent as a review stores it: ``recommend``, ``warn`` or None (the detector's ``"none"``)."""
    return None if result.referral == "none" else result.referral


def write_referral_readings(session: Session, stored: Mapping[int, str | None],
                            readings: Sequence[tuple[int, JourneyResult]]) -> int:
    """Store each reading's intent where it differs from ``stored`` (review id -> intent as read from
    the store) and refresh those reviews' flags: severity and the "warns others off" reason; how many changed."""
    from models.crud.referral_readings import set_referral_intents, weighed_flags

    changed = {rid: intent for rid, result in readings if (intent := read_intent(result)) != stored.get(rid)}
    set_referral_intents(session, changed)
    for flag, p_negative, rating in weighed_flags(session, list(changed)):
        intent = changed[flag.review_id]
        flag.reasons = flag_reasons(flag.reasons, intent)
        flag.severity = severity(p_negative, rating, intent)
        session.add(flag)
    session.flush()
    return len(changed)
