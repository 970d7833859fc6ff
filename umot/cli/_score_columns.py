"""The rating, title and language columns ``umot score`` reads: named by an option, else found by a known name."""

from __future__ import annotations

from pathlib import Path

from umot.cli._errors import fail

#: Column names taken without an option, in any case: `umot import`'s, less the ones other files use for
#: something else (``score``: upvotes; ``subject``: a ticket's). In a file umot score wrote, its own ``stars`` and
#: ``language`` are its predictions: the reviewer's are read from ``input_stars`` / ``input_language``
FOUND = {"rating": ("rating", "stars", "ratingvalue"), "title": ("title", "headline"),
         "language": ("language", "lang", "inlanguage")}
RATING_HELP = ("Column with a 1-5 star rating: 1-2 stars make a detractor whatever the text "
               "(default: the first column named rating, stars or ratingvalue, in any case; in umot score's own "
               "output the input_stars it kept, never its predicted stars; without one, no rating).")
TITLE_HELP = ("Column with the review's title, read before its text as the nightly run does "
              "(default: the first column named title or headline, in any case; without one, no title).")
LANGUAGE_HELP = ("Column with each review's language (en, de-DE, ...): a known one wins over the guess from the words "
                 "(default: the first column named language, lang or inlanguage, in any case; in umot score's own "
                 "output the input_language it kept; without one, guessed).")


def find_column(path: Path, columns: list[str], given: str | None, field: str) -> str | None:
    """The column ``--<field>-column`` names (refused where the file has none: its reviews would be read
    without it, exit 0), else the first whose name is one of :data:`FOUND`'s in any case. In a file umot score
    wrote (ending in ``core.scored_file.SCORE_COLUMNS``) the names are those of the file it read (:func:`core.scored_file.own_columns`):
    the model's ``stars`` is never taken for the reviewer's, whose ``input_stars`` is (scoring it again changes
    no verdict)."""
    from core.scored_file import own_columns

    if given is None:
        own = own_columns(columns)
        names = own if own is not None else {c: c for c in columns}
        return next((c for name, c in names.items() if name.strip().lower() in FOUND[field]), None)
    if given not in columns:
        fail(f"{path}: no {given!r} column (columns: {', '.join(columns) or 'none'}); check --{field}-column")
    return given
