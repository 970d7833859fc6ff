"""One source as configured in ``umot.toml``: a brand, a spider, where it starts and its arguments.

What :mod:`models.sources_config` reads out of a ``[[sources]]`` table, what ``umot sources add``
writes back into one (``models.sources_config_edits``), and what ``crawlers.sources_sync``
makes the store's ``Source`` rows match; two sources are one when their :attr:`SourceConfig.key`
is, whatever case the brand is written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.identity import brand_key


@dataclass
class SourceConfig:
    """One source as configured: where a spider starts for a brand, and its arguments."""

    brand: str
    name: str
    spider: str
    urls: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True

    @property
    def key(self) -> tuple[str, str]:
        """What tells two sources apart: the brand by the store's rule (``acme`` is ``Acme``), the name as written."""
        return (brand_key(self.brand), self.name)

    def too_long(self) -> str | None:
        """Why the store cannot hold this source's brand or name (too long, or a control character in
        it), None when it can: the CLI refuses such a source, a sync skips one a person wrote in the file."""
        from models.crud.brands import check_brand_name
        from models.crud.name_limits import BadNameError
        from models.crud.sources import check_source_name

        try:
            check_brand_name(self.brand)
            check_source_name(self.name)
        except BadNameError as exc:
            return str(exc)
        return None

    def as_toml(self) -> dict[str, Any]:
        table: dict[str, Any] = {"brand": self.brand, "name": self.name, "spider": self.spider}
        if self.urls:
            table["urls"] = list(self.urls)
        if self.options:
            table["options"] = dict(self.options)
        if not self.enabled:
            table["enabled"] = False
        return table
