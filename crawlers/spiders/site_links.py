"""Which links of a page the ``schemaorg`` spider follows, and how it names a site.

A review listing is followed to its next page (``rel=next`` or a "next"
pagination link); a page without reviews is a hub whose links are followed
only within the start URLs' sites and folders. Kept apart from the spider so its
crawl logic (known pages, depth, ``since``) reads on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urldefrag, urlsplit

from scrapy.http import TextResponse

_NEXT_TEXT = re.compile(
    r"^\s*(next|next page|older|older reviews|more reviews|weiter|suivant|siguiente|›|»|>|→)\s*[›»>→]?\s*$",
    re.I,
)


def site_of(url: str) -> str:
    """``https://www.shop.example:8080/x`` -> ``shop.example`` (port-free, so ids survive a new port)."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def folder_of(url: str) -> str:
    """``/brands/acme/`` -> itself; ``/brands/acme/index.html`` -> ``/brands/acme/``."""
    path = urlsplit(url).path or "/"
    return path[: path.rfind("/") + 1]


def _page_url(response: TextResponse, href: str) -> str | None:
    """The http(s) page ``href`` links to, without its fragment; None for ``javascript:void(0)``, ``mailto:``."""
    url = urldefrag(response.urljoin(href.strip()))[0]
    return url if url.startswith(("http://", "https://")) else None


def next_page_urls(response: TextResponse) -> list[str]:
    """Links to the next page of this listing: ``rel=next`` first, else a "next" pagination link.

    Only http(s) links count: a ``href="javascript:void(0)"`` (a script's button) is no page.
    """
    hrefs = [href for href in response.xpath(
        '//link[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href'
        ' | //a[contains(concat(" ", normalize-space(@rel), " "), " next ")]/@href'
    ).getall() if _page_url(response, href)]
    if not hrefs:
        for anchor in response.xpath("//a[@href]"):
            label = " ".join(anchor.xpath(".//text()").getall()) or anchor.attrib.get("aria-label", "")
            classes = anchor.attrib.get("class", "")
            if _NEXT_TEXT.match(label or "") or re.search(r"\bnext\b", classes):
                hrefs.append(anchor.attrib["href"])
    seen, out = set(), []
    for href in hrefs:
        url = _page_url(response, href)
        if url and url not in seen and url != response.url:
            seen.add(url)
            out.append(url)
    return out


def hub_links(response: TextResponse, in_scope: Callable[[str], bool]) -> list[str]:
    """A page without reviews is a hub: its http(s) links that ``in_scope`` accepts, in page order, once each."""
    links: dict[str, None] = {}
    for href in response.xpath("//a[@href]/@href").getall():
        url = _page_url(response, href)
        if url and in_scope(url):
            links[url] = None
    return list(links)
