"""The phrase rules for themes and stages, matched against one clause in its text's context.

The same words mean different themes by context ("not working" is an app bug,
a broken product otherwise), so a text is first judged an app review or a
venue's, and a rule tagged for another context is skipped. The rules are
compiled once per detector (``theme_rules``, ``theme_exclusions``, ``stage_rules``), for lower-cased text;
the context words are in ``text_contexts``.
"""

from __future__ import annotations

import re

from nlp.themes import clauses as clause_lib
from nlp.themes import stage_rules, text_contexts, theme_exclusions, theme_rules
from nlp.themes.emoji_marks import named, unnamed

_JOIN = re.compile(r"\s*,\s*|\s+and\s+", re.I)  # where a list of verdicts may change its mind


def text_context(text: str, app: bool | None) -> tuple[bool, bool]:
    """(is_app, is_venue): ``app`` when known (an app store's review), else judged by the text's words."""
    text = text.lower()
    is_app = app if app is not None else bool(text_contexts.APP_CONTEXT.search(text))
    # place words ("noise", "clean", "music") stay off in a review of a thing, unless it also speaks of a place
    is_venue = not is_app and (bool(text_contexts.VENUE_CONTEXT.search(text))
                               or not text_contexts.PRODUCT_CONTEXT.search(text))
    return is_app, is_venue


class ClauseRules:
    """The default themes' and the stages' compiled rules; stateless per call."""

    def __init__(self) -> None:
        self._themes = theme_rules.compiled()
        self._theme_exclude = theme_exclusions.compiled_exclusions()
        self._stages, self._exclude = stage_rules.compiled()

    def themes(self, clause: str, is_app: bool, is_venue: bool, weak_rules: bool = True) -> set[str]:
        """Default themes the clause names, once each theme's excluded phrases are blanked out;
        the ``weak`` rules count only when no other rule matched (and ``weak_rules`` is on).
        A rule must match the clause as written and as blanked: the blanking is done only for a rule that matched."""
        clause = clause.lower()
        found: set[str] = set()
        weak: set[str] = set()
        for name, rules in self._themes.items():
            exclude = self._theme_exclude.get(name)
            blanked = None
            for pattern, ctx in rules:
                if (ctx == "app" and not is_app) or (ctx == "offline" and is_app) or (ctx == "venue" and not is_venue) \
                        or (ctx == "weak" and not weak_rules) or not pattern.search(clause):
                    continue
                if exclude is not None:
                    blanked = exclude.sub(" ", clause) if blanked is None else blanked
                    if not pattern.search(blanked):
                        continue
                (weak if ctx == "weak" else found).add(name)
                if ctx != "weak":
                    break
        return found or weak

    def cut(self, clause: str, is_app: bool, is_venue: bool) -> list[str]:
        """The clause cut again at a comma or "and" between two verdicts of opposite sign, each on a theme:
        "Great pizza, terrible delivery" gives each theme its own ("Food, ambience and service, is awesome"
        stays whole). ``clause``: as ``clauses.split_clauses`` cut it, emoji names marked (``emoji_marks``)."""
        parts = _JOIN.split(clause)
        if len(parts) == 1:
            return [clause]
        out = [parts[0]]
        for join, part in zip(_JOIN.findall(clause), parts[1:], strict=True):
            if self._opposed(out[-1], part, is_app, is_venue):
                out.append(part)
            else:
                out[-1] += join + part
        return out

    def _opposed(self, left: str, right: str, is_app: bool, is_venue: bool) -> bool:
        """Clear lexicon verdicts of opposite sign, each on a theme its side names (a ``weak`` rule's is none)."""
        verdicts = {clause_lib.label(clause_lib.polarity(named(side))) for side in (left, right)}
        return verdicts == {"positive", "negative"} and all(
            self.themes(unnamed(side), is_app, is_venue, weak_rules=False) for side in (left, right))

    def stages(self, clause: str) -> list[str]:
        """Stages other than ``use`` the clause speaks of, once each stage's excluded phrases are blanked out."""
        clause = clause.lower()
        found = []
        for stage, pattern in self._stages.items():
            exclude = self._exclude.get(stage)
            if pattern.search(clause) and (exclude is None or pattern.search(exclude.sub(" ", clause))):
                found.append(stage)
        return found
