"""``NAME=VALUE`` options, read one way everywhere: ``umot crawl --arg/--set``, ``umot sources add --option``.

(``umot train``'s ``[FILE=]VALUE`` options are another grammar: ``umot.cli._training_data``.)
"""

from __future__ import annotations

from umot.cli._errors import fail


def name_values(pairs: list[str] | None, option: str, *, key: str = "NAME") -> dict[str, str]:
    """``["a=1", " b = x "]`` -> ``{"a": "1", "b": "x"}``; a pair without ``=`` or a name fails with one line."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            fail(f"{option} {pair!r}: expected {key}=VALUE")
        out[name.strip()] = value.strip()
    return out
