"""The brands' public replies on the demo site: some detractors answered, some not, a few thank-yous.

Each decision comes from the review's own id (not the site's random stream), so
adding replies changed no review, and the same seed gives the same replies.
A reply comes 2 to 96 hours after its review; one that would lie after the
site's anchor time has not been written yet, so the newest detractors stay
unanswered, as on a real site. Shown as schema.org ``Review.comment`` in the
JSON-LD markups (microdata and RDFa pages carry none).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

SORRY = (
    "Sorry to hear about your {product}, {author}. Please write to care@{slug}.example with your order number "
    "and we will make it right.",
    "We're sorry, {author}. A replacement {product} is on its way; thank you for telling us.",
    "Thank you for the honest review, {author}. We have passed this on to the {product} team and sent you a refund.",
)
THANKS = ("Thank you {author}, we are glad you enjoy the {product}!", "Thanks for recommending us, {author}!")
ANSWER_DETRACTOR, ANSWER_PROMOTER = 0.55, 0.15


def add_replies(reviews: list[Any], brand: str, slug: str, product: str, until: datetime) -> list[Any]:
    """Give some of ``reviews`` (``DemoReview``) the brand's reply; returns the same list."""
    for review in reviews:
        stars = review.rating
        chance = random.Random(review.external_id)
        if stars is None or chance.random() >= (ANSWER_DETRACTOR if stars <= 2 else ANSWER_PROMOTER if stars >= 5 else 0):
            continue
        when = review.published + timedelta(hours=chance.randint(2, 96), minutes=chance.randint(0, 59))
        if when > until:
            continue
        pool = SORRY if stars <= 2 else THANKS
        review.reply = chance.choice(pool).format(author=review.author.split()[0], product=product, slug=slug)
        review.reply_author, review.replied = brand, when
    return reviews
