"""A rating cell of an imported file -> the number it gives on the file's ``--scale``.

Unlike a crawl (``crawlers.extract.ratings``, which takes the first number on a
page), an import reads the WHOLE cell or refuses it, so that nothing is stored
as a guess: ``4``, ``4.5``, ``4,5`` (decimal comma), ``1e1`` (10), ``4 stars``
(one word or ``★``/``%`` after the number), ``rated 4``, ``★★★★`` (four),
``★★★☆☆`` (three of five), and ``N/M`` or ``N out of M`` when M is the scale
(``2/10`` with ``--scale 10`` is 2; with ``--scale 5`` it is refused, naming
the scale to use). ``4-5``, ``4½`` or ``4 (good)`` are refused.
"""

from __future__ import annotations

import math
import re

from crawlers.extract.ratings import star_glyphs

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
        shown = f"{value:g}" if isinstance(raw, (int, float)) or text == f"{value:g}" else f"{raw!r} ({value:g})"
        raise ValueError(f"rating {shown} is outside 0-{scale:g} (use --scale)")
    return value
