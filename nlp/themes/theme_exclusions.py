"""Phrases blanked out of a clause before a theme's rules read it, where the theme's words mean something else.

A support that never answers is no product's answer, a thing that feels cheap says nothing of its
price, people who arrive are no delivery; each theme's rules (``nlp.themes.theme_rules``) read
the clause once these are blanked (``nlp.themes.clause_rules``).
"""

from __future__ import annotations

import re

from nlp.themes.cheap import QUALITY_PHRASE

# Phrases blanked out of a clause before a theme's rules read it: support that never answers is about the
# support, not the app's answers ("answers?" names an assistant's replies in app reviews); a thing that
# feels or looks cheap, or is of cheap plastic, says nothing of its price; people who arrive, a baby
# delivered and a reply never got back are no delivery.
EXCLUDE: dict[str, str] = {
    "product_quality": r"(?:support|agents?|staff|customer service|helpline)(?: \w+){0,3}? (?:answers?|responses?)",
    "price_value": QUALITY_PHRASE,
    "delivery": r"(?:(?:we|i)(?: (?:finally|just|first|eventually|only|all))?|(?:technician|engineer|plumber|electrician|tech|"
                r"installer|crew|guests?|doctor|nurse|paramedics?|ambulance|flight|plane)(?: \w+)?) arriv(?:ed|es|ing)|"
                r"upon our arrival|^upon arrival|labou?r (?:and|&) delivery|deliver(?:ed|y of|ing) (?:my|our|her|both|all|two|three) "
                r"(?:\w+ )?(?:baby|babies|son|daughter|kids|children|twins|child|boys?|girls?)(?!')|"
                r"never got back|(?:didn't|did not|never) (?:even )?get back",
}


def compiled_exclusions() -> dict[str, re.Pattern[str]]:
    """Theme -> the word-bounded regex of what its rules must not read (``EXCLUDE``)."""
    return {theme: re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])") for theme, pattern in EXCLUDE.items()}
