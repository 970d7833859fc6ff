"""A hotel's 2/10 reads "2/10" in the queue, the detail page, both CSVs, the CLI and the webhook, never "1.44★"."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from triage_pages import BASE_DAY, MODEL
from typer.testing import CliRunner

from models.db import get_engine, session_scope

HOTEL_TEXT = "Room was dirty and the staff shrugged."


@pytest.fixture
def hotel(seeded) -> int:  # noqa: ANN001
    """A flagged Acme review rated 2 out of 10 (normalised 1.44, as the scorer's reason says); its flag id."""
    from models.crud import save_scores, upsert_flags, upsert_reviews

    with session_scope(get_engine(seeded.url)) as s:
        [review_id] = upsert_reviews(s, [{
            "source": "schemaorg:hotel.example", "external_id": "h1", "rating": 1.44, "rating_raw": 2,
            "rating_scale": 10, "text": HOTEL_TEXT, "published_at": BASE_DAY, "url": "https://hotel.example/r/1",
        }], brand_id=seeded.acme).new_ids
        [score_id] = save_scores(s, [{"review_id": review_id, "model_version": MODEL, "label": "negative",
                                      "stars": 1.2, "p_negative": 0.9, "detractor": True, "reasons": ["rated 1.44★"]}])
        upsert_flags(s, [{"review_id": review_id, "score_id": score_id, "brand_id": seeded.acme,
                          "reasons": ["rated 1.44★"], "severity": 2.0}])
        from sqlmodel import select

        from models.tables import Flag
        return s.exec(select(Flag.id).where(Flag.review_id == review_id)).one()


def test_queue_and_detail_show_the_published_rating(ana, hotel: int) -> None:
    queue = ana.get("/").text
    assert "2/10" in queue and "rated 2/10" in queue and "1.44" not in queue
    detail = ana.get(f"/flags/{hotel}").text
    assert "rated 2/10" in detail and "1.44★" not in detail and "<dd>2/10" in detail


def test_queue_csv_keeps_both_values(ana, hotel: int) -> None:
    rows = list(csv.DictReader(io.StringIO(ana.get("/queue.csv").content.decode("utf-8-sig"))))
    row = next(r for r in rows if r["flag_id"] == str(hotel))
    assert row["rating"] == "1.44" and row["rating_as_published"] == "2/10" and row["reasons"] == "rated 2/10"
    assert next(r for r in rows if r["rating"] == "1.0")["rating_as_published"] == "1★"


def test_weekly_detractors_csv_shows_the_published_rating(seeded, hotel: int, tmp_path: Path) -> None:
    from reporting.weekly import write_weekly_export

    write_weekly_export(get_engine(seeded.url), week="2026-W10", brand="Acme", out_dir=tmp_path, tz="UTC")
    rows = list(csv.DictReader((tmp_path / "detractors-acme-2026-W10.csv").open(encoding="utf-8")))
    row = next(r for r in rows if r["text"] == HOTEL_TEXT)
    assert (row["rating"], row["rating_as_published"], row["reasons"]) == ("1.44", "2/10", "rated 2/10")


def test_cli_list_shows_the_published_rating(seeded, hotel: int) -> None:
    from umot.cli import app

    r = CliRunner().invoke(app, ["detractors", "list", "--brand", "Acme", "--limit", "0", "--database-url", seeded.url],
                           env={"COLUMNS": "250"})
    line = next(line for line in r.output.splitlines() if line.lstrip().startswith(str(hotel)))
    assert "2/10" in line and "rated 2/10" in line and "1.44" not in line


def test_webhook_quotes_the_published_rating() -> None:
    from flows.notify import format_message
    from flows.outcomes import BrandReport
    from flows.tasks.summarise import as_detractor

    flag = SimpleNamespace(brand_id=1, severity=2.0, reasons=["rated 1.44★"])
    review = SimpleNamespace(id=7, text=HOTEL_TEXT, title=None, url="https://hotel.example/r/1", rating=1.44,
                             rating_raw=2.0, rating_scale=10.0, author=None, source="schemaorg:hotel.example")
    item = as_detractor(flag, review)
    assert item.reasons == ("rated 2/10",)
    text = format_message(BrandReport(brand_id=1, brand="Acme", new_detractors=1, detractors=[item]))
    assert f"> 2/10 “{HOTEL_TEXT}”" in text
