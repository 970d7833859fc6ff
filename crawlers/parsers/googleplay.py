"""Google Play app reviews: the page's ``AF_initDataCallback`` blocks and ``batchexecute`` answers.

Google publishes no review API for other people's apps, so this follows what
the Play web app itself does; the format is undocumented and may change. The
requests are built in :mod:`crawlers.parsers.googleplay_requests`, and the
review arrays read in :mod:`crawlers.parsers.googleplay_reviews`.

* The details page embeds its data as
  ``AF_initDataCallback({key: 'ds:N', hash: '..', data: [...], sideChannel: {}});``
  script blocks; one of them holds a list of reviews.
* A ``batchexecute`` answer is ``)]}'`` then ``[["wrb.fr", "UsvDTd", "<payload JSON>", ...], ...]``;
  payload ``[0]`` is the review list and the continuation token is the string
  at the end of a later element (``[null, "token"]``), absent on the last page. An app with no
  reviews has a null payload; an error (a request Google no longer understands) has a null payload
  too, with HTTP 200, but a status code at ``[5]`` (``[3]``): that one is a parse error, not "no reviews".
"""

from __future__ import annotations

import json
import re
from typing import Any

from crawlers.parsers.common import ParsedPage, ParseError
from crawlers.parsers.googleplay_requests import RPC_ID, app_id_of
from crawlers.parsers.googleplay_reviews import find_reviews, review_problem, review_row
from crawlers.parsers.json_data import dig, load_json

_BLOCK_RE = re.compile(r"AF_initDataCallback\(\s*\{(.*?)\}\s*\)\s*;?\s*</script", re.DOTALL)
_DATA_RE = re.compile(r"\bdata\s*:\s*(.*?),\s*sideChannel\s*:", re.DOTALL)
_KEY_RE = re.compile(r"\bkey\s*:\s*'([^']*)'")


def parse_page(body: bytes | str, url: str) -> ParsedPage:
    """Reviews embedded in a details page's ``AF_initDataCallback`` blocks."""
    html = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    blocks = _BLOCK_RE.findall(html)
    if not blocks:
        raise ParseError("Google Play page has no AF_initDataCallback blocks")
    app_id = app_id_of(url)
    for block in blocks:
        match = _DATA_RE.search(block)
        if not match:
            continue
        try:
            data = json.loads(match.group(1))
        except ValueError:
            key = _KEY_RE.search(block)
            raise ParseError(
                f"Google Play block {key.group(1) if key else '?'} holds invalid JSON"
            ) from None
        found = find_reviews(data)
        if found is not None:
            key = _KEY_RE.search(block)
            return _page(found, url, app_id, f"block {key.group(1) if key else '?'}")
    return ParsedPage(reviews=[])


def parse_batch(body: bytes | str, url: str, app_id: str | None = None) -> ParsedPage:
    """Reviews and the continuation token of one ``batchexecute`` answer."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = text.lstrip()
    if text.startswith(")]}'"):
        text = text[4:]
    envelope = load_json(text, "Google Play batchexecute answer")
    entry = next(
        (e for e in envelope if isinstance(e, list) and e[:2] == ["wrb.fr", RPC_ID]), None
    ) if isinstance(envelope, list) else None
    if entry is None:
        raise ParseError(f"Google Play batchexecute answer has no {RPC_ID} result")
    status = dig(entry, 5, 0)
    if isinstance(status, int) and not isinstance(status, bool):  # [..., null, [3], "generic"]: an error
        raise ParseError(f"Google Play {RPC_ID} answered error status {status} (the request's format may "
                         "have changed)")
    if not isinstance(dig(entry, 2), str):
        return ParsedPage(reviews=[])  # no reviews at all: Google answers null, with no status
    payload = load_json(entry[2], f"Google Play {RPC_ID} payload")
    items = dig(payload, 0) or []
    if not isinstance(items, list):
        raise ParseError(f"Google Play {RPC_ID} payload has no review list")
    page = _page(items, url, app_id, f"{RPC_ID} answer")
    token = None
    for element in payload[1:] if isinstance(payload, list) else []:
        if isinstance(element, list) and element and isinstance(element[-1], str):
            token = element[-1]
    page.next_token = token if page.reviews else None
    return page


def _page(items: list[Any], url: str, app_id: str | None, where: str) -> ParsedPage:
    """The rows of the review arrays in ``items``; each array that is no review is skipped, saying why."""
    page = ParsedPage()
    for index, item in enumerate(items):
        problem = review_problem(item)
        if problem is None:
            page.reviews.append(review_row(item, url, app_id))
        else:
            page.skipped.append(f"Google Play {where}, item {index}: {problem}")
    return page
