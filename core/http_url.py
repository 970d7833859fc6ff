"""One check for the http(s) URLs umot is given to fetch or post to: sources' start URLs
(``umot.toml``, ``umot sources add``) and brands' webhooks (``umot webhook set``).

Refusing a URL here, in one line, beats a traceback (``urlsplit`` raises on
``http://[::1``) or a failure only at the nightly run (a host with a space, port
99999). The reason never repeats the user:password or the path: a webhook keeps
its secret there; :func:`shown_url` is how such a URL may be printed.
"""

from __future__ import annotations

import ipaddress
import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

#: Categories of the characters a URL must not hold: control characters and line breaks; a host
#: must not hold invisible (format) ones either (a path or query may: emoji searches carry U+200D).
_CONTROL = {"Cc", "Zl", "Zp"}


class HttpUrlError(ValueError):
    """Not an http(s) URL umot can fetch; the message says why, without the URL's path or user:password."""


@lru_cache(maxsize=1)
def _validator() -> Any:
    """pydantic's WHATWG URL parser (the Rust ``url`` crate): it knows what a host name,
    IPv4/IPv6 address and port may be, so the check is not hand-written."""
    from pydantic import AnyHttpUrl, TypeAdapter

    return TypeAdapter(AnyHttpUrl)


def check_http_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a valid host and port; else :class:`HttpUrlError`."""
    from pydantic import ValidationError

    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "Invalid IPv6 URL"
        raise HttpUrlError(f"not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpUrlError("not an http(s) URL with a host (http://host/...)")
    if any(unicodedata.category(c) in _CONTROL for c in url):
        # urlsplit and the WHATWG parser both drop tabs and line breaks silently: checked on the text
        raise HttpUrlError("holds a control or line-break character")
    if any(unicodedata.category(c) == "Cf" for c in parts.netloc):
        raise HttpUrlError("its host holds an invisible character")
    if any(c.isspace() for c in parts.hostname):  # in the path, a crawler or httpx writes it as %20
        raise HttpUrlError(f"host {parts.hostname!r} holds a space")
    try:
        port = parts.port  # raises for a port that is not a number, or over 65535
    except ValueError:
        port = 0
    if port == 0:
        given = parts.netloc.rpartition("@")[2].rpartition(":")[2]
        raise HttpUrlError(f"port {given!r} is not a port (give 1 to 65535, or none)")
    try:
        _validator().validate_python(url)
    except ValidationError as exc:
        why = (exc.errors()[0].get("ctx") or {}).get("error", "not a valid URL")
        raise HttpUrlError(f"host {parts.hostname!r}: {why}") from None
    _check_host_name(parts.hostname, url)
    return url


def _check_host_name(host: str, url: str) -> None:
    """Refuse a host name the sender cannot encode, which the WHATWG parser lets by: an empty label
    (``hooks..slack.com``) or one over 63 characters fails the socket's IDNA codec, a name that IDNA 2008
    refuses (``☃.net``) fails httpx: every post failed, and a UnicodeError stopped the night."""
    import httpx

    try:
        ipaddress.ip_address(host)
        return  # an address, not a name
    except ValueError:
        pass
    try:
        host.encode("idna")  # as the socket does (a final dot, the DNS root, is allowed)
    except UnicodeError:
        raise HttpUrlError(f"host {host!r}: a label (between dots) is empty or over 63 characters") from None
    try:
        httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError):
        raise HttpUrlError(f"host {host!r}: invalid international domain name") from None


def shown_url(url: str, invalid: str = "<invalid URL>") -> str:
    """Where ``url`` leads, fit to print: scheme, host and port only (a user:password or path may be
    secret); ``invalid`` for a URL without them."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return invalid
    host = parts.hostname or ""
    if not parts.scheme or not host:
        return invalid
    host = f"[{host}]" if ":" in host else host  # an IPv6 address
    return f"{parts.scheme}://{host}{f':{port}' if port is not None else ''}/…"
