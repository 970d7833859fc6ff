"""Replies at the source, crawled through the real Scrapy engine into the store.

The fixtures are Trustpilot, Yelp and Google Play answers in each site's own
format (``fixtures/replies/``), dated relative to today so the reply window
(``UMOT_REPLY_WINDOW_DAYS``, 30 days) applies: a reply that appears on a later
crawl, on a page behind the first, is found and answers the review's flag.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from crawlers.parsers import googleplay, trustpilot, yelp
from crawlers.runner import run_crawl

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
TP1, TP2, TP3 = (f"/review/acme.example?sort=recency{p}" for p in ("", "&page=2", "&page=3"))
YELP = "/biz/acme-coffee-oakland?sort_by=date_desc"
GP_DETAILS = "/store/apps/details?id=com.acme.replies&hl=en&gl=us"
GP_BATCH = "/_/PlayStoreUi/data/batchexecute"
NOW = datetime.now(UTC).replace(microsecond=0)
_PLACEHOLDER = re.compile(r'\\?"@@EPOCH_DAYS_AGO_(\d+)@@\\?"|@@(LOCAL_)?DAYS_AGO_(\d+)@@')


def _dated(name: str) -> bytes:
    """A fixture with its ``@@DAYS_AGO_N@@`` placeholders as real dates N days before now."""

    def date(match: re.Match[str]) -> str:
        if match.group(1):
            return str(int((NOW - timedelta(days=int(match.group(1)))).timestamp()))
        when = NOW - timedelta(days=int(match.group(3)))
        return f"{when.month}/{when.day}/{when.year}" if match.group(2) else when.isoformat().replace("+00:00", "Z")

    return _PLACEHOLDER.sub(date, (FIXTURES / name).read_text(encoding="utf-8")).encode("utf-8")


def _parsed_fixtures() -> dict[str, list[dict]]:
    return {
        "trustpilot": trustpilot.parse(_dated("trustpilot_page2_after.html"), "https://www.trustpilot.com" + TP2).reviews,
        "yelp": yelp.parse(_dated("yelp_after.html"), "https://www.yelp.com" + YELP).reviews,
        "googleplay": googleplay.parse_batch(_dated("googleplay_batch_after.txt"), "https://play.google.com/x",
                                             "com.acme.replies").reviews,
    }


def test_each_format_gives_reply_text_author_and_time() -> None:
    parsed = _parsed_fixtures()
    tp, yp, gp = parsed["trustpilot"][0], parsed["yelp"][0], parsed["googleplay"][0]
    assert (tp["reply_text"], tp["reply_author"]) == ("Sorry Alex, the refund went out today.", "Acme Example")
    assert tp["replied_at"] == NOW - timedelta(days=1)
    assert (yp["reply_text"], yp["reply_author"]) == ("Sorry about the wait & the brew, we retrained the team.", "Dana R.")
    assert yp["replied_at"].date() == (NOW - timedelta(days=1)).date()
    assert (gp["reply_text"], gp["reply_author"]) == ("Thanks Priya, 6.0.2 fixes checkout.", "Acme Shop")
    assert gp["replied_at"] == NOW - timedelta(days=1)
    assert parsed["trustpilot"][1]["reply_text"] is None and parsed["googleplay"][1]["reply_text"] is None
    assert (parsed["yelp"][1]["reply_text"], parsed["yelp"][1]["replied_at"]) == ("We hear you, please come back.", None)


def test_schema_org_comment_is_the_reply() -> None:
    from crawlers.extract.schemaorg import extract_page

    html = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product",
      "name": "Kettle", "review": [{"@type": "Review", "@id": "#r1", "reviewBody": "Lid broke in a week.",
      "reviewRating": {"ratingValue": 1}, "author": {"name": "Jo"}, "datePublished": "2025-05-01",
      "comment": {"@type": "Comment", "text": "Sorry Jo, a new lid is on its way.",
                  "author": {"@type": "Organization", "name": "Acme Kitchen"}, "dateCreated": "2025-05-02T10:00:00Z"}}]}
    </script>"""
    [row] = extract_page(html, "https://shop.example/kettle").reviews
    assert (row["reply_text"], row["reply_author"]) == ("Sorry Jo, a new lid is on its way.", "Acme Kitchen")
    assert row["replied_at"] == "2025-05-02T10:00:00+00:00"


@pytest.mark.parametrize(("comments", "reply"), [
    # another customer's comment first: skipped, the business's answer after it is the reply
    ([{"@type": "Comment", "text": "Same thing happened to me, avoid this pan!",
       "author": {"@type": "Person", "name": "Jo Bloggs"}},
      {"@type": "Comment", "text": "Sorry, a new one is on its way.", "author": {"@type": "Person", "name": "Sam",
                                                                                "worksFor": {"name": "Acme"}}}],
     ("Sorry, a new one is on its way.", "Sam")),
    ([{"@type": "Comment", "text": "Same here.", "author": {"@type": "Person", "name": "Jo Bloggs"}}], (None, None)),
    ([{"@type": "Comment", "text": "We are sorry.", "author": {"@type": "Person", "name": "acme kitchen"}}],
     ("We are sorry.", "acme kitchen")),  # a Person named as the product's brand speaks for it
    ([{"@type": "Comment", "text": "Thanks for the review!"}], ("Thanks for the review!", None)),  # no author
])
def test_only_the_business_comment_is_the_reply(comments: list, reply: tuple) -> None:
    import json

    from crawlers.extract.schemaorg import extract_page

    node = {"@context": "https://schema.org", "@type": "Product", "name": "Pan", "brand": {"name": "Acme Kitchen"},
            "review": [{"@type": "Review", "reviewBody": "Handle came off.", "reviewRating": {"ratingValue": 1},
                        "author": {"name": "Kim"}, "comment": comments}]}
    html = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    [row] = extract_page(html, "https://shop.example/pan").reviews
    assert (row["reply_text"], row["reply_author"]) == reply


class Switchable:
    """Routes whose answer changes between crawls: the brand replies in between."""

    def __init__(self) -> None:
        self.replied = False

    def file(self, before: str, after: str):
        def answer(hit):
            name = after if self.replied else before
            kind = "application/json; charset=utf-8" if name.endswith(".txt") else "text/html; charset=utf-8"
            return 200, kind, _dated(name)

        return answer


@pytest.fixture(scope="module")
def state() -> Switchable:
    return Switchable()


@pytest.fixture(scope="module")
def site(serve_site, state):
    return serve_site(FIXTURES, {
        TP1: state.file("trustpilot_page1.html", "trustpilot_page1.html"),
        TP2: state.file("trustpilot_page2_before.html", "trustpilot_page2_after.html"),
        TP3: state.file("trustpilot_page3.html", "trustpilot_page3.html"),
        YELP: state.file("yelp_before.html", "yelp_after.html"),
        GP_DETAILS: state.file("googleplay_details.html", "googleplay_details.html"),
        f"POST {GP_BATCH}": state.file("googleplay_batch_before.txt", "googleplay_batch_after.txt"),
    })


def _crawl_all(site, crawl_db, settings, log_dir: Path, tag: str) -> dict[str, object]:
    results = {}
    for spider, path in (("trustpilot", TP1), ("yelp", YELP), ("googleplay", GP_DETAILS)):
        results[spider] = run_crawl(spider, [site.url(path)], brand="Acme", database_url=crawl_db, settings=settings,
                                    log_file=log_dir / f"{spider}-{tag}.log")
        assert results[spider].ok, results[spider].error_message
    return results


def _flag(crawl_db: str, external_ids: list[str]) -> None:
    from models import crud
    from models.db import get_engine, session_scope
    from models.tables import Review

    with session_scope(get_engine(crawl_db)) as session:
        rows = session.exec(select(Review.id, Review.brand_id).where(Review.external_id.in_(external_ids))).all()
        crud.upsert_flags(session, [{"review_id": rid, "brand_id": bid, "reasons": ["rated 1★"]} for rid, bid in rows])


@pytest.fixture(scope="module")
def crawls(site, state, crawl_db, local_settings, tmp_path_factory):
    logs = tmp_path_factory.mktemp("logs")
    first = _crawl_all(site, crawl_db, local_settings, logs, "first")
    _flag(crawl_db, ["66b0c0ffee00000000000003", "rv-r01", "gp:AOqpTOH_reply_001", "66b0c0ffee00000000000005"])
    hits_before = {p: len(site.hits_for(p)) for p in (TP2, TP3)}
    state.replied = True
    second = _crawl_all(site, crawl_db, local_settings, logs, "second")
    hits_second = {p: len(site.hits_for(p)) for p in (TP2, TP3)}
    third = run_crawl("trustpilot", [site.url(TP1)], brand="Acme", database_url=crawl_db, settings=local_settings)
    hits_third = {p: len(site.hits_for(p)) for p in (TP2, TP3)}
    return {"first": first, "second": second, "third": third, "logs": logs,
            "hits": (hits_before, hits_second, hits_third)}


def _stored(crawl_db: str) -> dict[str, tuple]:
    from models.db import get_engine, session_scope
    from models.tables import Flag, Review

    with session_scope(get_engine(crawl_db), write=False) as session:
        rows = session.exec(select(Review, Flag).outerjoin(Flag, Flag.review_id == Review.id)).all()
        return {r.external_id: (r.reply_text, r.reply_author, r.replied_at, f.status if f else None) for r, f in rows}


@pytest.mark.slow
def test_first_crawl_stores_replies_already_there(crawls, crawl_db) -> None:
    assert crawls["first"]["trustpilot"].items_new == 6
    stored = _stored(crawl_db)
    assert stored["66b0c0ffee00000000000002"][:2] == ("Thank you Sam!", "Acme Example")


@pytest.mark.slow
def test_a_reply_on_a_later_crawl_is_stored_and_answers_the_flag(crawls, crawl_db) -> None:
    stored = _stored(crawl_db)
    text, author, at, status = stored["66b0c0ffee00000000000003"]  # on page 2, answered after crawl 1
    assert (text, author, status) == ("Sorry Alex, the refund went out today.", "Acme Example", "responded")
    assert at == NOW - timedelta(days=1)
    assert stored["rv-r01"][0].startswith("Sorry about the wait") and stored["rv-r01"][3] == "responded"
    assert stored["gp:AOqpTOH_reply_001"][:2] == ("Thanks Priya, 6.0.2 fixes checkout.", "Acme Shop")
    assert stored["gp:AOqpTOH_reply_001"][3] == "responded"
    assert stored["66b0c0ffee00000000000005"][3] == "new"  # old and never answered: flag untouched
    assert all(r.items_new == 0 for r in crawls["second"].values())


@pytest.mark.slow
def test_the_flags_audit_names_the_source(crawls, crawl_db) -> None:
    from models.db import get_engine, session_scope
    from models.tables import FlagEvent

    with session_scope(get_engine(crawl_db), write=False) as session:
        actors = sorted(e.actor for e in session.exec(select(FlagEvent)))
    assert actors == ["source:googleplay", "source:trustpilot", "source:yelp"]


@pytest.mark.slow
def test_recent_unanswered_reviews_are_reread_older_ones_are_not(crawls) -> None:
    before, second, third = crawls["hits"]
    # crawl 2: page 1 holds an unanswered review of 2 days ago -> page 2 read again (its reply found);
    # page 2 still held an unanswered recent review when crawl 2 began -> page 3 read too
    assert second[TP2] == before[TP2] + 1
    # crawl 3: page 2 now holds only answered or >30-day-old reviews -> pagination stops there
    assert third[TP2] == second[TP2] + 1 and third[TP3] == second[TP3]


@pytest.mark.slow
def test_a_reply_without_a_date_is_kept_and_logged(crawls, crawl_db) -> None:
    text, _, at, _ = _stored(crawl_db)["rv-r02"]
    assert (text, at) == ("We hear you, please come back.", None)
    log = (crawls["logs"] / "yelp-first.log").read_text(encoding="utf-8")
    assert "review yelp/rv-r02: reply has no date; kept without one (a date stored before stays; else left out of time to reply)" in log
