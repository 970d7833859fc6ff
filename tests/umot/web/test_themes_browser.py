"""Themes and stages in a real browser (#18): `umot web` in a subprocess, headless Chromium via Playwright.

Filters the queue by theme, then by stage, sees the chips, corrects a theme on a
detractor and finds the correction in its audit trail, then opens the overview's
journey chart and follows a stage, then a top theme, from it back into the queue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_triage_browser import CHROMIUM, CHROMIUM_ARGS, server  # noqa: F401  (the `umot web` fixture)
from test_triage_themes import add_readings
from triage_pages import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing (`make browser` installs it)"),
]


@pytest.fixture
def themed_server(seeded, request):  # noqa: ANN001, ANN201
    add_readings(seeded)  # before the server starts: it reads the same store file
    return request.getfixturevalue("server")


def test_queue_filters_by_theme_and_stage_in_a_browser(themed_server: str, seeded, tmp_path: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect, sync_playwright

    base = themed_server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/login")
        page.fill("input[name=email]", "ana@acme.example")
        page.fill("input[name=password]", PASSWORD)
        page.click("form[action='/login'] button")
        expect(page.locator("h1")).to_have_text("Detractor queue")

        page.select_option("select[name=theme]", "delivery")  # filters apply on change (app.js)
        rows = page.locator("table.queue tbody tr")
        expect(rows).to_have_count(5)
        expect(rows.nth(0).locator(".chip.theme")).to_have_text("delivery")
        page.select_option("select[name=theme]", "")
        page.select_option("select[name=stage]", "repeat")
        expect(rows).to_have_count(5)
        expect(rows.nth(0).locator(".chip.stage", has_text="repeat")).to_be_visible()
        page.select_option("select[name=theme]", "delivery")  # no delivery review speaks of coming back
        expect(page.locator("p.empty")).to_be_visible()
        page.select_option("select[name=stage]", "buy")
        expect(rows).to_have_count(5)
        page.screenshot(path=str(tmp_path / "queue-by-theme-and-stage.png"))

        rows.nth(0).locator("td.text a").click()
        page.select_option("#themes select[name=action]", "add")
        page.select_option("#themes select[name=theme]", "speed_wait")
        page.click("#themes button[type=submit]")
        expect(page.locator(".flash")).to_contain_text("speed_wait")
        expect(page.locator("#themes .themes")).to_contain_text("speed wait")
        expect(page.locator("table.audit tbody tr").nth(0)).to_contain_text("→ delivery (negative), speed_wait (negative)")

        page.goto(f"{base}/brands/{seeded.acme}")
        expect(page.locator(".journey-chart tbody tr")).to_have_count(7)
        width = {s: page.locator(f".journey-chart tr[data-stage={s}] rect.jall").bounding_box()["width"]
                 for s in ("use", "buy", "repeat")}  # drawn as SVG: the page's CSP allows no inline styles
        assert width["use"] > width["buy"] > width["repeat"] > 0
        page.click(".journey-chart tr[data-stage=repeat] a")
        expect(page.locator("select[name=stage]")).to_have_value("repeat")
        expect(rows).to_have_count(3)  # the panel's week only (its from/to), as the stage's 3 texts
        page.go_back()
        top = page.locator(".top-themes li").nth(0)
        expect(top).to_contain_text("delivery · 4 detractors")  # a0, a2, a4, a6
        top.locator("a", has_text="delivery").click()
        expect(page.locator("select[name=theme_polarity]")).to_have_value("negative")
        expect(page.locator("nav.tabs a.active")).to_contain_text("Detractors")
        expect(rows).to_have_count(4)
        page.screenshot(path=str(tmp_path / "overview-journey.png"), full_page=True)
        browser.close()
