"""Site parsers: pure functions from a response body to review rows.

Each module reads one site's documented (or observed) format and returns a
:class:`~crawlers.parsers.common.ParsedPage`; a body it cannot read raises
:class:`~crawlers.parsers.common.ParseError` with the reason, which the spider
logs with the URL and counts, and carries on.
"""

from crawlers.parsers.common import ParsedPage, ParseError, make_review

__all__ = ["ParseError", "ParsedPage", "make_review"]
