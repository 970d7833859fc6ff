"""The pagination URL edits the site parsers share."""

from crawlers.parsers.urls import query_int, site_root, with_query


def test_with_query_replaces_the_parameter_and_keeps_the_rest_in_order() -> None:
    url = "https://example.com/review/x?sort=recency&page=2&lang="
    assert with_query(url, "page", 3) == "https://example.com/review/x?sort=recency&lang=&page=3"


def test_with_query_none_removes_the_parameter() -> None:
    assert with_query("https://example.com/biz/a?sort_by=date_desc&start=20", "start", None) == (
        "https://example.com/biz/a?sort_by=date_desc"
    )
    assert with_query("https://example.com/a", "page", None) == "https://example.com/a"


def test_with_query_encodes_values() -> None:
    assert with_query("https://example.com/s?q=a b", "after", "t3_x/y") == (
        "https://example.com/s?q=a+b&after=t3_x%2Fy"
    )


def test_query_int_reads_digits_only() -> None:
    assert query_int("https://example.com/?page=4", "page", 1) == 4
    assert query_int("https://example.com/?page=-4", "page", 1) == 1
    assert query_int("https://example.com/?pages=4", "page", 1) == 1


def test_site_root_keeps_the_port() -> None:
    assert site_root("http://127.0.0.1:8123/review/x?page=2") == "http://127.0.0.1:8123"
