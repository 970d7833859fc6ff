"""The columns of a file ``umot score`` wrote, and which of them came from the file it was given.

Shared by the CLI that writes such a file and the training reader (nlp) that reads one back: there the
``label`` and ``stars`` columns are the model's guesses, and a reviewer's own rating is ``input_stars``.
Kept here, below both, and free of imports so that starting the CLI loads nothing heavy.
"""

from __future__ import annotations

#: The columns ``umot score`` adds to each row, in order (``umot.cli._scored_rows`` writes them)
SCORE_COLUMNS = ["label", "stars", "p_negative", "p_neutral", "p_positive", "confidence",
                 "language", "detractor", "reasons", "referral_intent", "themes", "stages", "primary_stage"]
KEPT_PREFIX = "input_"  # an input column named like an output is kept as input_<name> (input_input_<name>, ...)


def _unprefixed(column: str) -> str:
    while column.startswith(KEPT_PREFIX):
        column = column[len(KEPT_PREFIX):]
    return column


def own_columns(columns: list[str]) -> dict[str, str] | None:
    """In a file ``umot score`` wrote (ending in its :data:`SCORE_COLUMNS`, in order), the columns of the file it was given, by the
    name they had there -> their column here (a reviewer's ``stars`` is kept as ``input_stars``); None for
    any other file. Each scoring appends :data:`SCORE_COLUMNS` (an earlier round's renamed ``input_...``):
    those blocks are peeled off from the end, so a file scored twice gives the model's first stars as no rating."""
    n = len(SCORE_COLUMNS)
    if [_unprefixed(c) for c in columns[-n:]] != SCORE_COLUMNS:  # another tool's p_negative, confidence... no sign
        return None
    own = list(columns)
    while len(own) >= n and [_unprefixed(c) for c in own[-n:]] == SCORE_COLUMNS:
        own = own[:-n]
    names: dict[str, str] = {}
    for column in own:
        if column in SCORE_COLUMNS:  # outputs an edited file left out of their block: still the model's
            continue
        name = _unprefixed(column) if _unprefixed(column) in SCORE_COLUMNS else column
        names.setdefault(name, column)
    return names
