"""A rating cell of an imported file -> the number it gives on the file's ``--scale``.

Unlike a crawl (``crawlers.extract.ratings``, which takes the first number on a
page), an import reads the WHOLE cell or refuses it, so that nothing is stored
as a guess: ``4``, ``4.5``, ``4,5`` (decimal comma), ``1e1`` (10), ``4 stars``
(one word or ``★``/``%`` after the number), ``rated 4``, ``★★★★`` (four),
``★★★☆☆`` (three of five), and ``N/M`` or ``N out of M`` when M is the scale
(``2/10`` with ``--scale 10`` is 2; with ``--scale 5`` it is refused, naming
the scale to use). ``4-5``, ``4½`` or ``4 (good)`` are refused. The file's scale runs
from ``--worst`` (default 1; 0 for an NPS-style 0-10 survey) to ``--scale``: ``0`` is
"not rated" unless the worst is 0, and any other value below the worst is refused.

A ``umot crawl -o`` file's row carries the crawl's own reading: ``rating`` (1-5),
``rating_raw`` and ``rating_scale``; such a row keeps it (:func:`crawled_rating`),
so 6 of 10 stays 6 of 10, not a "rating" of 3.22 read again on ``--scale``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from crawlers.extract.ratings import UNRATED, Rating, normalise_rating, star_glyphs

_NUMBER = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?"
_UNIT = r"(?:\s*(?:[^\W\d_]+\.?|★|⭐|%))?"
_OF = r"\s*(?:/|out\s+of|of|von|sur|de)\s*"
_CELL = re.compile(rf"(?:rated\s+)?({_NUMBER}){_UNIT}(?:{_OF}({_NUMBER}){_UNIT})?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def rating_on_scale(raw: object, scale: float) -> float:
    """The rating ``raw`` gives, between 0 and ``scale``; ``ValueError`` says why it cannot be read."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(f"rating {raw!r} is not a number")
    text = str(raw).strip()
    best: float | None = None
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif (stars := star_glyphs(text)) is not None:  # the crawl's reader, without halves
        value, best = stars
    else:
        match = _CELL.fullmatch(text)
        if match is None or not all(w.isalpha() for w in _WORD.findall(text)):  # "4½": ½ is a \w, not a letter
            raise ValueError(f"rating {raw!r} is not a number")
        value = _number(match.group(1))
        best = _number(match.group(2)) if match.group(2) else None
    if not math.isfinite(value) or (best is not None and not math.isfinite(best)):
        raise ValueError(f"rating {raw!r} is not a number")
    if best is not None and best != scale:
        raise ValueError(f"rating {raw!r} is out of {best:g}, not {scale:g} (use --scale {best:g})")
    if not 0 <= value <= scale:
        raise ValueError(f"rating {_shown(raw, value)} is outside 0-{scale:g} (use --scale)")
    return value


def _shown(raw: object, value: float) -> str:
    """``12``, or ``'1e1' (10)`` where the cell is not written as its number."""
    return f"{value:g}" if isinstance(raw, (int, float)) or str(raw).strip() == f"{value:g}" else f"{raw!r} ({value:g})"


def file_rating(raw: object, scale: float, worst: float = 1) -> Rating:
    """The rating cell ``raw`` (None or blank: unrated) on ``worst``-``scale``, mapped to 1-5;
    ``ValueError`` says why it cannot be read (a 0.5 on a 1-5 scale is refused, not stored unrated)."""
    if raw is None or not str(raw).strip():
        return UNRATED
    value = rating_on_scale(raw, scale)
    if 0 < value < worst:
        raise ValueError(f"rating {_shown(raw, value)} is below {worst:g}, the scale's worst "
                         f"(use --worst 0 for a scale from 0)")
    return normalise_rating(value, best=scale, worst=worst)


CRAWL_COLUMNS = ("rating_raw", "rating_scale")


def crawl_cells(record: Mapping[str, Any], rating: object) -> tuple[object, object] | None:
    """(``rating_raw``, ``rating_scale``) where the record has the crawl's rating (a raw value, and its
    scale unless the crawl could place none, leaving ``rating`` empty), else None: the cells go to ``extra``."""
    cells = {k.strip().lower(): v for k, v in record.items()
             if k is not None and k.strip().lower() in CRAWL_COLUMNS and v not in (None, "")}
    if "rating_raw" not in cells or ("rating_scale" not in cells and str(rating or "").strip()):
        return None
    return cells["rating_raw"], cells.get("rating_scale")


def crawled_rating(rating: object, raw: object, scale: object) -> Rating:
    """The crawl's rating as it stored it: ``rating`` on 1-5 (empty: unrated), ``raw`` and its ``scale``."""
    value, raw_n = _crawl_number("rating", rating), _crawl_number("rating_raw", raw)
    scale_n = _crawl_number("rating_scale", scale)
    if value is not None and not 1 <= value <= 5:
        raise ValueError(f"rating {value:g} is outside 1-5 (beside rating_raw, it is the crawl's 1-5 rating)")
    if scale_n is not None and scale_n <= 0:
        raise ValueError(f"rating_scale {scale_n:g} is not above 0")
    return Rating(value, raw_n, scale_n)


def _crawl_number(name: str, cell: object) -> float | None:
    """A number as ``umot crawl -o`` writes one (``6.0``; empty: None); ``ValueError`` naming ``name``."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    try:
        number = float(cell) if isinstance(cell, (str, int, float)) and not isinstance(cell, bool) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueError(f"{name} {cell!r} is not a number")
    return number
