"""The primary stage: the one journey stage a text is mainly about, among those it speaks of.

Most reviews are about using the product even when they mention buying or
recommending it, so ``use`` wins unless the text's themed clauses all sit in
one other moment (the journey panel counts each review once, by this stage).
"""

from __future__ import annotations

from nlp.themes.catalog import STAGE_NAMES

_NON_USE = tuple(s for s in STAGE_NAMES if s != "use")
# Themes of a failed sign-up or payment: a text naming only these, in its buying clauses, is about buying.
_BUY_THEMES = {"billing_refunds", "app_reliability", "trust_safety", "service_staff", "speed_wait"}


def primary_stage(stage_clauses: dict[str, list[int]], themed: list[int], themes: dict[str, str]) -> str:
    """The stage a text is mainly about: ``use`` unless its themed clauses all speak of one other moment.

    A text with no theme is about its first other moment ("won't get another penny from me":
    repeat); a one-clause recommendation is about referring; a sign-up or payment failure
    (reliability, billing, trust or support themes only) is about buying.
    ``stage_clauses``: stage -> indices of the clauses naming it (-1: the text as a whole);
    ``themed``: indices of the clauses naming a theme.
    """
    others = [s for s in _NON_USE if s in stage_clauses]
    if not others:
        return "use"
    if not themes:
        return min(others, key=lambda s: min((i for i in stage_clauses[s] if i >= 0), default=99))
    at = set(themed)
    if "buy" in others and at <= set(stage_clauses["buy"]) and set(themes) <= _BUY_THEMES:
        return "buy"
    for stage in ("refer", "research", "decide"):
        if stage in others and len(at) == 1 and at <= set(stage_clauses[stage]):
            return stage
    return "use"
