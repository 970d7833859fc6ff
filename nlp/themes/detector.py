"""Themes (with polarity), journey stages, primary stage and referral intent for review texts.

Rules, not a network: the phrase rules of ``theme_rules`` and ``stage_rules``
run per clause (``clause_rules``), each theme takes its clause's polarity
(``theme_polarity``; a question asking for information names its themes with
no opinion: ``questions``), brand themes match their example phrases (``brand``) and
a brand's triage corrections override near-identical texts (``corrections``).
The lexicon is English: in a text known to be in another language each theme
takes the review's sentiment label, and no theme comes from the lexicon alone.
It needs no encoder pass, so it adds milliseconds to the nightly scoring
(``python -m bench themes``).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.language import guess_language, normalise_language
from nlp.referral import referral_intent
from nlp.themes import clauses as clause_lib
from nlp.themes.brand import BrandMatcher
from nlp.themes.catalog import DEFAULT_THEME_NAMES, STAGE_NAMES, Theme
from nlp.themes.clause_rules import ClauseRules, text_context
from nlp.themes.corrections import CorrectionMemory
from nlp.themes.emoji_marks import marked_text, named, unnamed
from nlp.themes.journey import JourneyResult
from nlp.themes.primary_stage import primary_stage
from nlp.themes.questions import ASKED, SAID, readings, weigh
from nlp.themes.theme_polarity import opinion_score, theme_polarities

VERSION = "themes-rules/10"


def whole_text_referral(value: object) -> str:
    """The referral intent of the whole text as the scorer reads it (``nlp.review_scoring``): the same rules on the
    same uncut text, not :func:`nlp.text.clean_text`'s head and tail, so that the themes step, which writes its reading back
    to the review, agrees with the scorer and ``umot score`` on a recommendation in the middle of a long review."""
    return referral_intent(value if isinstance(value, str) else None) or "none"


def stated_text(text: str, pieces: Sequence[str], readings: Sequence[str], mentioned: set[str]) -> str:
    """What a text that names no theme says of the product as a whole: what it says, not what it asks for
    information (``pieces`` with their ``readings``); nothing once a question named a theme (``mentioned``)."""
    if ASKED not in readings:
        return text
    return "" if mentioned else " ".join(p for p, reading in zip(pieces, readings, strict=True) if reading != ASKED)


class ThemeDetector:
    """Default themes plus a brand's own themes and corrections; stateless per call."""

    def __init__(self, brand_themes: Sequence[Theme] = (), corrections: CorrectionMemory | None = None) -> None:
        self._rules = ClauseRules()
        self._brand = BrandMatcher(brand_themes)
        self._corrections = corrections or CorrectionMemory()
        self.version = VERSION + self._brand.version_suffix() + self._corrections.version_suffix()
        self._rank = {name: i for i, name in enumerate(self.theme_names)}

    @property
    def theme_names(self) -> tuple[str, ...]:
        return DEFAULT_THEME_NAMES + self._brand.names

    def detect(
        self,
        texts: Sequence[object],
        sentiments: Sequence[str | None] | None = None,
        apps: Sequence[bool | None] | None = None,
        languages: Sequence[str | None] | None = None,
    ) -> list[JourneyResult]:
        """One result per text.

        ``sentiments`` (the scorer's labels) give clauses without a clear lexicon polarity
        one; ``apps`` says which texts are known to be about an app (reviews from an app
        store), the others are judged by their words; ``languages`` (ISO codes, as stored)
        say which are in what language, the others are guessed from their words.
        """
        sentiments = sentiments or [None] * len(texts)
        apps = apps or [None] * len(texts)
        languages = languages or [None] * len(texts)
        return [self.detect_one(t, s, a, lang) for t, s, a, lang in zip(texts, sentiments, apps, languages)]

    def detect_one(self, value: object, sentiment: str | None = None, app: bool | None = None,
                   language: str | None = None) -> JourneyResult:
        marked = marked_text(value)  # emoji names kept apart: the lexicon reads them, the rules do not
        text = named(marked)
        if not text:
            return JourneyResult()
        words = unnamed(marked)  # the guess reads the words alone: emoji names are English ("toll 👍" is German)
        english = (normalise_language(language) or guess_language(words) or "en") == "en"
        is_app, is_venue = text_context(words, app)
        referral = whole_text_referral(value)
        clauses = clause_lib.split_clauses(marked) or [marked]
        asked = readings(clauses, marked, referral) if english else [SAID] * len(clauses)  # the rules read English
        cut = [(c, reading) for clause, reading in zip(clauses, asked, strict=True)
               for c in self._rules.cut(clause, is_app, is_venue)]
        pieces, plain = [named(c) for c, _ in cut], [unnamed(c) for c, _ in cut]
        scores: dict[str, float] = {}
        mentioned: set[str] = set()  # named in a question that asks for information: no opinion of them
        stage_clauses: dict[str, list[int]] = {}
        themed: list[int] = []
        for i, (piece, words) in enumerate(zip(pieces, plain, strict=True)):
            found = self._rules.themes(words, is_app, is_venue) | self._brand.match(words)
            score = weigh(cut[i][1], opinion_score(piece, referral)) if english else 0.0  # the lexicon reads English only
            if score is None:
                mentioned |= found
            else:
                for name in sorted(found, key=self._order):  # a set's order changes with PYTHONHASHSEED
                    scores[name] = scores.get(name, 0.0) + (score if score else 0.0)
            if found:
                themed.append(i)
            for stage in self._rules.stages(words):
                stage_clauses.setdefault(stage, []).append(i)
        stated = stated_text(text, pieces, [reading for _, reading in cut], mentioned)
        themes = theme_polarities(scores, stated, sentiment, referral, lexicon=english)
        themes = {**dict.fromkeys(mentioned - themes.keys(), "neutral"), **themes}
        if themes and not themed:  # read from the text as a whole ("I recommend them!"): it is in every clause
            themed = list(range(len(pieces)))
        if referral != "none":
            said = [i for i, piece in enumerate(pieces) if referral_intent(piece)] or [-1]
            stage_clauses["refer"] = sorted({*stage_clauses.get("refer", []), *said})
        themes = self._in_order(self._corrections.apply(text, themes))
        stages = [s for s in STAGE_NAMES if s == "use" or s in stage_clauses]
        return JourneyResult(themes, stages, primary_stage(stage_clauses, themed, themes), referral)

    def _order(self, name: str) -> tuple[int, str]:
        """Catalogue order (default themes, then the brand's), names it does not know last by name."""
        return self._rank.get(name, len(self._rank)), name

    def _in_order(self, themes: dict[str, str]) -> dict[str, str]:
        """The themes in :meth:`_order`: ``umot score`` writes the same JSON whatever the hash seed."""
        return {name: themes[name] for name in sorted(themes, key=self._order)}
