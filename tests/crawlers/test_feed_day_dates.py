"""A feed date with no time of day is noon of that day in ``UMOT_TIMEZONE``, as every other day-only date."""

from __future__ import annotations

import pytest

from crawlers.parsers import feed

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2024-03-04</updated>
<entry><id>urn:e1</id><title>Acme</title><updated>2024-03-04</updated><content type="text">Great kettle.</content></entry>
<entry><id>urn:e2</id><title>Acme</title><updated>2024-03-04T09:30:00Z</updated><content type="text">Meh.</content></entry>
</feed>"""

RSS1 = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://blog.example/"><title>Blog</title><link>https://blog.example/</link><description>d</description></channel>
<item rdf:about="https://blog.example/post/1"><title>Acme review</title><link>https://blog.example/post/1</link>
<description>The Acme kettle is great.</description><dc:date>2024-03-04</dc:date></item>
<item rdf:about="https://blog.example/post/2"><title>Acme</title><link>https://blog.example/post/2</link>
<description>Midnight post.</description><dc:date>2024-03-04T00:00:00Z</dc:date></item>
</rdf:RDF>"""


@pytest.mark.parametrize("body", [ATOM, RSS1], ids=["atom", "rss1"])
def test_a_day_is_noon_in_the_team_timezone(body: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_TIMEZONE", "America/New_York")
    day, timed = feed.parse(body, "https://blog.example/feed").reviews
    assert day["published_at"].isoformat() == "2024-03-04T17:00:00+00:00"
    assert timed["published_at"].isoformat() in ("2024-03-04T09:30:00+00:00", "2024-03-04T00:00:00+00:00")
