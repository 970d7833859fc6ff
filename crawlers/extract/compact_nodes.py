"""Nodes of every syntax made alike: schema.org IRIs stripped from keys and types.

extruct gives JSON-LD, microdata and RDFa each in its own shape (``https://schema.org/Review``,
``schema:Review``, ``Review``); the page's nodes are compacted here (:mod:`crawlers.extract.nodes`)
so everything downstream reads one shape, and types are named by their local name.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.extract.surrogates import without_lone_surrogates

_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:)")


def local_name(name: str) -> str:
    """``https://schema.org/Review`` or ``schema:Review`` -> ``Review``."""
    return _SCHEMA_PREFIX.sub("", name)


def node_types(node: dict) -> set[str]:
    """The node's schema.org types, without their IRI prefix."""
    raw = node.get("@type") or node.get("type") or []
    raw = raw if isinstance(raw, list) else [raw]
    return {local_name(str(t)) for t in raw if t}


def compact(value: Any) -> Any:
    """Strip schema.org IRIs from keys and types so all syntaxes look alike; JSON's strings lose
    their lone surrogates (``crawlers.extract.surrogates``: an ``@id`` with one failed the store's batch)."""
    if isinstance(value, list):
        return [compact(v) for v in value]
    if type(value) is str:  # JSON's may hold one; text parsed from HTML (ParsedText, kept) cannot
        return without_lone_surrogates(value)
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, val in value.items():
        if key == "@type":
            vals = val if isinstance(val, list) else [val]
            out[key] = [local_name(str(v)) for v in vals]
        elif key in ("@id", "@value", "@context"):
            out[key] = without_lone_surrogates(val) if type(val) is str else val
        else:
            out[local_name(key)] = compact(val)
    return out
