"""A message a webhook took is posted once, however the night ends after it (docs/flows.md, step 5).

Before, a brand's detractors counted as posted only once the night settled its notifications, after the
artifact, the report file and the night's record: a night stopped or failed in between made the next night
post them again.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from flows.nightly import nightly
from tests.flows.conftest import review_rows
from tests.local_http import QuietHandler, serving

pytestmark = pytest.mark.usefixtures("prefect_harness", "fake_scorer")

FAST: dict[str, Any] = dict(crawl_retries=0, retry_delay=0.0, batch_size=10)


def _two_brands(add_source: Callable[..., int], fake_crawls: Any, base: str) -> None:
    add_source("A", "a1", webhook_url=f"{base}/a")
    add_source("B", "b1", webhook_url=f"{base}/b")
    fake_crawls({"a1": [review_rows("a1", 3), []], "b1": [review_rows("b1", 3), []]})  # one detractor each


def test_a_night_failing_after_its_posts_leaves_nothing_to_post_again(
        add_source: Callable[..., int], fake_crawls: Any, webhook_server: tuple[str, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.night_finish

    base, got = webhook_server
    _two_brands(add_source, fake_crawls, base)

    def no_artifact(**kwargs: Any) -> None:
        raise RuntimeError("the Prefect API went away")

    with monkeypatch.context() as patch:
        patch.setattr(flows.night_finish, "create_markdown_artifact", no_artifact)
        with pytest.raises(RuntimeError, match="the Prefect API went away"):
            nightly(**FAST)
    second = nightly(**FAST)
    assert [path for path, _ in got] == ["/a", "/b"]  # the second night posted neither again
    assert [(b.brand, b.new_detractors, b.notified) for b in second.brands] == [("A", 0, None), ("B", 0, None)]


def test_a_night_stopped_while_posting_to_one_brand_does_not_post_the_brand_before_it_again(
        add_source: Callable[..., int], fake_crawls: Any) -> None:
    """Ctrl-C while brand B's hook is slow to answer: A's message went out, B's was not confirmed."""
    got: list[str] = []
    main = threading.main_thread().ident
    assert main is not None

    class Hook(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802
            json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            got.append(self.path)
            if got == ["/a", "/b"]:
                signal.pthread_kill(main, signal.SIGINT)
                time.sleep(1)
            self.send_response(200)
            self.end_headers()

    with serving(Hook) as base:
        _two_brands(add_source, fake_crawls, base)
        with pytest.raises(KeyboardInterrupt):
            nightly(**FAST)
        second = nightly(**FAST)
    assert got == ["/a", "/b", "/b"]  # B again: the stop came before its hook answered
    assert [(b.brand, b.new_detractors, b.notified) for b in second.brands] == [("A", 0, None), ("B", 1, True)]
