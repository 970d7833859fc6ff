"""Formula-injection guard for every CSV umot writes.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``,
tab or carriage return as a formula, so a review text such as
``=HYPERLINK("http://evil", "click")`` would become live in a brand team's
Excel. OWASP's advice is to prefix such a cell with a single quote, which shows
the text as typed and runs nothing. The triage app's CSV download reuses this.
"""

from __future__ import annotations

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """Return ``value`` with a leading ``'`` if it is text a spreadsheet would run.

    Only strings are touched: numbers (a negative rating change such as -1.5)
    stay numbers; ``None`` and other types pass through unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
