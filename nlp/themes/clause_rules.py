"""The phrase rules for themes and stages, matched against one clause in its text's context.

The same words mean different themes by context ("not working" is an app bug,
a broken product otherwise), so a text is first judged an app review or a
venue's, and a rule tagged for another context is skipped. The rules are
compiled once per detector (``theme_rules``, ``stage_rules``), for lower-cased text.
"""

from __future__ import annotations

from nlp.themes import stage_rules, theme_rules


def text_context(text: str, app: bool | None) -> tuple[bool, bool]:
    """(is_app, is_venue): ``app`` when known (an app store's review), else judged by the text's words."""
    text = text.lower()
    is_app = app if app is not None else bool(theme_rules.APP_CONTEXT.search(text))
    # place words ("noise", "clean", "music") stay off in a review of a thing, unless it also speaks of a place
    is_venue = not is_app and (bool(theme_rules.VENUE_CONTEXT.search(text))
                               or not theme_rules.PRODUCT_CONTEXT.search(text))
    return is_app, is_venue


class ClauseRules:
    """The default themes' and the stages' compiled rules; stateless per call."""

    def __init__(self) -> None:
        self._themes = theme_rules.compiled()
        self._stages, self._exclude = stage_rules.compiled()

    def themes(self, clause: str, is_app: bool, is_venue: bool) -> set[str]:
        """Default themes the clause names; the ``weak`` rules count only when no other rule matched."""
        clause = clause.lower()
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

    def stages(self, clause: str) -> list[str]:
        """Stages other than ``use`` the clause speaks of, once each stage's excluded phrases are blanked out."""
        clause = clause.lower()
        found = []
        for stage, pattern in self._stages.items():
            exclude = self._exclude.get(stage)
            text = exclude.sub(" ", clause) if exclude else clause
            if pattern.search(text):
                found.append(stage)
        return found
