"""One rounding rule for every figure umot exports or shows: half up, on the figure as written.

Python's ``round`` and f-strings round the binary value (14.35 is stored as
14.3499…, so it read 14.3), while pandas' ``.round`` scales first and rounds half
to even (14.35 read 14.4, 2.675 read 2.68 where ``round`` gave 2.67): the same
median was 14.4 in ``summary-<week>.csv`` and 14.3 in ``benchmark-<brand>-<week>.csv``.
Here a figure is taken as the decimal it is to 15 significant digits, all a float
holds for sure (``14.35``, ``2.675``; the digits after are arithmetic noise: 100 ×
0.145 is 14.499999999999998), and a half goes away from zero, as a person rounds it.
Shares of one whole (a sentiment split) are split by largest remainder instead
(:func:`whole_shares`): rounded each on its own, 1/1/1 read 33.3 + 33.3 + 33.3.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import SupportsFloat, TypeVar

K = TypeVar("K")


def round_half_up(value: SupportsFloat, digits: int = 0) -> float:
    """``value`` to ``digits`` decimals, half away from zero (``14.35`` -> ``14.4``, ``-3.75`` -> ``-3.8``).

    NaN and infinities come back as they are; a zero is never written ``-0.0``.
    """
    number = float(value)
    if not math.isfinite(number) or abs(number) >= 2.0**52:  # from 2**52 on a float has no fraction to round
        return number
    exact = Decimal(f"{number:.15g}").quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(exact) + 0.0  # -0.0 + 0.0 is 0.0: "-0.0" reads as a change that is not there


def figure_text(value: SupportsFloat, digits: int = 0, *, sign: bool = False) -> str:
    """``value`` written with ``digits`` decimals after :func:`round_half_up` (``sign``: ``+1.5``, ``-0.2``, ``+0``)."""
    number = round_half_up(value, digits)
    return f"{number:+.{digits}f}" if sign else f"{number:.{digits}f}"


def whole_shares(parts: Mapping[K, SupportsFloat], digits: int = 0, whole: int = 100) -> dict[K, float]:
    """Each part's share of their sum, as a part of ``whole``, to ``digits`` decimals, adding up to ``whole``.

    Largest remainder: each share is cut down to ``digits`` decimals, and the units left over go to the
    largest remainders; a tie goes to the larger part, then to the part named first (callers name the labels
    in one order, :data:`reporting.week_figures.LABELS`). Where rounding each half up adds up, the two agree.
    Give it counts: shares computed in floats carry noise in the 15th digit that decides a tie. No whole to
    split (a NaN, an infinity, a sum of 0): each part is rounded on its own.
    """
    values = [float(v) for v in parts.values()]
    if not all(map(math.isfinite, values)) or not sum(values) > 0:
        return {key: round_half_up(value, digits) for key, value in zip(parts, values, strict=True)}
    exact = [Fraction(Decimal(f"{v:.15g}")) for v in values]
    units = [part * whole * 10**digits / sum(exact) for part in exact]  # each share in units of the last decimal
    cut = [math.floor(u) for u in units]
    left = whole * 10**digits - sum(cut)
    order = sorted(range(len(units)), key=lambda i: (-(units[i] - cut[i]), -exact[i], i))
    for i in order[:left]:
        cut[i] += 1
    return {key: float(Decimal(n).scaleb(-digits)) + 0.0 for key, n in zip(parts, cut, strict=True)}
