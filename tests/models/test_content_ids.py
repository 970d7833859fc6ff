"""One content id for id-less reviews (models.identity), and reviews stored under the
crawlers' old h: ids still dedupe."""

from sqlmodel import select

from crawlers.parsers.common import make_review
from models import crud
from models.identity import content_id, legacy_content_id
from models.schemas import normalize_review_row
from models.tables import Review


def test_crawl_and_store_give_an_id_less_review_the_same_id() -> None:
    crawled = make_review(source="schemaorg:shop.example", external_id=None, text="  Broke after a  week. ", author="Ann")
    stored = normalize_review_row({"source": "schemaorg:shop.example", "text": "Broke after a week.", "author": "ann"})
    assert crawled["external_id"] == stored["external_id"] == content_id("schemaorg:shop.example", "Ann", "Broke after a week.")
    assert crawled["external_id"].startswith("sha1:")


def test_a_review_stored_under_its_legacy_id_is_not_stored_again(session, brand_id) -> None:
    source, author, text = "schemaorg:shop.example", "Ann", "Broke after a week."
    old = legacy_content_id(source, author, text)
    crud.upsert_reviews(session, [{"source": source, "external_id": old, "author": author, "text": text}], brand_id=brand_id)
    again = crud.upsert_reviews(session, [{"source": source, "author": author, "text": text}], brand_id=brand_id)
    assert (again.new, again.existing) == (0, 1)
    assert session.exec(select(Review.external_id)).all() == [old]
    other = crud.upsert_reviews(session, [{"source": source, "author": author, "text": "Works fine."}], brand_id=brand_id)
    assert other.new == 1


def test_the_content_id_reads_through_unicode_forms_but_not_across_sources() -> None:
    from models.identity import is_content_id

    source, author, text = "schemaorg:shop.example", "Ann", "Great ﬁt, ＦＡＳＴ delivery"
    assert content_id(source, "ANN ", text) == content_id(source, author, "great fit, fast  delivery")  # NFKC, case
    assert content_id("trustpilot", author, text) != content_id(source, author, text)
    assert is_content_id(None, source, author, text) and is_content_id(content_id(source, author, text), source, author, text)
    assert not is_content_id("review-12345", source, author, text)  # the site's own id
