"""Does a page declare a schema.org Review? A byte scan, no parsing.

For pages the site says did not change since the last crawl (a 304, see
``crawlers.httpcache``): one that declares reviews was read then and its
reviews stored, so it is skipped without loading the extractor; one that does
not is a hub whose links are followed again. The scan looks for a Review type
(:data:`crawlers.extract.schemaorg.REVIEW_TYPES`) declared in any of the three
syntaxes the extractor reads: JSON-LD ``"@type"``, microdata ``itemtype``,
RDFa ``typeof``.
"""

from __future__ import annotations

import re

_TYPE = rb"(?:User|Critic|Employer|Media)?Review"
_DECLARED = re.compile(
    rb'"@type"\s*:\s*(?:\[[^\]]*?)?"(?:https?://schema\.org/|schema:)?' + _TYPE + rb'"'
    rb"|itemtype\s*=\s*[\"'][^\"']*schema\.org/" + _TYPE + rb"\b"
    rb"|typeof\s*=\s*[\"'][^\"']*\b(?:schema:)?" + _TYPE + rb"\b",
    re.IGNORECASE,
)


def declares_reviews(body: bytes) -> bool:
    """True when the page declares at least one schema.org Review (any syntax)."""
    return _DECLARED.search(body) is not None
