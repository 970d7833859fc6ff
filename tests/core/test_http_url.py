"""``core.http_url``: the one check of sources' start URLs and webhooks, and how such a URL is printed."""

from __future__ import annotations

import pytest

from core.http_url import HttpUrlError, check_http_url, shown_url


@pytest.mark.parametrize("url", [
    "https://example.com/feed.xml",
    "http://127.0.0.1:8080/hook",
    "http://[::1]:9443/x",
    "https://user:pw@hooks.example.com/T/B/X",
    "http://bücher.example/rss",
    f"http://{'a' * 63}.example./rss",  # a label of 63 characters, and the DNS root's final dot
    "HTTPS://Example.COM/Feed",
    "http://example.com/a b",  # in the path a space is sent as %20
    "https://forum.example/search?q=\U0001f469\u200d\U0001f4bb",  # an emoji sequence's joiner: refused, it broke a sync
])
def test_a_url_that_works_is_kept_as_written(url: str) -> None:
    assert check_http_url(url) == url


@pytest.mark.parametrize(("url", "why"), [
    ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),  # was a ValueError traceback
    ("http://exa mple.com/feed", "host 'exa mple.com' holds a space"),
    ("http://example.com:99999/feed", "port '99999' is not a port (give 1 to 65535, or none)"),
    ("http://example.com:abc/feed", "port 'abc' is not a port (give 1 to 65535, or none)"),
    ("http://example.com:0/feed", "port '0' is not a port (give 1 to 65535, or none)"),
    ("http://exa\nmple.com/", "holds a control or line-break character"),  # urlsplit drops the \n
    ("http://exa\u200bmple.com/", "its host holds an invisible character"),
    ("http://exa<mple.com/", "host 'exa<mple.com': invalid international domain name"),
    ("http://1.2.3.999/", "host '1.2.3.999': invalid IPv4 address"),
    ("ftp://example.com/x", "not an http(s) URL with a host (http://host/...)"),
    ("http:/example.com", "not an http(s) URL with a host (http://host/...)"),
    ("not a url", "not an http(s) URL with a host (http://host/...)"),
    # the WHATWG parser took these; the socket's IDNA codec or httpx refused them at the nightly run
    ("https://hooks..slack.com/T/B/X", "host 'hooks..slack.com': a label (between dots) is empty or over 63 characters"),
    (f"http://{'a' * 64}.com/", f"host '{'a' * 64}.com': a label (between dots) is empty or over 63 characters"),
    ("http://\u2603.net/", "host '\u2603.net': invalid international domain name"),
])
def test_a_url_that_cannot_work_is_refused_saying_why(url: str, why: str) -> None:
    with pytest.raises(HttpUrlError) as caught:
        check_http_url(url)
    assert str(caught.value) == why


def test_the_reason_never_repeats_the_secret_parts() -> None:
    with pytest.raises(HttpUrlError) as caught:
        check_http_url("https://bot:s3cr3t@hooks.example.com:99999/services/T000/XXXX")
    assert "s3cr3t" not in str(caught.value) and "XXXX" not in str(caught.value)


@pytest.mark.parametrize(("url", "shown"), [
    ("https://bot:s3cr3t@hooks.example.com/services/T000/XXXX", "https://hooks.example.com/…"),
    ("http://[::1]:8080/secret", "http://[::1]:8080/…"),
    ("http://[::1/secret", "<invalid URL>"),
    ("http://example.com:99999/secret", "<invalid URL>"),
])
def test_shown_url_keeps_scheme_host_and_port(url: str, shown: str) -> None:
    assert shown_url(url) == shown
