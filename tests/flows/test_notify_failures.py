"""A webhook never fails the night: a host name that cannot be encoded, a hook that never answers,
a notify task that fails outright. Before, each ended `umot run` with a traceback-born error, exit 1, no
report written, the other brands not notified and the backlog not saved."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.webhook_post import post_webhook
from tests.flows.conftest import review_rows
from tests.local_http import QuietHandler, serving

FAST = dict(crawl_retries=1, retry_delay=0.0, batch_size=10)
BAD_HOST = "https://hooks..slack.com/services/T/B/X"  # stored before `webhook set` refused it


@pytest.fixture
def slow_hook() -> Iterator[str]:
    """A hook whose path says how it answers: ``/200`` or ``/500`` then a 40-byte body a byte every
    half second; ``/stall`` nothing for 20 s."""

    class Hook(QuietHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            try:
                if self.path.endswith("/stall"):
                    time.sleep(20)
                if self.path.endswith("/late"):  # the status line after 12 s, then at once the body
                    time.sleep(12)
                    self.path = f"{self.path[:-4]}200"
                self.send_response(int(self.path.rsplit("/", 1)[1]))
                self.send_header("Content-Length", "40")
                self.end_headers()
                for _ in range(40):
                    self.wfile.write(b".")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass  # the client gave up

    with serving(Hook) as base:
        yield f"{base}/hook/secret-token"


def test_a_host_name_that_cannot_be_encoded_is_a_failed_post(caplog) -> None:
    """Was UnicodeError: encoding with 'idna' codec failed, raised out of post_webhook."""
    assert post_webhook(BAD_HOST, "x") is False
    assert "webhook https://hooks..slack.com/… failed: UnicodeError" in caplog.text
    assert "services/T/B/X" not in caplog.text


def test_a_2xx_whose_body_never_ends_is_a_delivered_post(slow_hook: str, caplog) -> None:
    """Was False after the 20 s deadline: the hook had taken the message, and the next night posted it again."""
    started = time.monotonic()
    assert post_webhook(f"{slow_hook}/200", "x", timeout=5, deadline=10) is True
    assert time.monotonic() - started < 5  # the body (20 s) is not waited for
    assert caplog.text == ""


@pytest.mark.slow
def test_a_status_line_within_the_deadline_is_a_delivered_post(slow_hook: str, caplog) -> None:
    """A hook answering 200 after 12 s, inside the 20 s deadline: was a failed post (each read had a 10 s timeout),
    and the next night posted its detractors again."""
    assert post_webhook(f"{slow_hook}/late", "x", deadline=15) is True
    assert caplog.text == ""


@pytest.mark.parametrize(("path", "why"), [("500", "answered HTTP 500"), ("stall", "failed: no answer within 2 s")])
def test_an_error_or_no_status_within_the_deadline_is_a_failed_post(slow_hook: str, path: str, why: str,
                                                                     caplog) -> None:
    """An error status fails at once, trickled body or not; a hook that never answers fails at the deadline."""
    started = time.monotonic()
    assert post_webhook(f"{slow_hook}/{path}", "x", timeout=5, deadline=2) is False
    assert time.monotonic() - started < 4
    assert f"webhook http://127.0.0.1:{slow_hook.split(':')[2].split('/')[0]}/… {why}" in caplog.text
    assert "secret-token" not in caplog.text


@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize("failure", ["bad host", "task fails"])
def test_a_failing_webhook_is_a_failed_post_not_a_failed_night(
    failure: str, store, add_source, fake_crawls, fake_scorer, webhook_server, monkeypatch
) -> None:
    """A host name IDNA refuses raised UnicodeError past post_webhook, and the notify task's own failure
    (its 60 s limit: TaskRunTimeoutError) reached the flow: the night failed, with no report written,
    the other brands not notified and nothing kept for the next night."""
    import flows.tasks.notify as notify_task
    from flows.nightly import nightly
    from flows.notify_backlog import load_state

    base, got = webhook_server
    if failure == "task fails":
        real = notify_task.post_webhook

        def post(url: str, text: str) -> bool:
            if "/acme" in url:
                raise TimeoutError("the task ran past its limit")
            return real(url, text)

        monkeypatch.setattr(notify_task, "post_webhook", post)
    add_source("Acme", "shop", webhook_url=BAD_HOST if failure == "bad host" else f"{base}/acme")
    add_source("Zeta", "zshop", webhook_url=f"{base}/zeta")
    fake_crawls({"shop": [review_rows("shop", 3)], "zshop": [review_rows("zshop", 3)]})

    result = nightly(**FAST)
    assert {b.brand: b.notified for b in result.brands} == {"Acme": False, "Zeta": True}
    assert [path for path, _ in got] == ["/zeta"]
    assert result.report_path and Path(result.report_path).is_file()
    acme = next(b for b in result.brands if b.brand == "Acme")
    assert len(load_state()[str(acme.brand_id)]["unsent"]) == 1  # r0: posted by the next night that can
