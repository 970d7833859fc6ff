"""Ids and page numbers past 64 bits (or odd digits) answer 404 or a page, never 500, on both stores."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from triage_pages import csrf_of, login

HUGE = "99999999999999999999"  # > 2**64
PAST_INT = "2147483648"  # 2**31: past PostgreSQL's INTEGER ids (a 500 there: "integer out of range")


@pytest.fixture
def viewer(any_seeded):  # noqa: ANN001, ANN201
    from umot.web.app import create_app

    with TestClient(create_app(any_seeded.url, secret_key="k"), raise_server_exceptions=False) as client:
        assert login(client, "ana@acme.example").status_code == 303
        yield client


@pytest.mark.parametrize(
    "path", [f"/flags/{HUGE}", f"/flags/-{HUGE}", "/flags/0", f"/reviews/{HUGE}", f"/brands/{HUGE}",
             f"/?brand={HUGE}", "/?brand=%C2%B2", f"/queue.csv?brand={HUGE}", f"/flags/{PAST_INT}",
             f"/reviews/{PAST_INT}", f"/brands/{PAST_INT}", f"/?brand={PAST_INT}", f"/queue.csv?brand={PAST_INT}"],
)
def test_ids_past_64_bits_are_not_found(viewer, path: str) -> None:
    assert viewer.get(path).status_code == 404


@pytest.mark.parametrize("flag_id", [HUGE, PAST_INT])
def test_changing_a_flag_past_64_bits_is_not_found(viewer, flag_id: str) -> None:
    token = csrf_of(viewer.get("/").text)
    assert viewer.post(f"/flags/{flag_id}", data={"status": "resolved", "csrf_token": token}).status_code == 404


@pytest.mark.parametrize("page", [HUGE, "%C2%B2", "-3", "1e9"])
def test_page_numbers_past_the_end_show_a_page(viewer, page: str) -> None:
    r = viewer.get(f"/?page={page}")
    assert r.status_code == 200 and "Detractor queue" in r.text
    assert viewer.get(f"/queue.csv?page={page}").status_code == 200


LONG = "1" * 5000  # past Python's 4,300-digit limit on int(): a ValueError, answered 500


@pytest.mark.parametrize(
    "path", [f"/?brand={LONG}", f"/queue.csv?brand={LONG}", f"/advocates?brand={LONG}", f"/flags/{LONG}",
             f"/flags/-{LONG}", f"/reviews/{LONG}", f"/brands/{LONG}", f"/brands/{LONG}/benchmark"],
)
def test_ids_of_thousands_of_digits_are_not_found(viewer, path: str) -> None:
    assert viewer.get(path).status_code == 404


@pytest.mark.parametrize("page", [LONG, "0" * 4990 + "2"])
def test_page_numbers_of_thousands_of_digits_show_a_page(viewer, page: str) -> None:
    r = viewer.get(f"/?page={page}")
    assert r.status_code == 200 and "Detractor queue" in r.text
    assert viewer.get(f"/queue.csv?page={page}").status_code == 200


def test_a_long_number_reads_as_its_ceiling() -> None:
    from umot.web.numbers import capped

    assert [capped(raw, 100) for raw in ("7", "0007", "100", "101", LONG, "²", "-1", "", "1e3")] == [
        7, 7, 100, 100, 100, None, None, None, None]
