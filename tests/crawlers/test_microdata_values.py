"""Microdata values as a reader sees them: a ``<time>`` without ``datetime`` is its text (the
HTML standard), and a link naming a review's author is the name, not the profile URL."""

from __future__ import annotations

from crawlers.extract.nodes import page_nodes
from crawlers.extract.schemaorg import extract_page

URL = "https://shop.example/kettle/"


def _review(inner: str) -> str:
    return ('<html lang="en"><body><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle'
            '</span><div itemprop="review" itemscope itemtype="https://schema.org/Review">'
            f'{inner}<p itemprop="reviewBody">Leaks from the lid.</p></div></div></body></html>')


def _row(inner: str) -> dict:
    (row,) = extract_page(_review(inner).encode(), URL).reviews
    return row


def test_an_author_link_is_the_author_s_name() -> None:
    row = _row('By <a itemprop="author" href="/users/ann-123">Ann</a>')
    assert row["author"] == "Ann"
    assert _row('<a itemprop="creator" href="/u/9"> Bob  B. </a>')["author"] == "Bob B."
    assert _row('<a itemprop="https://schema.org/author" href="/u/7">Cy</a>')["author"] == "Cy"


def test_an_author_link_without_text_keeps_its_url() -> None:
    assert _row('<a itemprop="author" href="/users/ann-123"></a>')["author"] == "https://shop.example/users/ann-123"


def test_a_review_link_is_still_its_url() -> None:
    row = _row('<a itemprop="url" href="/reviews/77">link</a>')
    assert row["url"] == "https://shop.example/reviews/77"


def test_a_time_without_datetime_is_its_text() -> None:
    assert _row('on <time itemprop="datePublished">March 5, 2024</time>')["published_at"][:10] == "2024-03-05"
    assert _row('<time itemprop="datePublished" datetime="2024-03-06">yesterday</time>')["published_at"][:10] == (
        "2024-03-06")


def test_the_hunted_page_reads_whole() -> None:
    page = _review('By <a itemprop="author" href="/users/ann-123">Ann</a> on '
                   '<time itemprop="datePublished">March 5, 2024</time>')
    (node,) = [n for syntax, n in page_nodes(page, URL, []) if syntax == "microdata"]
    (review,) = node["review"] if isinstance(node["review"], list) else [node["review"]]
    assert (review["author"], review["datePublished"]) == ("Ann", "March 5, 2024")
