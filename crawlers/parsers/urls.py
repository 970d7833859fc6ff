"""URL edits the site parsers share: pagination lives in a query parameter on every
site we page through (``page``, ``start``, ``after``), so "the next page" is one
parameter changed and the rest of the URL kept as the site gave it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def with_query(url: str, key: str, value: str | int | None) -> str:
    """``url`` with query parameter ``key`` set to ``value``, or removed when ``value`` is None.

    Other parameters keep their order and blank values; ``key`` goes last.
    """
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
    if value is not None:
        query.append((key, str(value)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def query_int(url: str, key: str, default: int) -> int:
    """Query parameter ``key`` of ``url`` as a non-negative int, else ``default``."""
    for k, value in parse_qsl(urlsplit(url).query):
        if k == key and value.isdigit():
            return int(value)
    return default


def site_root(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: where a site's relative links resolve."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
