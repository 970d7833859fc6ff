"""The queue's exports (``umot detractors list --format csv|json``, the web ``/queue.csv``) a chunk of rows at a time.

They loaded every flag as Flag, Review and Score objects and built the whole text before writing a byte:
10-16 KB a flag, 0.5-0.8 GB at 50,000. Now at most two chunks of rows are alive at once, and the bytes
are those the whole list gave (formula guard, themes and stages, JSON's indentation included).
"""

from __future__ import annotations

import csv
import io
import json
import weakref
from collections.abc import Iterator

import pytest
from sqlalchemy import event, text
from triage_pages import login
from typer.testing import CliRunner

from umot.cli import app as cli

CHUNK = 4  # 30 Acme flags, 32 in all: several chunks and a short last one
ODD_TEXT = "line one\nline two\u2028after a line separator\r\n\ttab \"quoted\" \\ back"


def add_readings(url: str, external_ids: list[str], reviews: dict[str, int]) -> None:
    from models.crud.journeys import save_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(url)) as session:
        save_journeys(session, [
            {"review_id": reviews[ext], "model_version": "themes-test", "primary_stage": "use",
             "themes": {"delivery": "negative"} if i % 2 else {"service_staff": "negative", "price_value": "neutral"},
             "stages": ["buy", "use"] if i % 3 else ["use"]}
            for i, ext in enumerate(external_ids)
        ])


@pytest.fixture
def store(any_seeded):  # noqa: ANN001, ANN201
    """The seeded store with readings on most Acme reviews and one text full of line breaks."""
    from models.db import get_engine

    if not getattr(any_seeded, "_export_ready", False):  # the PostgreSQL seed is shared by the module
        add_readings(any_seeded.url, [f"a{i}" for i in range(25)] + ["g0"], any_seeded.reviews)
        with get_engine(any_seeded.url).begin() as conn:
            conn.execute(text("UPDATE review SET text = :t WHERE id = :id"), {"t": ODD_TEXT, "id": any_seeded.reviews["a3"]})
        any_seeded._export_ready = True
    return any_seeded


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("models.crud.triage.queue.EXPORT_CHUNK", CHUNK, raising=False)  # the old code had none


@pytest.fixture
def peak_flags() -> Iterator[list[int]]:
    """``[n]``: the most Flag objects alive at once while the test ran (counted at every Flag loaded)."""
    from models.tables import Flag

    alive: list[weakref.ref] = []
    peak = [0]

    def loaded(target: Flag, context: object) -> None:
        alive[:] = [*(ref for ref in alive if ref() is not None), weakref.ref(target)]
        peak[0] = max(peak[0], len(alive))

    event.listen(Flag, "load", loaded)
    yield peak
    event.remove(Flag, "load", loaded)


def whole_list(url: str, brand_ids: list[int] | None) -> tuple[str, str]:
    """The CSV and JSON as the exports built them from every row at once."""
    from models.crud.journeys import current_journeys
    from models.crud.triage import QueueFilter, query_queue
    from models.db import get_engine, session_scope
    from reporting import csv_safe
    from umot.web.queue_csv import COLUMNS, csv_row

    with session_scope(get_engine(url), write=False) as session:
        rows, _ = query_queue(session, QueueFilter(brand_ids=brand_ids), limit=None)
        journeys = current_journeys(session, [r.review.id for r in rows if r.review.id is not None])
        cells = [csv_row(r, journeys.get(r.review.id or 0)) for r in rows]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows([["" if c is None else csv_safe(c) for c in row] for row in cells])
    as_json = json.dumps([dict(zip(COLUMNS, row)) for row in cells], indent=2, ensure_ascii=False, default=str)
    return buf.getvalue(), as_json + "\n"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_cli_export_holds_a_chunk_and_writes_what_the_whole_list_gave(
        store, small_chunks, peak_flags, fmt: str) -> None:  # noqa: ANN001
    done = CliRunner().invoke(cli, ["detractors", "list", "--format", fmt, "--database-url", store.url])
    assert done.exit_code == 0, done.output
    assert 0 < peak_flags[0] <= 2 * CHUNK  # every flag (32) at once before
    as_csv, as_json = whole_list(store.url, None)
    assert ODD_TEXT in {row["text"] for row in json.loads(as_json)}  # JSON's escapes, CSV's quotes: all as before
    assert done.stdout_bytes.decode() == (as_csv if fmt == "csv" else as_json)  # stdout: \r\n read as \n


def test_the_web_download_holds_a_chunk_and_sends_what_the_whole_list_gave(
        store, small_chunks, peak_flags) -> None:  # noqa: ANN001
    from fastapi.testclient import TestClient

    from umot.web.app import create_app

    with TestClient(create_app(store.url, secret_key="test-secret-key")) as client:
        assert login(client, "ana@acme.example").status_code == 303
        peak_flags[0] = 0  # the login's own reads aside
        got = client.get("/queue.csv?status=all")
    assert got.status_code == 200 and got.headers["content-type"] == "text/csv; charset=utf-8"
    assert got.headers["content-disposition"].startswith('attachment; filename="umot-detractors-')
    assert 0 < peak_flags[0] <= 2 * CHUNK  # every flag the viewer sees (30) at once before
    assert got.content == whole_list(store.url, [store.acme])[0].encode("utf-8-sig")
    assert "delivery (negative)" in got.text and "'=HYPERLINK" in got.text  # readings and the formula guard


@pytest.mark.parametrize(("fmt", "empty"), [("csv", None), ("json", "[]\n")])
def test_an_export_of_nothing_is_what_it_was(seeded, fmt: str, empty: str | None) -> None:  # noqa: ANN001
    done = CliRunner().invoke(cli, ["detractors", "list", "--format", fmt, "--status", "dismissed",
                                    "--database-url", seeded.url])
    assert done.exit_code == 0, done.output
    header = whole_list(seeded.url, [-1])[0]  # no brand: the header alone
    assert done.stdout_bytes.decode() == (empty if empty is not None else header)


def test_a_limited_export_says_what_it_lacks(seeded, small_chunks) -> None:  # noqa: ANN001
    done = CliRunner().invoke(cli, ["detractors", "list", "--format", "json", "--limit", "5",
                                    "--database-url", seeded.url])
    assert done.exit_code == 0, done.output
    assert len(json.loads(done.stdout)) == 5
    assert "note: 5 of 32 detractors written; --limit 0 for all" in done.stderr


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_store_failing_mid_export_says_so_not_cannot_open(
        seeded, small_chunks, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:  # noqa: ANN001
    """The rows already written stay on stdout; the one line says the export is incomplete, exit 2."""
    from sqlalchemy.exc import OperationalError

    import umot.web.queue_csv as queue_csv

    calls = [0]
    real = queue_csv.current_journeys

    def failing(session: object, ids: list[int]) -> object:
        calls[0] += 1
        if calls[0] == 2:
            raise OperationalError("SELECT", {}, Exception("disk I/O error"))
        return real(session, ids)

    monkeypatch.setattr(queue_csv, "current_journeys", failing)
    done = CliRunner().invoke(cli, ["detractors", "list", "--format", fmt, "--database-url", seeded.url])
    assert done.exit_code == 2 and done.stdout
    assert done.stderr.strip() == ("error: the store stopped answering mid-export: disk I/O error "
                                   "(what was written is incomplete)")
