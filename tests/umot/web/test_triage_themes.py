"""Themes and journey stages in the triage app (#18): queue filters and chips, detail and its
audited corrections, the overview's journey chart and its detractors' top themes."""

from __future__ import annotations

import pytest
from triage_pages import csrf_of


def add_readings(seeded) -> None:  # noqa: ANN001
    """Acme reviews a0-a9 read by the detector: even ones about delivery at buying time, odd ones about staff."""
    from models.crud.journeys import save_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as session:
        save_journeys(session, [
            {"review_id": seeded.reviews[f"a{i}"], "model_version": "themes-test",
             "themes": {"delivery": "negative"} if i % 2 == 0 else {"service_staff": "negative", "price_value": "neutral"},
             "stages": ["buy", "use"] if i % 2 == 0 else ["use", "repeat"], "primary_stage": "use"}
            for i in range(10)
        ])


@pytest.fixture
def themed(seeded):  # noqa: ANN001, ANN201
    add_readings(seeded)
    return seeded


def test_queue_filters_by_theme_and_stage_and_shows_chips(themed, ana) -> None:  # noqa: ANN001
    html = ana.get("/?theme=delivery&status=all").text
    assert html.count('<tr>') - 1 == 5  # a0, a2, a4, a6, a8 (the header row aside)
    assert 'class="chip theme theme-negative"' in html and ">delivery</span>" in html
    assert '<option value="delivery" selected>' in html
    repeat = ana.get("/?stage=repeat&status=all").text
    assert "Order 1 arrived" in repeat and "Order 0 arrived" not in repeat
    both = ana.get("/?stage=repeat&theme=delivery&status=all").text
    assert "No detractors match these filters." in both
    bad = ana.get("/?stage=shopping&status=all").text
    assert "Ignored filter — stage: unknown value &#39;shopping&#39;" in bad


def test_detail_shows_themes_and_an_audited_correction(themed, ana) -> None:  # noqa: ANN001
    flag_id = themed.flags["a0"]
    page = ana.get(f"/flags/{flag_id}").text
    assert 'id="themes"' in page and "delivery" in page.split('id="themes"', 1)[1].split("</section>", 1)[0]
    token = csrf_of(page)
    done = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "delivery", "action": "remove"},
                    follow_redirects=False)
    assert done.status_code == 303
    done = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "billing_refunds",
                                                      "action": "add", "polarity": "negative"}, follow_redirects=False)
    assert done.status_code == 303
    page = ana.get(f"/flags/{flag_id}").text
    assert "Themes now: billing_refunds." in page
    audit = page.split('<table class="audit">', 1)[1].split("</table>", 1)[0]
    assert "web:ana@acme.example" in audit and "delivery (negative) → (none)" in audit
    assert "(none) → billing_refunds (negative)" in audit
    assert "Order 0 arrived" not in ana.get("/?theme=delivery&status=all").text


def test_a_bad_correction_changes_nothing(themed, ana) -> None:  # noqa: ANN001
    flag_id = themed.flags["a0"]
    token = csrf_of(ana.get(f"/flags/{flag_id}").text)
    bad = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "shipping", "action": "add"})
    assert bad.status_code == 400 and "Themes not changed: unknown theme &#39;shipping&#39;" in bad.text
    assert "Order 0 arrived" in ana.get("/?theme=delivery&status=all").text
    forged = ana.post(f"/flags/{flag_id}/themes", data={"theme": "delivery", "action": "remove"})
    assert forged.status_code == 403
    assert "Order 0 arrived" in ana.get("/?theme=delivery&status=all").text


def test_another_brands_detractor_cannot_be_corrected(themed, client) -> None:  # noqa: ANN001
    from triage_pages import login

    assert login(client, "gus@globex.example").status_code == 303
    token = csrf_of(client.get("/").text)
    r = client.post(f"/flags/{themed.flags['a0']}/themes", data={"csrf_token": token, "theme": "delivery",
                                                                 "action": "remove"})
    assert r.status_code == 404


def test_overview_has_the_journey_chart_and_top_detractor_themes(themed, ana) -> None:  # noqa: ANN001
    html = ana.get(f"/brands/{themed.acme}").text
    chart = html.split('class="journey-chart"', 1)[1].split("</table>", 1)[0]
    assert chart.count("<tr data-stage=") == 7
    use = chart.split('data-stage="use"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">7</td>' in use  # a0-a6 fall in the week up to the newest review
    top = html.split("Top themes of this week", 1)[1].split("</section>", 1)[0]
    assert "delivery</b></a> · 4 detractors" in top and top.count("<blockquote") >= 4
    assert "service staff</b></a> · 3 detractors" in top


def test_the_queue_download_carries_themes_and_stages(themed, ana) -> None:  # noqa: ANN001
    import csv
    import io

    body = ana.get("/queue.csv?theme=delivery&status=all").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 5 and {r["themes"] for r in rows} == {"delivery (negative)"}
    assert {r["stages"] for r in rows} == {"buy; use"}


def test_a_correction_that_changes_nothing_is_not_stored(themed, ana) -> None:  # noqa: ANN001
    """Removing a theme the review lacks was stored, shown in the history and exported for training.
    It is no error either (a double click's second Apply): back to the page, saying nothing changed."""
    flag_id = themed.flags["a0"]  # read as delivery (negative)
    token = csrf_of(ana.get(f"/flags/{flag_id}").text)
    absent = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "price_value", "action": "remove"})
    assert absent.status_code == 200 and absent.history[0].status_code == 303
    assert ("Nothing changed: theme &#39;price_value&#39; is not in the review&#39;s themes, nothing to remove "
            "(its themes: delivery (negative)).") in absent.text
    same = ana.post(f"/flags/{flag_id}/themes", data={"csrf_token": token, "theme": "delivery", "action": "add",
                                                      "polarity": "negative"})
    assert same.history[0].status_code == 303 and "nothing to add" in same.text
    from sqlmodel import select

    from models.crud.triage import flag_events
    from models.db import get_engine, session_scope
    from models.tables import ThemeCorrection

    with session_scope(get_engine(themed.url), write=False) as session:
        assert flag_events(session, flag_id) == [] and session.exec(select(ThemeCorrection)).all() == []
