"""What a running demo site tells its user: where it is, its brands and what a crawl should find.

Kept apart from the HTTP serving (:mod:`umot.demo.server`) because tests,
benchmarks and ``umot demo`` only read these, and stop the site through them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from umot.demo.site import SiteContent


@dataclass
class DemoBrand:
    """A brand of the demo site: crawl ``url`` with ``--brand name``; ``n_reviews`` a crawl should find."""

    name: str
    slug: str
    url: str
    n_reviews: int

    def __str__(self) -> str:
        return self.name


@dataclass
class DemoSite:
    """A running demo site. Use as a context manager, or call :meth:`stop`."""

    base_url: str
    brands: list[DemoBrand]
    content: SiteContent
    requested_paths: list[str] = field(default_factory=list)
    _server: Any = None
    _thread: Any = None

    @property
    def n_reviews(self) -> int:
        """Reviews a crawl of the whole site (from :attr:`base_url`) should find."""
        return sum(b.n_reviews for b in self.brands)

    @property
    def crawl_settings(self) -> dict[str, Any]:
        """Crawl settings for this local site: politeness delays off (robots.txt still obeyed)."""
        from crawlers.runner import LOCAL_SITE_SETTINGS

        return dict(LOCAL_SITE_SETTINGS)

    def brand(self, name: str) -> DemoBrand:
        for b in self.brands:
            if b.name == name or b.slug == name:
                return b
        raise KeyError(name)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> DemoSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
