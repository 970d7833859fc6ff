"""Every ``UMOT_*`` setting, in one typed object read once from the environment.

Entry points (the CLI, the flows, the crawl process) call :func:`get_settings`
first, so a value that does not parse fails at start-up in one line naming the
variable (:class:`SettingsError`); code below them asks :func:`get_settings`
for the value it needs, and nothing else reads ``os.environ``. The environment
is parsed once per process, and again only if a ``UMOT_*`` variable changes.
The table of every setting is docs/configuration.md.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.text_limit import DEFAULT_MAX_REVIEW_CHARS

PROJECT_URL = "https://github.com/umot-project/umot"
MAX_THREADS = 1024  # UMOT_THREADS above it is refused: more threads than any machine umot runs on has cores


class SettingsError(ValueError):
    """A ``UMOT_*`` variable holds a value umot cannot use; the message names it."""


class Settings(BaseSettings):
    """Resolved settings; build one with :func:`get_settings` (keywords override the environment)."""

    model_config = SettingsConfigDict(
        env_prefix="UMOT_", env_ignore_empty=True, frozen=True, extra="ignore", populate_by_name=True
    )

    # --- where things live ---
    data_dir: Path = Path("data")
    export_dir: Path = Path("exports")
    # Two names that are not the field's: the alias is the only variable read (keywords use the field name);
    # an AliasChoices with the field name read CONFIG_FILE and DATABASE_URL_OVERRIDE from the environment too.
    config_file: Path = Field(Path("umot.toml"), validation_alias="UMOT_CONFIG")
    database_url_override: str | None = Field(None, validation_alias="UMOT_DATABASE_URL")
    # --- scoring ---
    model: str | None = None  # model directory or hub id; None: the shipped model
    backend: Literal["onnx", "torch"] = "onnx"
    quantize: bool | None = None  # None: int8 on ONNX Runtime, float32 on PyTorch
    cache_dir: Path = Path("~/.cache/umot")
    threads: int = Field(0, ge=0, le=MAX_THREADS, description=(
        "CPU threads for scoring; 0: every core this process may use. At most 1024: a bigger number "
        "(UMOT_THREADS=100000) failed to start its threads with an ImportError, then hung."))
    # longest review text kept or scored (crawl, import, score); longer ones keep head and tail (#15)
    max_review_chars: int = Field(DEFAULT_MAX_REVIEW_CHARS, ge=200)
    # --- schedules and weeks ---
    timezone: str = "UTC"
    nightly_cron: str = "0 2 * * *"
    weekly_cron: str = "0 6 * * 1"
    # --- crawling ---
    contact_url: str = PROJECT_URL
    crawl_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    httpcache_dir: Path | None = None  # None: <data_dir>/httpcache
    httpcache: bool = False  # True: replay kept pages for 24 h without asking the site
    # responses one crawl of a source reads at most (robots.txt included; Scrapy's CLOSESPIDER_PAGECOUNT): a site
    # whose next-page links never end (a calendar, session ids in links) stops there, noted as unfinished; 0: no cap
    crawl_max_pages: int = Field(5000, ge=0)
    # how many days back a nightly crawl re-reads unanswered reviews for the brand's reply (0 = never)
    reply_window_days: int = Field(30, ge=0, le=36_500)  # a century at most: a date before year 1 broke every crawl
    # --- web and users ---
    secret_key: SecretStr | None = None  # None: a key generated into <data_dir>/web-secret.key
    user_password: SecretStr | None = None  # for `umot users add/passwd` without a terminal
    secure_cookies: bool = False  # True behind TLS: the session cookie gets the Secure flag (#15)

    @field_validator("data_dir", "export_dir", "config_file", "cache_dir", "httpcache_dir")
    @classmethod
    def _expand_home(cls, value: Path | None) -> Path | None:
        return value.expanduser() if value is not None else None

    @field_validator("backend", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """A misspelt zone would date every day-only review, and cut the web app's days, in UTC for good
        (``crawlers.extract.dates``): refused with the other bad settings, before anything is stored."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("unknown timezone (use an IANA name such as Europe/Berlin)") from None
        return value

    @field_validator("crawl_log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @property
    def database_url(self) -> str:
        """``UMOT_DATABASE_URL`` or an SQLite file under the data directory."""
        if self.database_url_override:
            return self.database_url_override
        return f"sqlite:///{(self.data_dir / 'umot.db').resolve()}"

    @property
    def httpcache_path(self) -> Path:
        """Where pages are kept for conditional requests (absolute)."""
        return (self.httpcache_dir or self.data_dir / "httpcache").resolve()


def _variable(loc: tuple[int | str, ...]) -> str:
    name = str(loc[0]) if loc else "?"
    return name if name.startswith("UMOT_") else f"UMOT_{name.upper()}"


def get_settings(**overrides: object) -> Settings:
    """The settings of the environment as it is now (not at import time, so tests can monkeypatch it).

    Parsed once per distinct set of ``UMOT_*`` variables (and ``HOME``, which
    paths expand): a frozen object, shared. Keywords override the environment
    and are never cached. Raises :class:`SettingsError` naming the first
    variable that does not parse.
    """
    if overrides:
        return _parse(tuple(overrides.items()))
    return _parsed(tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("UMOT_") or k == "HOME")))


@lru_cache(maxsize=16)
def _parsed(environment: tuple[tuple[str, str], ...]) -> Settings:  # the key only: Settings reads os.environ
    return _parse(())


def _parse(overrides: tuple[tuple[str, Any], ...]) -> Settings:  # Any: raw values, which pydantic validates
    try:
        return Settings(**dict(overrides))
    except ValidationError as exc:
        error = exc.errors()[0]
        ours = error["type"] == "value_error"  # a validator's own message, written to be read as it is
        why = str((error.get("ctx") or {}).get("error")) if ours else error["msg"].lower()
        raise SettingsError(f"{_variable(error['loc'])}={error.get('input')!r}: {why}") from None
