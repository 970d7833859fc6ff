"""Ratings as published -> a 1-5 scale.

Rules (also in the README):

- values may be numbers or strings: ``4``, ``"4.5"``, ``"4,5"``, ``"4.5 stars"``, ``"8/10"``, ``"4.5e1"`` (45),
  ``"3½"`` (3.5), or star glyphs as ``umot import`` reads them (:func:`star_glyphs`):
  ``"★★★"`` is 3, ``"★☆☆☆☆"`` is 1 of 5 (the empty stars give the scale), ``"★★★★½"`` 4.5;
- ``bestRating``/``worstRating`` give the scale; without ``bestRating`` the scale is
  5 when the value is <= 5, else 10 when <= 10, else 100 (a value above 100
  cannot be placed and stays unrated); ``worstRating`` defaults to 1
  (schema.org's default), to 0 on an inferred 100 scale;
- ``0`` means "not rated" unless the page says ``worstRating`` is 0;
- the value maps linearly: worst -> 1, best -> 5, rounded to 2 decimals;
  a value outside [worst, best] stays unrated (the raw value is kept).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_NUM = r"\d+(?:[.,]\d+|½)?"  # "3½" is 3.5
# "4.5e1" is 45, "1e308" far out of scale: read as digits only they were 4.5 and 1
_NUMBER = re.compile(rf"[-+]?(?:\d+(?:[.,]\d+)?[eE][-+]?\d+|{_NUM})")
_FRACTION = re.compile(rf"^\s*([-+]?{_NUM})\s*(?:/|out of|of|von|sur|de)\s*({_NUM})")
_STARS = frozenset("★☆")


@dataclass(frozen=True)
class Rating:
    """A normalised rating: ``value`` on 1-5 (None = unrated), ``raw`` as published, ``scale`` its best."""

    value: float | None
    raw: float | None
    scale: float | None


UNRATED = Rating(None, None, None)


def _float(text: str) -> float:
    return float(text.replace(",", ".").replace("½", ".5"))


def star_glyphs(text: str, *, halves: bool = False) -> tuple[float, float | None] | None:
    """``"★★★☆☆"`` -> (3, 5), ``"★★★"`` -> (3, None); None unless the text is star glyphs only (spaces aside).

    The filled stars are the value; empty ones, where there are any, make the
    glyphs the scale. With ``halves`` (a crawl) one ``½`` adds half a star
    (``"★★★★½"``); ``umot import`` (``crawlers.import_ratings``) refuses it.
    """
    glyphs = text.strip().replace(" ", "")
    allowed = _STARS | {"½"} if halves else _STARS
    if not glyphs or not set(glyphs) <= allowed or glyphs.count("½") > 1 or not set(glyphs) & _STARS:
        return None
    value = glyphs.count("★") + 0.5 * glyphs.count("½")
    return value, (float(len(glyphs)) if "☆" in glyphs else None)


def parse_number(value: object) -> float | None:
    """``4`` / ``"4.5"`` / ``"4,5"`` / ``" 4.5 stars"`` -> float; None when no number is there."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):  # {"@value": "4"} from RDFa/JSON-LD expansion
        return parse_number(value.get("@value"))
    if isinstance(value, (list, tuple)):
        return parse_number(value[0]) if value else None
    if (stars := star_glyphs(str(value), halves=True)) is not None:
        return stars[0]
    match = _NUMBER.search(str(value))
    if not match:
        return None
    number = _float(match.group(0))
    return number if math.isfinite(number) else None  # "1e999"


def _fraction(value: object) -> tuple[float, float] | None:
    """(value, scale) that a string states itself: ``"8/10"``, ``"4 out of 5"``, ``"★☆☆☆☆"``."""
    if not isinstance(value, str):
        return None
    stars = star_glyphs(value, halves=True)
    if stars is not None:
        return (stars[0], stars[1]) if stars[1] is not None else None
    match = _FRACTION.match(value)
    if not match:
        return None
    return _float(match.group(1)), _float(match.group(2))


def normalise_rating(value: object, best: object = None, worst: object = None) -> Rating:
    """Map a published rating to 1-5 (see the module docstring for the rules)."""
    raw = parse_number(value)
    best_n = parse_number(best)
    worst_n = parse_number(worst)
    fraction = _fraction(value)
    if fraction and best_n is None:
        raw, best_n = fraction
    if raw is None:
        return UNRATED
    if raw == 0 and worst_n != 0:
        return Rating(None, raw, best_n)
    if best_n is None:
        if raw <= 5:
            best_n = 5.0
        elif raw <= 10:
            best_n = 10.0
        elif raw <= 100:
            best_n = 100.0
            worst_n = 0.0 if worst_n is None else worst_n
        else:
            return Rating(None, raw, None)
    if worst_n is None:
        worst_n = 1.0
    if best_n <= worst_n or not (worst_n <= raw <= best_n):
        return Rating(None, raw, best_n)
    scaled = 1.0 + (raw - worst_n) * 4.0 / (best_n - worst_n)
    return Rating(round(scaled, 2), raw, best_n)
