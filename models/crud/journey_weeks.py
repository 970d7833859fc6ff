"""One window's theme and journey-stage figures (#18), as ``models.crud.journey_stats`` fills them in.

The records the overview, the CSVs and the nightly report read, with the shares
and changes they show derived from the counts; and the rule by which a theme
keeps its quotes, so every view shows the same examples.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ThemeWeek:
    """One theme in one window: mentions, polarity shares, change vs the window before, an example."""

    theme: str
    mentions: int = 0
    negative: int = 0
    positive: int = 0
    previous_mentions: int = 0
    example_review_id: int | None = None
    examples: list[tuple[int, str]] = field(default_factory=list)  # (review id, text) of negative mentions

    @property
    def negative_share(self) -> float | None:
        """``None`` for a theme not mentioned in the window (only the window before): no data, not 0%."""
        return self.negative / self.mentions if self.mentions else None

    @property
    def positive_share(self) -> float | None:
        return self.positive / self.mentions if self.mentions else None

    @property
    def change(self) -> int:
        return self.mentions - self.previous_mentions


@dataclass
class StageWeek:
    """One journey stage in one window: texts, share negative, and the window before."""

    stage: str
    texts: int = 0
    negative: int = 0
    previous_texts: int = 0
    previous_negative: int = 0

    @property
    def negative_share(self) -> float:
        return self.negative / self.texts if self.texts else 0.0

    @property
    def previous_negative_share(self) -> float | None:
        return self.previous_negative / self.previous_texts if self.previous_texts else None


def add_example(week: ThemeWeek, review_id: int, text: str) -> None:
    """Keep two quotes per theme, two different texts (a re-posted review is one example)."""
    if len(week.examples) < 2 and all(text != t for _, t in week.examples):
        week.examples.append((review_id, text))


def quote_text(title: str | None, text: str | None) -> str:
    """A review as quoted: its title, then its text (only the text where it already starts with the title)."""
    title, text = (title or "").strip(), (text or "").strip()
    return f"{title}. {text}" if title and not text.startswith(title) else text
