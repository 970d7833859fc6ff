"""Reviews stored with a name given as a link read as the link take the name, and are not stored again.

``By <a itemprop="author" href="/users/ann">Ann</a>`` was read as the profile URL (microdata) or as no
one (RDFa): the review was stored under the content id of that author. Crawls now read ``Ann`` and the
row carries the author (and a title) as read before in ``extra["link_names"]``: the stored review takes
the row's id and the names as read now, without counting as an edit.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from crawlers.extract.link_names import LINK_NAMES as CRAWL_LINK_NAMES
from models import crud
from models.crud.link_ids import LINK_ID
from models.crud.link_names import LINK_NAMES
from models.identity import content_id
from models.tables import Review

SOURCE = "schemaorg:shop.example"
ANN = "https://shop.example/users/ann"
TEXT = "Ann says the mug is fine."


def _row(author: str | None, **fields: Any) -> dict[str, Any]:
    return {"source": SOURCE, "url": "https://shop.example/mug/", "author": author, "text": TEXT, "rating": 4,
            "extra": {"syntax": "microdata"}, **fields}


def _read_now(before: dict[str, str], **fields: Any) -> dict[str, Any]:
    row = _row("Ann", **fields)
    row["extra"][LINK_NAMES] = before
    return row


def _stored(session: Any) -> list[tuple[str, str | None, str | None, Any]]:
    return [(r.external_id, r.author, r.title, r.edited_at) for r in session.exec(select(Review).order_by(Review.id))]


def test_the_crawler_writes_the_key_the_store_reads() -> None:
    assert CRAWL_LINK_NAMES == LINK_NAMES


def test_a_review_stored_under_the_profile_url_s_content_id_takes_the_name(session, brand_id) -> None:
    crud.upsert_reviews(session, [_row(ANN)], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_read_now({"author": ANN})], brand_id=brand_id)
    assert (again.new, again.existing, again.edited) == (0, 1, 0)
    session.commit()
    assert _stored(session) == [(content_id(SOURCE, "Ann", TEXT), "Ann", None, None)]


def test_a_review_stored_without_author_takes_it(session, brand_id) -> None:
    """RDFa read the link as no name (``""``): the review stored under the content id without author."""
    crud.upsert_reviews(session, [_row(None)], brand_id=brand_id)
    session.commit()
    assert crud.upsert_reviews(session, [_read_now({"author": ""})], brand_id=brand_id).new == 0
    session.commit()
    assert _stored(session) == [(content_id(SOURCE, "Ann", TEXT), "Ann", None, None)]


def test_a_review_under_its_old_scoped_id_by_the_old_author_takes_the_new_id(session, brand_id) -> None:
    """The product's name a link too: ``item:https://shop.example/mug#review-ann`` is now ``item:Mug#review-ann``."""
    crud.upsert_reviews(session, [_row(ANN, external_id="item:https://shop.example/mug#review-ann")],
                        brand_id=brand_id)
    session.commit()
    row = _read_now({"author": ANN}, external_id="item:Mug#review-ann")
    row["extra"][LINK_ID] = "item:https://shop.example/mug#review-ann"
    assert crud.upsert_reviews(session, [row], brand_id=brand_id).new == 0
    session.commit()
    assert _stored(session) == [("item:Mug#review-ann", "Ann", None, None)]


def test_a_title_read_as_a_link_is_no_edit(session, brand_id) -> None:
    """A review's title linking to its page was stored as the URL: the text is the title, not an edit of it."""
    link = "https://shop.example/mug/r/1"
    crud.upsert_reviews(session, [_row(ANN, external_id=link, title=link)], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_read_now({"author": ANN, "title": link}, external_id=link,
                                                    title="Fine mug")], brand_id=brand_id)
    assert (again.new, again.existing, again.edited) == (0, 1, 0)
    session.commit()
    assert _stored(session) == [(link, "Ann", "Fine mug", None)]


def test_a_name_edited_since_is_kept_and_another_review_stays(session, brand_id) -> None:
    """Only a value as read before is replaced; another person's review under that author's content id stays."""
    crud.upsert_reviews(session, [_row("Bob", external_id="r/1", title="Bob's title"),
                                  _row(ANN, text="Another text.")], brand_id=brand_id)
    session.commit()
    again = crud.upsert_reviews(session, [_read_now({"author": ANN, "title": "x"}, external_id="r/1",
                                                    title="Bob's title")], brand_id=brand_id)
    assert (again.new, again.edited) == (0, 0)
    session.commit()
    assert [(i, a) for i, a, _, _ in _stored(session)] == [("r/1", "Bob"), (content_id(SOURCE, ANN, "Another text."),
                                                                            ANN)]
