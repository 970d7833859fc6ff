"""Counts in messages read right for every number."""

from core.wording import plural


def test_plural() -> None:
    assert [plural(n, "review") for n in (0, 1, 2)] == ["0 reviews", "1 review", "2 reviews"]
    assert plural(1, "reply", "replies") == "1 reply" and plural(3, "reply", "replies") == "3 replies"
