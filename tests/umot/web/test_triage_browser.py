"""The triage loop in a real browser: `umot web` in a subprocess, headless Chromium via Playwright.

Logs in, filters, opens a detractor, resolves it, checks the audit trail, and
checks that hostile review text never runs; screenshots go to the test's tmp dir.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from triage_pages import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing (`make browser` installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(seeded, tmp_path: Path):  # noqa: ANN001, ANN201
    """`umot web` on a free port against the seeded store; its base URL."""
    port = free_port()
    umot = shutil.which("umot", path=str(Path(sys.executable).parent)) or "umot"
    env = {**os.environ, "UMOT_DATA_DIR": str(tmp_path / "data"), "UMOT_SECRET_KEY": "browser-test-" + "k" * 32}
    proc = subprocess.Popen([umot, "web", "--port", str(port), "--database-url", seeded.url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"umot web did not start: {proc.stdout.read() if proc.poll() is not None else 'timeout'}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_triage_loop_in_a_browser(server: str, seeded, tmp_path: Path) -> None:  # noqa: ANN001
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        page.goto(server + "/")
        expect(page).to_have_url(server + "/login?next=%2F")
        page.fill("input[name=email]", "ana@acme.example")
        page.fill("input[name=password]", PASSWORD)
        page.click("form[action='/login'] button")
        expect(page.locator("h1")).to_have_text("Detractor queue")
        expect(page.locator("table.queue tbody tr")).to_have_count(25)

        page.select_option("select[name=source]", "appstore")  # applies on change (app.js)
        expect(page.locator("table.queue tbody tr")).to_have_count(10)
        page.fill("input[name=q]", "order 3 arrived")
        page.click("form.filters button[type=submit]")
        expect(page.locator("table.queue tbody tr")).to_have_count(1)
        page.screenshot(path=str(tmp_path / "queue-filtered.png"))

        page.click("table.queue tbody tr a")
        expect(page).to_have_url(f"{server}/flags/{seeded.flags['a3']}")
        expect(page.locator("#corrected")).to_be_hidden()
        page.select_option("#status", "dismissed")
        expect(page.locator("#corrected")).to_be_visible()
        page.select_option("#status", "resolved")
        page.fill("input[name=assignee]", "ana@acme.example")
        page.fill("textarea[name=note]", "Refund sent, customer thanked us")
        page.click("form.triage button[type=submit]")
        expect(page.locator(".flash")).to_have_text("Saved 3 change(s).")
        audit = page.locator("table.audit tbody tr")
        expect(audit).to_have_count(3)
        expect(audit.nth(0)).to_contain_text("web:ana@acme.example")
        expect(audit.nth(0)).to_contain_text("new → resolved")
        expect(audit.nth(2)).to_contain_text("Refund sent, customer thanked us")
        page.screenshot(path=str(tmp_path / "detractor-resolved.png"), full_page=True)

        page.click("text=← Back to the queue")  # the queue as it was left: same filters, open ones
        expect(page.locator("p.empty")).to_be_visible()
        page.click("nav.tabs a:has-text('Resolved')")
        expect(page.locator("table.queue tbody tr")).to_have_count(1)
        expect(page.locator("table.queue .badge")).to_have_text("Resolved")

        page.goto(f"{server}/flags/{seeded.flags['a5']}")  # <script> and onerror= in title and text
        expect(page.locator(".review-text")).to_contain_text("<script>alert('pwned')</script>")
        expect(page.locator("h1")).to_have_text('"><img src=x onerror=alert(1)>')
        expect(page.locator("img")).to_have_count(0)
        browser.close()
    assert dialogs == []
    assert (tmp_path / "detractor-resolved.png").stat().st_size > 10_000
