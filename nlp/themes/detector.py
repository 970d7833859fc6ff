"""Themes (with polarity), journey stages, primary stage and referral intent for review texts.

Rules, not a network: the phrase rules of ``theme_rules`` and ``stage_rules``
run per clause, each theme takes its clause's polarity (``clauses``), brand
themes match their example phrases (``brand``) and a brand's triage corrections
override near-identical texts (``corrections``). It needs no encoder pass, so
it adds milliseconds to the nightly scoring (``python -m bench themes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from nlp.referral import referral_intent
from nlp.text import clean_text
from nlp.themes import clauses as clause_lib
from nlp.themes import stage_rules, theme_rules
from nlp.themes.brand import BrandMatcher
from nlp.themes.catalog import DEFAULT_THEME_NAMES, STAGE_NAMES, Theme
from nlp.themes.corrections import CorrectionMemory

VERSION = "themes-rules/2"
_NON_USE = tuple(s for s in STAGE_NAMES if s != "use")
# Themes whose mentions are complaints unless a clause says otherwise ("charged", "login", "privacy").
_BUY_THEMES = {"billing_refunds", "app_reliability", "trust_safety", "service_staff", "speed_wait"}
_NEGATIVE_BY_NATURE = {"billing_refunds": "negative", "app_reliability": "negative", "trust_safety": "negative"}


@dataclass
class JourneyResult:
    """What one text speaks of: themes (name -> polarity), stages, the main stage, referral intent."""

    themes: dict[str, str] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    primary_stage: str | None = None
    referral: str = "none"

    def as_dict(self) -> dict:
        return asdict(self)


class ThemeDetector:
    """Default themes plus a brand's own themes and corrections; stateless per call."""

    def __init__(self, brand_themes: Sequence[Theme] = (), corrections: CorrectionMemory | None = None) -> None:
        self._themes = theme_rules.compiled()
        self._stages, self._exclude = stage_rules.compiled()
        self._brand = BrandMatcher(brand_themes)
        self._corrections = corrections or CorrectionMemory()
        self.version = VERSION + self._brand.version_suffix() + self._corrections.version_suffix()

    @property
    def theme_names(self) -> tuple[str, ...]:
        return DEFAULT_THEME_NAMES + self._brand.names

    def detect(
        self,
        texts: Sequence[object],
        sentiments: Sequence[str | None] | None = None,
        apps: Sequence[bool | None] | None = None,
    ) -> list[JourneyResult]:
        """One result per text.

        ``sentiments`` (the scorer's labels) give clauses without a clear lexicon polarity
        one; ``apps`` says which texts are known to be about an app (reviews from an app
        store), the others are judged by their words.
        """
        sentiments = sentiments or [None] * len(texts)
        apps = apps or [None] * len(texts)
        return [self.detect_one(t, s, a) for t, s, a in zip(texts, sentiments, apps)]

    def detect_one(self, value: object, sentiment: str | None = None, app: bool | None = None) -> JourneyResult:
        text = clean_text(value)
        if not text:
            return JourneyResult()
        fallback = {"negative": "negative", "positive": "positive"}.get(sentiment or "", "neutral")
        is_app = app if app is not None else bool(theme_rules.APP_CONTEXT.search(text))
        # place words ("noise", "clean", "music") stay off in a review of a thing, unless it also speaks of a place
        is_venue = not is_app and (bool(theme_rules.VENUE_CONTEXT.search(text))
                                   or not theme_rules.PRODUCT_CONTEXT.search(text))
        pieces = clause_lib.split_clauses(text) or [text]
        scores: dict[str, float] = {}
        stage_clauses: dict[str, list[int]] = {}
        themed: list[int] = []
        for i, piece in enumerate(pieces):
            found = self._clause_themes(piece, is_app, is_venue) | self._brand.match(piece)
            score = clause_lib.polarity(piece)
            for name in found:
                scores[name] = scores.get(name, 0.0) + (score if score else 0.0)
            if found:
                themed.append(i)
            for stage in self._clause_stages(piece):
                stage_clauses.setdefault(stage, []).append(i)
        text_score = clause_lib.polarity(text)
        if not scores and abs(text_score) >= 1.5 and not theme_rules.VENUE.search(text):
            # an opinion with no named theme is about the product itself (a venue's "great place" stays general)
            scores["product_quality"] = text_score
        themes = {name: clause_lib.label(s, _NEGATIVE_BY_NATURE.get(name, fallback) if fallback == "neutral" else fallback)
                  for name, s in scores.items()}
        referral = referral_intent(text) or "none"
        if referral != "none":
            said = [i for i, piece in enumerate(pieces) if referral_intent(piece)] or [-1]
            stage_clauses["refer"] = sorted({*stage_clauses.get("refer", []), *said})
        themes = self._corrections.apply(text, themes)
        stages = [s for s in STAGE_NAMES if s == "use" or s in stage_clauses]
        return JourneyResult(themes, stages, _primary(stage_clauses, themed, themes), referral)

    def _clause_themes(self, clause: str, is_app: bool, is_venue: bool) -> set[str]:
        found: set[str] = set()
        weak: set[str] = set()
        for name, rules in self._themes.items():
            for pattern, ctx in rules:
                if (ctx == "app" and not is_app) or (ctx == "offline" and is_app) or (ctx == "venue" and not is_venue):
                    continue
                if pattern.search(clause):
                    (weak if ctx == "weak" else found).add(name)
                    if ctx != "weak":
                        break
        return found or weak

    def _clause_stages(self, clause: str) -> list[str]:
        found = []
        for stage, pattern in self._stages.items():
            exclude = self._exclude.get(stage)
            text = exclude.sub(" ", clause) if exclude else clause
            if pattern.search(text):
                found.append(stage)
        return found


def _primary(stage_clauses: dict[str, list[int]], themed: list[int], themes: dict[str, str]) -> str:
    """The stage a text is mainly about: ``use`` unless its themed clauses all speak of one other moment.

    A text with no theme is about its first other moment ("won't get another penny from me":
    repeat); a one-clause recommendation is about referring; a sign-up or payment failure
    (reliability, billing, trust or support themes only) is about buying.
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
