"""The demo site's HTTP answers: its pages, robots.txt, a 404, and ETags as real sites send them.

Every page carries an ETag and a conditional GET of an unchanged page gets
"304 Not Modified" without the page, so crawls of the demo site exercise the
crawler's conditional requests as a real site would.
"""

from __future__ import annotations

import hashlib
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from umot.demo.layout import BANNER
from umot.demo.pages import ROBOTS_TXT


def page_handler(pages: dict[str, tuple[int, str]], log: list[str]) -> type[BaseHTTPRequestHandler]:
    """A handler class serving ``pages`` (path -> status, HTML); each requested path is appended to ``log``."""
    robots = ROBOTS_TXT.encode()
    not_found = f"<!doctype html><p>{BANNER}</p><h1>404 Not Found</h1>".encode()
    bodies = {path: (status, text.encode("utf-8")) for path, (status, text) in pages.items()}
    etags = {path: f'"{hashlib.sha1(body).hexdigest()[:16]}"' for path, (_, body) in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = urlsplit(self.path).path
            log.append(path)
            etag = etags.get(path)
            if path == "/robots.txt":
                status, ctype, body = 200, "text/plain; charset=utf-8", robots
            elif path in bodies:
                status, body = bodies[path]
                ctype = "text/html; charset=utf-8"
                if status == 200 and etag and etag in (self.headers.get("If-None-Match") or ""):
                    status, body = 304, b""
            else:
                status, ctype, body = 404, "text/html; charset=utf-8", not_found
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", ctype)
            if etag and status in (200, 304):
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:  # quiet: the crawler logs what matters
            pass

    return Handler
