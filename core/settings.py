"""Runtime configuration, read from ``UMOT_*`` environment variables.

One place resolves every default so that the CLI, the flows and the spiders
agree on where the data lives.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_path(name: str, default: str) -> Path:
    return Path(os.environ.get(name, default)).expanduser()


def _env_days(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ValueError(f"{name}={raw!r}: expected a whole number of days (0 or more)")
    return int(raw)


@dataclass(frozen=True)
class Settings:
    """Resolved settings; build one with :func:`get_settings`."""

    data_dir: Path = field(default_factory=lambda: _env_path("UMOT_DATA_DIR", "data"))
    export_dir: Path = field(default_factory=lambda: _env_path("UMOT_EXPORT_DIR", "exports"))
    config_file: Path = field(default_factory=lambda: _env_path("UMOT_CONFIG", "umot.toml"))
    model: str | None = field(default_factory=lambda: os.environ.get("UMOT_MODEL") or None)
    database_url_override: str | None = field(
        default_factory=lambda: os.environ.get("UMOT_DATABASE_URL") or None
    )
    # how many days back a nightly crawl re-reads unanswered reviews for the brand's reply (0 = never)
    reply_window_days: int = field(default_factory=lambda: _env_days("UMOT_REPLY_WINDOW_DAYS", 30))

    @property
    def database_url(self) -> str:
        """``UMOT_DATABASE_URL`` or an SQLite file under the data directory."""
        if self.database_url_override:
            return self.database_url_override
        return f"sqlite:///{(self.data_dir / 'umot.db').resolve()}"


def get_settings() -> Settings:
    """Read the environment now (not at import time, so tests can monkeypatch it)."""
    return Settings()
