"""How one demo review is published: JSON-LD (ratings as numbers or strings, on 5 or 10
scales, dates in three styles, the brand's reply as a Comment), microdata with a decimal
comma, RDFa, and the text a visitor sees. The crawlers must read every variant."""

from __future__ import annotations

import html
import json
from typing import Any

from umot.demo.reviews import DemoReview


def escape(value: object) -> str:
    """HTML-escaped text, quotes included (it also goes into attributes)."""
    return html.escape(str(value), quote=True)


def jsonld_script(data: object) -> str:
    """A JSON-LD script block; ``</`` escaped so a review text cannot close the script."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _date_text(review: DemoReview, style: int) -> str:
    if style == 1:
        return review.published.strftime("%B %d, %Y")  # "March 05, 2024": dateparser territory
    if style == 2:
        return review.published.isoformat()
    return review.published.date().isoformat()


def _rating_json(review: DemoReview, *, with_best: bool = True) -> dict:
    rating: dict = {"@type": "Rating", "ratingValue": review.rating_raw}
    if with_best:
        rating["bestRating"] = review.rating_scale
        rating["worstRating"] = 1
    return rating


def review_json(review: DemoReview, index: int, *, declare_language: bool = False) -> dict:
    """A schema.org Review; ``index`` varies the date style and whether the rating is a string."""
    data: dict = {
        "@type": "Review",
        "@id": review.external_id,
        "author": {"@type": "Person", "name": review.author},
        "datePublished": _date_text(review, index % 3),
        "name": review.title,
        "reviewBody": review.text,
        # ratings given as strings on every other review, as many sites do
        "reviewRating": _rating_json(review),
    }
    if index % 2:
        data["reviewRating"]["ratingValue"] = str(review.rating_raw)
    if declare_language:
        data["inLanguage"] = review.language
    if review.reply:
        comment: dict[str, Any] = {"@type": "Comment", "text": review.reply}
        if review.replied is not None:
            comment["dateCreated"] = review.replied.isoformat()
        comment["author"] = {"@type": "Organization", "name": review.reply_author}
        data["comment"] = comment
    return data


def visible_review(review: DemoReview) -> str:
    """The review as a visitor reads it (no markup): what a page without structured data shows."""
    stars = "unrated" if not review.rating_raw else f"{review.rating_raw:g}/{review.rating_scale}"
    return (
        f'<article class="review"><h3>{escape(review.title)}</h3>'
        f"<p class=\"meta\">{escape(review.author)} · {review.published.date().isoformat()} · {stars}</p>"
        f"<p>{escape(review.text)}</p>"
        + (f'<p class="reply">Reply from {escape(review.reply_author)}: {escape(review.reply)}</p>' if review.reply else "")
        + "</article>"
    )


def microdata_review(review: DemoReview) -> str:
    """The review in microdata, its rating with a decimal comma ("3,5")."""
    value = f"{review.rating_raw:g}".replace(".", ",")  # "3,5": a decimal comma
    return (
        f'<article class="review" itemprop="review" itemscope itemtype="https://schema.org/Review" '
        f'itemid="{escape(review.external_id)}">'
        f'<h3 itemprop="name">{escape(review.title)}</h3>'
        f'<p class="meta"><span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{escape(review.author)}</span></span> · '
        f'<time itemprop="datePublished" datetime="{review.published.date().isoformat()}">'
        f"{review.published.date().isoformat()}</time> · "
        f'<span itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">'
        f'<meta itemprop="worstRating" content="1"><span itemprop="ratingValue">{value}</span>/'
        f'<span itemprop="bestRating">{review.rating_scale}</span></span></p>'
        f'<p itemprop="reviewBody">{escape(review.text)}</p></article>'
    )


def rdfa_review(review: DemoReview) -> str:
    """The review in RDFa Lite."""
    return (
        f'<article class="review" property="review" typeof="Review" resource="{escape(review.external_id)}">'
        f'<h3 property="name">{escape(review.title)}</h3>'
        f'<p class="meta"><span property="author" typeof="Person"><span property="name">{escape(review.author)}'
        f'</span></span> · <time property="datePublished" datetime="{review.published.date().isoformat()}">'
        f"{review.published.date().isoformat()}</time> · "
        f'<span property="reviewRating" typeof="Rating"><span property="ratingValue">{review.rating_raw:g}'
        f'</span>/<span property="bestRating">{review.rating_scale}</span></span></p>'
        f'<p property="reviewBody">{escape(review.text)}</p></article>'
    )


def aggregate_rating(reviews: list[DemoReview], scale: int) -> dict:
    """The product's AggregateRating over all its reviews (unrated ones counted, not averaged)."""
    rated = [r.rating_raw for r in reviews if r.rating_raw]
    value = round(sum(rated) / len(rated), 1) if rated else 0
    return {"@type": "AggregateRating", "ratingValue": value, "bestRating": scale,
            "reviewCount": len(reviews)}
