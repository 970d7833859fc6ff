"""A local HTTP server in a thread for a test: a free port on 127.0.0.1, shut down and closed after.

Tests answer webhooks, Prefect's health check or a small site with a ``BaseHTTPRequestHandler`` of their
own; this is the part they all share (it was written out in each fixture). A handler that subclasses
:class:`QuietHandler` keeps pytest's output free of access-log lines.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing."""

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler],
            server_class: type[ThreadingHTTPServer] = ThreadingHTTPServer) -> Iterator[str]:
    """Serve ``handler`` in a daemon thread for the block; yields ``http://127.0.0.1:PORT``."""
    server = server_class(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a request still hanging (a stalled hook) does not hold the close
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
