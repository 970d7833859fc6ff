"""Lone UTF-16 surrogates out of scraped text: no UTF-8 encoder takes one.

JSON may escape one on its own (``"...great \\ud83d"``: a page's script cut an emoji
in half), and ``json`` decodes it to a code point that a review's id
(``models.identity``), the store and a JSONL line all fail to encode: kept, it
crashed its page, or the store's whole batch. The crawlers clean every value
they read through :func:`without_lone_surrogates` (JSON-LD in
``crawlers.extract.compact_nodes``, text in ``crawlers.extract.node_text`` and
``crawlers.parsers.values``).
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, and a pair split in two code points joined.

    A search first: almost no text has any, and it comes back as it is (the same object).
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
