"""models.crud.journey_weeks: the quotes a theme keeps, and how a review is quoted."""

from __future__ import annotations

from models.crud.journey_weeks import StageWeek, ThemeWeek, add_example, quote_text


def test_a_theme_keeps_two_different_quotes() -> None:
    week = ThemeWeek("delivery")
    for review_id, text in ((1, "late"), (2, "late"), (3, "lost"), (4, "broken")):
        add_example(week, review_id, text)
    assert week.examples == [(1, "late"), (3, "lost")]  # a re-posted text is one example


def test_a_quote_joins_title_and_text_once() -> None:
    assert quote_text("Late again", "Third time this month.") == "Late again. Third time this month."
    assert quote_text("Late again", "Late again, third time.") == "Late again, third time."
    assert quote_text("  ", " only text ") == "only text"
    assert quote_text(None, None) == ""


def test_shares_and_changes() -> None:
    theme = ThemeWeek("price", mentions=4, negative=3, positive=1, previous_mentions=6)
    assert (theme.negative_share, theme.positive_share, theme.change) == (0.75, 0.25, -2)
    gone = ThemeWeek("empty", previous_mentions=5)  # mentioned only the week before: no share this week, not 0%
    assert (gone.negative_share, gone.positive_share, gone.change) == (None, None, -5)
    stage = StageWeek("use", texts=2, negative=1)
    assert (stage.negative_share, stage.previous_negative_share) == (0.5, None)
