"""The JSON-LD a product page carries in its head, in the shape its brand publishes.

Three shapes real sites use, so the crawlers meet each: a Product with its
reviews nested, a ``@graph`` of a Hotel and Reviews joined by ``@id``, and
top-level Reviews that name their ``itemReviewed``.
"""

from __future__ import annotations

from umot.demo.markup import aggregate_rating, review_json
from umot.demo.products import DemoProduct
from umot.demo.reviews import DemoReview


def product_jsonld(product: DemoProduct, chunk: list[DemoReview]) -> object | None:
    """The JSON-LD for ``chunk`` (one page of reviews); None where the markup is not JSON-LD."""
    if product.markup == "product":
        return nested_product(product, chunk)
    if product.markup == "graph":
        return hotel_graph(product, chunk)
    if product.markup == "toplevel":
        return toplevel_reviews(product, chunk)
    return None


def nested_product(product: DemoProduct, chunk: list[DemoReview]) -> dict:
    """A Product with its brand, its rating over all reviews and this page's reviews nested."""
    spec = product.brand
    return {
        "@context": "https://schema.org", "@type": "Product", "name": product.name,
        "brand": {"@type": "Brand", "name": spec.name},
        "aggregateRating": aggregate_rating(product.reviews, spec.scale),
        "review": [review_json(r, i) for i, r in enumerate(chunk)],
    }


def hotel_graph(product: DemoProduct, chunk: list[DemoReview]) -> dict:
    """A ``@graph``: the Hotel refers to its reviews by ``@id``; they follow it, each with its language."""
    hotel_id = f"urn:umot-demo:hotel:{product.slug}"
    graph: list[dict] = [{
        "@type": "Hotel", "@id": hotel_id, "name": product.name,
        "aggregateRating": aggregate_rating(product.reviews, product.brand.scale),
        "review": [{"@id": r.external_id} for r in chunk],
    }]
    graph += [review_json(r, i, declare_language=True) for i, r in enumerate(chunk)]
    return {"@context": "https://schema.org", "@graph": graph}


def toplevel_reviews(product: DemoProduct, chunk: list[DemoReview]) -> list[dict]:
    """A list of Reviews, each naming the product it reviews; unrated ones published as ``"0"``."""
    items = []
    for i, r in enumerate(chunk):
        data = review_json(r, i)
        data["@context"] = "https://schema.org"
        data["itemReviewed"] = {"@type": "Product", "name": product.name}
        if not r.rating_raw:
            data["reviewRating"] = {"@type": "Rating", "ratingValue": "0"}
        items.append(data)
    return items
