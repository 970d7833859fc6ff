"""HEAD answers like GET, without the body: uptime checks send HEAD (FastAPI's routes answered 405).

An ASGI wrapper rather than ``methods=["GET", "HEAD"]`` on each route, so a page
added later answers HEAD without a line of its own. The page is built as for GET
(same status, redirects and headers, Content-Length included) and its body dropped.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """Serve a HEAD request as a GET whose body is never sent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # a streamed body: only its end goes out, empty
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
