"""Themes and customer-journey stages of review texts (issue #18); see docs/themes.md.

``ThemeDetector().detect(texts, sentiments)`` returns one ``JourneyResult`` per
text: themes with their polarity, stages, the primary stage and referral intent.
"""

from nlp.themes.catalog import DEFAULT_THEME_NAMES, DEFAULT_THEMES, STAGE_NAMES, STAGES, Theme
from nlp.themes.detector import VERSION, ThemeDetector
from nlp.themes.journey import JourneyResult

__all__ = [
           "DEFAULT_THEMES",
           "DEFAULT_THEME_NAMES",
           "STAGES",
           "STAGE_NAMES",
           "VERSION",
           "JourneyResult",
           "Theme",
           "ThemeDetector",
]
