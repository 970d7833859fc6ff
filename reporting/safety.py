"""Formula-injection guard for the CSVs umot writes for people to open in a spreadsheet.

Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-``, ``@``,
tab or carriage return as a formula, so a review text such as
``=HYPERLINK("http://evil", "click")`` would become live in a brand team's
Excel. OWASP's advice is to prefix such a cell with a single quote, which shows
the text as typed and runs nothing. Guarded: the weekly export's CSVs, the
triage app's CSV download and ``umot detractors list --format csv``.

Not guarded, on purpose: ``umot crawl -o x.csv`` and ``umot score -o x.csv``
write data files that ``umot import`` and ``umot score`` read back; a ``'``
would change the review text they hold (docs/security.md says so).
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
