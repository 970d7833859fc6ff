"""One rounding rule for every figure umot exports or shows: half up, on the figure as written.

Python's ``round`` and f-strings round the binary value (14.35 is stored as
14.3499…, so it read 14.3), while pandas' ``.round`` scales first and rounds half
to even (14.35 read 14.4, 2.675 read 2.68 where ``round`` gave 2.67): the same
median was 14.4 in ``summary-<week>.csv`` and 14.3 in ``benchmark-<brand>-<week>.csv``.
Here a figure is taken as the decimal it is to 15 significant digits, all a float
holds for sure (``14.35``, ``2.675``; the digits after are arithmetic noise: 100 ×
0.145 is 14.499999999999998), and a half goes away from zero, as a person rounds it.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import SupportsFloat


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
