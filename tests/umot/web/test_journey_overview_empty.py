"""The overview's journey chart: a stage with no texts in the week has no negative share
(an em dash, as the weekly CSV leaves it empty), not 0%."""

from __future__ import annotations


def _read_stages(seeded) -> None:  # noqa: ANN001
    """Acme reviews a0-a6 (the week up to the newest review) read as speaking of `use` only."""
    from models.crud.journeys import save_journeys
    from models.db import get_engine, session_scope

    with session_scope(get_engine(seeded.url)) as session:
        save_journeys(session, [
            {"review_id": seeded.reviews[f"a{i}"], "model_version": "themes-test",
             "themes": {"delivery": "negative"}, "stages": ["use"], "primary_stage": "use"}
            for i in range(7)
        ])


def _row(html: str, stage: str) -> str:
    chart = html.split('class="journey-chart"', 1)[1].split("</table>", 1)[0]
    return chart.split(f'data-stage="{stage}"', 1)[1].split("</tr>", 1)[0]


def test_a_stage_with_no_texts_shows_no_share(seeded, ana) -> None:  # noqa: ANN001
    _read_stages(seeded)
    html = ana.get(f"/brands/{seeded.acme}").text
    empty = _row(html, "refer")
    assert '<td class="num">0</td>' in empty
    assert "0%" not in empty and "—" in empty
    assert 'aria-label="0 texts"' in empty
    use = _row(html, "use")  # a2 and a5 are rated 3 (scored neutral): 5 of 7 negative
    assert '<td class="num">71%</td>' in use and "71% negative" in use and "—" not in use
