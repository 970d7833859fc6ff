"""Pages not in UTF-8 keep their letters: a crawl reads a page in the encoding its header, BOM or ``<meta>`` names.

The fixture site serves one review per page in windows-1252 (named in the
header, only in ``<meta charset>``, or nowhere), ISO-8859-1 (in ``<meta>``),
UTF-16 with a byte order mark, and plain UTF-8 / XHTML as controls; the
``schemaorg`` and ``sitemap`` spiders crawl it in one subprocess.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawlers.extract.schemaorg import extract_page
from crawlers.runner import CrawlJob, run_crawls

FRENCH = "Café crème ’très bien’ – naïve résumé, the kettle is great"
GERMAN = "Müller sagt: großartig, schöner Wasserkocher für die Küche"
EMOJI = "Très bon café, j’adore cette bouilloire 😀"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

#: path -> (Content-Type, encoding, <head> extra, author, text, prefix before <html>)
PAGES: dict[str, tuple[str, str, str, str, str, str]] = {
    "/cp1252-header/": ("text/html; charset=windows-1252", "cp1252", "", "Header", FRENCH, ""),
    "/cp1252-meta/": ("text/html", "cp1252", '<meta charset="windows-1252">', "Meta", FRENCH, ""),
    "/cp1252-none/": ("text/html", "cp1252", "", "Nowhere", FRENCH, ""),
    "/latin1-meta/": (
        "text/html",
        "latin-1",
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        "Latin",
        GERMAN,
        "",
    ),
    "/utf16/": ("text/html; charset=utf-16", "utf-16", "", "Sixteen", GERMAN, ""),
    "/utf16-bom-only/": ("text/html", "utf-16", "", "Bom", FRENCH, ""),
    "/utf8/": ("text/html; charset=utf-8", "utf-8", "", "Plain", EMOJI, ""),
    "/xhtml/": ("application/xhtml+xml", "utf-8", "", "Xhtml", EMOJI, XML_DECLARATION),
    "/products/cp1252": ("text/html; charset=windows-1252", "cp1252", "", "Sitemap 1252", FRENCH, ""),
    "/products/utf16": ("text/html; charset=utf-16", "utf-16", "", "Sitemap 16", GERMAN, ""),
}


def _page(head: str, author: str, text: str, prefix: str = "") -> str:
    """One review; rated in star glyphs where the encoding has them (cp1252 and latin-1 have not)."""
    rating = "★★★★☆" if text == EMOJI else "4"
    product = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": "Kettle",
        "review": [
            {
                "@type": "Review",
                "author": {"@type": "Person", "name": author},
                "reviewBody": text,
                "datePublished": "2024-03-05",
                "reviewRating": {"@type": "Rating", "ratingValue": rating},
            }
        ],
    }
    ld = json.dumps(product, ensure_ascii=False)
    return (
        f'{prefix}<html lang="en"><head><title>t</title>{head}'
        f'<script type="application/ld+json">{ld}</script></head><body><p>Kettle</p></body></html>'
    )


@pytest.fixture(scope="module")
def site(serve_site: Any) -> Any:
    routes: dict[str, Any] = {}
    for path, (ctype, encoding, head, author, text, prefix) in PAGES.items():
        body = _page(head, author, text, prefix).encode(encoding)
        routes[path] = lambda hit, c=ctype, b=body: (200, c, b)
    holder: dict[str, Any] = {}

    def sitemap(hit: Any) -> tuple[int, str, bytes]:
        locs = "".join(f"<url><loc>{holder['site'].url(p)}</loc></url>" for p in PAGES if p.startswith("/products/"))
        return (
            200,
            "application/xml",
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode(),
        )

    routes["/sitemap.xml"] = sitemap
    holder["site"] = serve_site(Path(__file__).parent, routes)
    return holder["site"]


def _texts(path: Path) -> dict[str, tuple[str, float | None]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {row["author"]: (row["text"], row["rating"]) for row in rows}


@pytest.mark.slow
def test_pages_in_any_encoding_keep_their_text(site: Any, local_settings: dict, tmp_path: Path) -> None:
    pages = [site.url(p) for p in PAGES if not p.startswith("/products/")]
    jobs = [
        CrawlJob("schemaorg", pages, output=tmp_path / "pages.jsonl", settings=local_settings),
        CrawlJob("sitemap", [site.url("/sitemap.xml")], output=tmp_path / "sitemap.jsonl", settings=local_settings),
    ]
    crawled, mapped = run_crawls(jobs)
    assert crawled.ok and mapped.ok, (crawled.error_message, mapped.error_message)
    assert crawled.errors == mapped.errors == 0
    expected = {author: (text, 4.0) for _, _, _, author, text, _ in PAGES.values()}
    assert _texts(tmp_path / "pages.jsonl") == {a: v for a, v in expected.items() if not a.startswith("Sitemap")}
    assert _texts(tmp_path / "sitemap.jsonl") == {a: v for a, v in expected.items() if a.startswith("Sitemap")}


@pytest.mark.parametrize(
    ("encoding", "head", "text"),
    [
        ("cp1252", '<meta charset="windows-1252">', FRENCH),
        ("latin-1", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', GERMAN),
        ("utf-16", "", GERMAN),  # the byte order mark says so
        ("utf-8", "", EMOJI),
    ],
)
def test_page_bytes_are_read_in_the_encoding_they_declare(encoding: str, head: str, text: str) -> None:
    data = extract_page(_page(head, "A", text).encode(encoding), "http://shop.example/p")
    assert [row["text"] for row in data.reviews] == [text] and data.errors == []


def test_decoded_xhtml_with_an_xml_declaration_is_read() -> None:
    data = extract_page(_page("", "A", EMOJI, XML_DECLARATION), "http://shop.example/p")
    assert [row["text"] for row in data.reviews] == [EMOJI] and data.errors == []
