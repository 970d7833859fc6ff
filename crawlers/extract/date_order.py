"""Whose day/month order a numeric date follows: ``05/03/2024`` is 5 March on a ``fr``, ``de``
or ``en-GB`` page and May 3 on an ``en-US`` one, from dateparser's locale data.

A dotted date with its year last (``12.03.2024``) is day first whatever the language:
no locale writes it month first, and a German page without ``<html lang>``, or whose
template says ``lang="en"``, stored it as 2024-12-03 (:func:`text_order`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.language import normalise_language

ORDERS = ("DMY", "MDY", "YMD")
#: A dotted numeric date with its year last (``12.03.2024``, ``5. 3. 24``, ``12.3.2024.``); not ``2024.03.05``.
_DOTTED = re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(\d{4}|\d{2})(?!\d)")


@lru_cache(maxsize=256)
def date_order(language: str | None) -> str | None:
    """``"DMY"``, ``"MDY"`` or ``"YMD"`` for a language tag (``fr``, ``en_GB``, ``pt-BR``), or for the order
    itself (an import file's one order for all its rows: ``crawlers.import_date_order``); None if unknown."""
    if language in ORDERS:
        return language
    parts = [p for p in re.split(r"[-_]", (language or "").strip()) if p]
    if not parts or not parts[0].isalpha():
        return None
    from dateparser.languages.loader import default_loader

    lang = parts[0].lower()
    region = [f"{lang}-{p.upper() if len(p) <= 3 else p.title()}" for p in parts[1:2]]
    for shortname in [*region, lang]:  # the region's order, else the language's
        try:
            order = default_loader.get_locale(shortname).info.get("date_order")
        except (ValueError, StopIteration, ImportError):
            continue
        if order:
            return str(order)
    return None


def date_language(declared: str | None, page: str | None) -> str | None:
    """Whose day/month order a review's dates follow: its declared language, else the page's.

    The page's wins when it only adds a region to the declared one (``inLanguage``
    ``en`` on an ``en-GB`` page), since the region is what decides the order, and when the
    declared one is no language tag (``"English"``): its order is unknown, the page's is not.
    """
    if declared and normalise_language(declared) is None:
        declared = None
    if declared and page and re.split(r"[-_]", page)[0].lower() == declared.strip().lower():
        return page
    return declared or page


def text_order(text: str, language: str | None) -> str | None:
    """The order ``text``'s numeric date is read in: ``language``'s (:func:`date_order`), but day
    first for a dotted date with its year last, unless a year-first language may mean a two-digit
    year first (Korean ``24.03.05``). An order given as such (an import file's, decided from its own
    dates by ``crawlers.import_date_order``) is kept: it says how that file writes its dates."""
    order = date_order(language)
    if language in ORDERS or (dotted := _DOTTED.search(text)) is None:
        return order
    return order if order == "YMD" and len(dotted.group(1)) == 2 else "DMY"
