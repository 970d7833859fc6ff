"""A crawl counts each Google Play array that is no review as a parse error, and logs what was wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawlers.runner import run_crawl

DETAILS = "/store/apps/details?id=com.acme.shop&hl=en&gl=us"
BATCH = "/_/PlayStoreUi/data/batchexecute"


def array(review_id: str, rating: Any) -> list[Any]:
    return [review_id, ["Ann", [None, 2]], rating, None, f"Text of {review_id}", [1709900000, 0], 0,
            None, None, None, "5.4.1", None]


def _batch(hit: Any) -> tuple[int, str, bytes]:
    items = [array("gp:1", 5), array("gp:2", "4"), array("gp:3", "x")]
    payload = json.dumps([items, None])
    env = [["wrb.fr", "UsvDTd", payload, None, None, None, "generic"], ["di", 42]]
    return 200, "application/json; charset=utf-8", (")]}'\n\n" + json.dumps(env)).encode()


def _details(hit: Any) -> tuple[int, str, bytes]:
    block = "AF_initDataCallback({key: 'ds:8', hash: '7', data:[[], null], sideChannel: {}});"
    return 200, "text/html; charset=utf-8", f'<html><body><script nonce="x">{block}</script></body></html>'.encode()


@pytest.mark.slow
def test_crawl_counts_and_names_the_array_that_is_no_review(serve_site, local_settings, tmp_path: Path) -> None:
    site = serve_site(tmp_path, {DETAILS: _details, f"POST {BATCH}": _batch})
    log = tmp_path / "crawl.log"
    out = tmp_path / "gp.jsonl"
    result = run_crawl("googleplay", [site.url(DETAILS)], brand=None, output=out, settings=local_settings, log_file=log)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted((r["external_id"], r["rating"]) for r in rows) == [("gp:1", 5.0), ("gp:2", 4.0)]
    assert result.ok and result.errors == 1  # gp:3, counted as umot/parse_errors
    assert "review gp:3: stars at [2] are 'x', not 1-5" in log.read_text()

