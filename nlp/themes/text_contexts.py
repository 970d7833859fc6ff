"""The words that tell which kind of text a review is: about an app, a place, or a product.

The theme rules are tagged by context (``nlp.themes.theme_rules``: "not working" is an app
bug but a broken product; "location" is GPS trouble in an app but a venue's place), and
``nlp.themes.clause_rules.text_context`` judges a text's context by these words. Food words
speak of a place as much as of a dish, so they are both a venue's context and a theme's rule.
"""

from __future__ import annotations

import re

# Food and drink: a venue's context, and a product's quality in texts about no app (``theme_rules``).
FOOD = (
    r"food|foods|dish(?:es)?|meal|meals|taste[sd]?|tasty|tasteless|tasting|delicious|yumm?(?:y|iest)|flavou?rs?|"
    r"bland|spicy|fresh|stale|cooked|undercooked|overcooked|raw|starters?|main course|desserts?|deserts?|buffet|"
    r"menu|cuisine|biryani|pizza|burgers?|fries|chicken|mutton|fish|paneer|kebabs?|rice|noodles|soup|sushi|rolls?|"
    r"steak|pasta|bread|dosa|idl[iy]|coffee|tea|drinks?|cocktails?|mocktails?|beer|wine|juice|sizzlers?|shawarma|"
    r"pancakes?|dim sums?|portions?|quantity|appetizers?|sauce|cheese|salad|curry|"
    r"waffles?|pastry|cake|ice cream|doughnuts?|kabab|haleem|paratha|starter|mains"
)

# The context words (``clause_rules.text_context``), for lower-cased text.
VENUE_CONTEXT = re.compile(
    rf"\b(?:place|restaurant|pub|spot|joint|cafe|café|bar|diner|bistro|eatery|outlet|hotel|room|rooms|stay|stayed|"
    rf"staff|waiters?|waitress|servers?|service|served|tables?|menu|reservations?|seated|lunch|dinner|brunch|breakfast|"
    rf"chef|owner|manager|host(?:ess)?|visit(?:ed)?|dine|dining|ambien(?:ce|ace)|ambiance|atmosphere|decor|{FOOD})\b",
)
PRODUCT_CONTEXT = re.compile(
    r"\b(?:product|item|bought|purchas\w*|amazon|arrived|works?|worked|working|battery|batteries|device|unit|"
    r"machine|returned|return it|sizes?|fits?|instructions|package|seller|speakers?|headphones|toaster|kettle|"
    r"vacuum|blender|charger|cable|phone|case|sound|volume|bluetooth|firmware|washer|dryer|fan|heater|appliance)\b",
)
VENUE = re.compile(r"\b(?:place|restaurant|pub|spot|joint|cafe|café|bar|diner|bistro|eatery|outlet|hotel)\b", re.I)

APP_CONTEXT = re.compile(
    r"\bapps?\b|application|\bupdate[sd]?\b|download|install|log ?in|sign ?(?:in|up)|iphone|ipad|android|"
    r"\bios\b|kindle|\bversion\b|uber|lyft|\bola\b|chat ?gpt|openai|\bgpt|\bai\b|facebook|netflix|evernote|ebay|"
    r"\brides?\b|drivers?|\bcabs?\b|shuttle|\bplugins?\b|website|web version|\bchat\b|\bfeatures?\b|"
    r"\bfunctions?\b|\bvpn\b|browser|transcribe|error message|subscription|\bplus\b|gpt4|gpt-4",
)
