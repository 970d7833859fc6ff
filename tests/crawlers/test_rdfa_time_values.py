"""An RDFa ``<time property datetime>`` is its ``datetime`` (HTML+RDFa), as microdata reads it: the review
below was stored as written "3 days ago" counted from the crawl, the other as no date at all."""

from __future__ import annotations

from crawlers.extract.schemaorg import extract_page

PAGE = "https://bakery.example/reviews"


def _review(author: str, time: str) -> str:
    return (f'<div property="review" typeof="Review"><span property="author" typeof="Person">'
            f'<span property="name">{author}</span></span>{time}'
            f'<div property="reviewRating" typeof="Rating"><meta property="ratingValue" content="2"></div>'
            f'<p property="reviewBody">Review of {author}.</p></div>')


def _dates(*reviews: str) -> dict[str, str | None]:
    html = (f'<html lang="en"><body vocab="https://schema.org/"><div typeof="LocalBusiness">'
            f'<span property="name">Corner Bakery</span>{"".join(reviews)}</div></body></html>')
    return {r["author"]: r["published_at"] for r in extract_page(html, PAGE).reviews}


def test_a_time_element_is_its_datetime_not_its_text() -> None:
    assert _dates(
        _review("Nora", '<time property="datePublished" datetime="2024-01-10T09:15:00Z">3 days ago</time>'),
        _review("Omar", '<time property="datePublished" datetime="2023-11-02">last November</time>'),
        _review("Pia", '<time property="datePublished" datetime="2023-10-01">3 days ago</time>'),
    ) == {"Nora": "2024-01-10T09:15:00+00:00", "Omar": "2023-11-02T12:00:00+00:00", "Pia": "2023-10-01T12:00:00+00:00"}


def test_content_still_comes_first_and_a_time_without_datetime_is_its_text() -> None:
    assert _dates(
        _review("Nora", '<time property="datePublished" content="2024-02-01" datetime="2024-01-10">Jan 10</time>'),
        _review("Omar", '<time property="datePublished">2 November 2023</time>'),
    ) == {"Nora": "2024-02-01T12:00:00+00:00", "Omar": "2023-11-02T12:00:00+00:00"}
