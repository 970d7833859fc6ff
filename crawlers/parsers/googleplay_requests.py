"""Where Google Play's reviews are asked for: the details page URL and the ``batchexecute`` request.

* The details page ``https://play.google.com/store/apps/details?id={app}&hl={lang}&gl={country}``
  embeds the first reviews (read by :mod:`crawlers.parsers.googleplay`).
* Further reviews, newest first, come from ``POST /_/PlayStoreUi/data/batchexecute``
  with form field ``f.req`` = ``[[["UsvDTd", "<inner JSON>", null, "generic"]]]``,
  inner = ``[null, null, [2, 2, [count, null, token], null, []], [app_id, 7]]``
  (sort 2 = newest).

Kept apart from the answer parsing so the spider builds its requests from the
same constants (``RPC_ID``) the parser looks for in the answers.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

DETAILS_URL = "https://play.google.com/store/apps/details?id={app_id}&hl={lang}&gl={country}"
RPC_ID = "UsvDTd"
SORT_NEWEST = 2


def details_url(app_id: str, lang: str = "en", country: str = "us") -> str:
    """An app's Play Store page."""
    return DETAILS_URL.format(app_id=app_id, lang=lang, country=country)


def app_id_of(url: str) -> str | None:
    """The ``id=`` package name of a details URL."""
    ids = parse_qs(urlsplit(url).query).get("id")
    return ids[0] if ids else None


def lang_country(url: str) -> dict[str, str]:
    """The ``hl`` (language) and ``gl`` (country) of a URL, ``en``/``us`` where absent."""
    query = parse_qs(urlsplit(url).query)
    return {"hl": (query.get("hl") or ["en"])[0], "gl": (query.get("gl") or ["us"])[0]}


def batch_url(page_url: str) -> str:
    """The ``batchexecute`` endpoint on the page's own host, same language and country."""
    params = {"rpcids": RPC_ID, **lang_country(page_url)}
    return urljoin(page_url, "/_/PlayStoreUi/data/batchexecute") + "?" + urlencode(params)


def batch_body(app_id: str, *, count: int = 100, token: str | None = None) -> str:
    """The form body asking for ``count`` newest reviews after ``token``."""
    inner = [None, None, [2, SORT_NEWEST, [count, None, token], None, []], [app_id, 7]]
    outer = [[[RPC_ID, json.dumps(inner, separators=(",", ":")), None, "generic"]]]
    return urlencode({"f.req": json.dumps(outer, separators=(",", ":"))})
