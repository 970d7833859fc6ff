"""Schema.org reviews in a page's JSON-LD: the fallback of the Trustpilot and Yelp parsers.

Pages that lack a site's own embedded data often still carry schema.org markup
for search engines; extruct reads the blocks and this picks out the reviews.
"""

from __future__ import annotations

from typing import Any

from crawlers.extract.graph import ReviewGraph
from crawlers.parsers.common import ParseError
from crawlers.parsers.json_data import walk_dicts


def json_ld_reviews(html: str, url: str) -> tuple[list[dict[str, Any]], ReviewGraph]:
    """Every schema.org review in a page's JSON-LD: ``Review`` nodes and the items of
    any ``review`` property (sites often leave their ``@type`` out), in page order; and the
    graph of those blocks, which resolves an author given by ``@id`` (read once for both)."""
    import extruct  # slow import: only pages that need the JSON-LD fallback pay for it

    try:
        blocks = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    except Exception as exc:  # extruct raises whatever its parsers raise
        raise ParseError(f"JSON-LD could not be read ({exc})") from None
    found: list[dict[str, Any]] = []
    for node in walk_dicts(blocks):
        candidates = [node] if _has_type(node, "Review") else []
        listed = node.get("review")
        candidates += [r for r in (listed if isinstance(listed, list) else [listed]) if isinstance(r, dict)]
        for review in candidates:
            has_content = review.get("reviewBody") or review.get("description") or review.get("reviewRating")
            if has_content and not any(review is seen for seen in found):
                found.append(review)
    return found, ReviewGraph([("json-ld", block) for block in blocks])


def _has_type(node: dict[str, Any], type_: str) -> bool:
    types = node.get("@type")
    return type_ in types if isinstance(types, list) else types == type_
