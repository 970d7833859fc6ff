"""Google Play app reviews: the page's ``AF_initDataCallback`` blocks and ``batchexecute``.

Google publishes no review API for other people's apps, so this follows what
the Play web app itself does; the format is undocumented and may change.

* The details page ``https://play.google.com/store/apps/details?id={app}&hl={lang}&gl={country}``
  embeds its data as ``AF_initDataCallback({key: 'ds:N', hash: '..', data: [...], sideChannel: {}});``
  script blocks; one of them holds a list of reviews.
* Further reviews, newest first, come from ``POST /_/PlayStoreUi/data/batchexecute``
  with form field ``f.req`` = ``[[["UsvDTd", "<inner JSON>", null, "generic"]]]``,
  inner = ``[null, null, [2, 2, [count, null, token], null, []], [app_id, 7]]``
  (sort 2 = newest). The answer is ``)]}'`` then ``[["wrb.fr", "UsvDTd", "<payload JSON>", ...], ...]``;
  payload ``[0]`` is the review list and the continuation token is the string
  at the end of a later element (``[null, "token"]``), absent on the last page.

A review is a positional array: ``[0]`` id, ``[1][0]`` author, ``[2]`` stars,
``[4]`` text, ``[5][0]`` epoch seconds, ``[6]`` thumbs-up count,
``[7]`` developer reply (``[0]`` name or null, ``[1]`` text, ``[2][0]`` epoch seconds),
``[10]`` app version.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from crawlers.parsers.common import ParsedPage, ParseError, dig, load_json, make_review
from crawlers.parsers.replies import reply_fields

SOURCE = "googleplay"
DETAILS_URL = "https://play.google.com/store/apps/details?id={app_id}&hl={lang}&gl={country}"
RPC_ID = "UsvDTd"
SORT_NEWEST = 2
_BLOCK_RE = re.compile(r"AF_initDataCallback\(\s*\{(.*?)\}\s*\)\s*;?\s*</script", re.DOTALL)
_DATA_RE = re.compile(r"\bdata\s*:\s*(.*?),\s*sideChannel\s*:", re.DOTALL)
_KEY_RE = re.compile(r"\bkey\s*:\s*'([^']*)'")


def details_url(app_id: str, lang: str = "en", country: str = "us") -> str:
    """An app's Play Store page."""
    return DETAILS_URL.format(app_id=app_id, lang=lang, country=country)


def app_id_of(url: str) -> str | None:
    """The ``id=`` package name of a details URL."""
    ids = parse_qs(urlsplit(url).query).get("id")
    return ids[0] if ids else None


def batch_url(page_url: str) -> str:
    """The ``batchexecute`` endpoint on the page's own host, same language and country."""
    query = parse_qs(urlsplit(page_url).query)
    params = {"rpcids": RPC_ID, "hl": (query.get("hl") or ["en"])[0], "gl": (query.get("gl") or ["us"])[0]}
    return urljoin(page_url, "/_/PlayStoreUi/data/batchexecute") + "?" + urlencode(params)


def batch_body(app_id: str, *, count: int = 100, token: str | None = None) -> str:
    """The form body asking for ``count`` newest reviews after ``token``."""
    inner = [None, None, [2, SORT_NEWEST, [count, None, token], None, []], [app_id, 7]]
    outer = [[[RPC_ID, json.dumps(inner, separators=(",", ":")), None, "generic"]]]
    return urlencode({"f.req": json.dumps(outer, separators=(",", ":"))})


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
        found = _find_reviews(data)
        if found is not None:
            return ParsedPage(reviews=[_review(item, url, app_id) for item in found])
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
    if not isinstance(dig(entry, 2), str):
        return ParsedPage(reviews=[])  # no reviews at all: Google answers null
    payload = load_json(entry[2], f"Google Play {RPC_ID} payload")
    items = dig(payload, 0) or []
    if not isinstance(items, list):
        raise ParseError(f"Google Play {RPC_ID} payload has no review list")
    reviews = [_review(item, url, app_id) for item in items if _is_review(item)]
    token = None
    for element in payload[1:] if isinstance(payload, list) else []:
        if isinstance(element, list) and element and isinstance(element[-1], str):
            token = element[-1]
    return ParsedPage(reviews=reviews, next_token=token if reviews else None)


def _is_review(item: Any) -> bool:
    return (
        isinstance(item, list)
        and len(item) > 5
        and isinstance(item[0], str)
        and isinstance(dig(item, 1, 0), str)
        and isinstance(item[2], int)
        and 1 <= item[2] <= 5
        and isinstance(dig(item, 5, 0), (int, float))
    )


def _find_reviews(value: Any) -> list[Any] | None:
    """The first non-empty list made only of review arrays, depth first."""
    if not isinstance(value, list):
        return None
    if value and all(_is_review(item) for item in value):
        return value
    for child in value:
        found = _find_reviews(child)
        if found is not None:
            return found
    return None


def _review(item: list[Any], url: str, app_id: str | None) -> dict[str, Any]:
    review_id = item[0]
    # Link to the review on the host that served it (play.google.com, or a test site).
    page = urljoin(url, "/store/apps/details?" + urlencode({"id": app_id, **_lang_country(url)})) if app_id else url
    # [7] is the developer's reply: [name or null, text, [epoch seconds, nanos]]
    reply = reply_fields(dig(item, 7, 1), dig(item, 7, 0), dig(item, 7, 2, 0))
    return reply | make_review(
        source=SOURCE,
        external_id=review_id,
        url=f"{page}&{urlencode({'reviewId': review_id})}",
        author=dig(item, 1, 0),
        rating=item[2],
        text=dig(item, 4),
        published_at=dig(item, 5, 0),
        extra={
            "app_id": app_id,
            "thumbs_up": dig(item, 6),
            "version": dig(item, 10),
        },
    )


def _lang_country(url: str) -> dict[str, str]:
    query = parse_qs(urlsplit(url).query)
    return {"hl": (query.get("hl") or ["en"])[0], "gl": (query.get("gl") or ["us"])[0]}
