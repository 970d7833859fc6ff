"""The Prefect server ``umot serve`` and ``umot deploy`` register with, and the check that it answers.

Kept free of Prefect imports: Prefect reads its settings once, when first
imported, so the API URL must be in place before anything imports it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping

from umot.cli._errors import fail

LOCAL_API_URL = "http://127.0.0.1:4200/api"


def use_prefect_server(environ: MutableMapping[str, str] | None = None) -> str:
    """Make ``PREFECT_API_URL`` (default: a local ``prefect server start``) the API Prefect uses here.

    With the variable unset, Prefect would start a temporary server of its own
    and register the deployments there, where no UI ever shows them. Prefect
    reads its settings once, when first imported: call this before; if it was
    imported already, its settings are read again.
    """
    environ = os.environ if environ is None else environ
    if not environ.get("PREFECT_API_URL"):
        environ["PREFECT_API_URL"] = LOCAL_API_URL
    url = environ["PREFECT_API_URL"].rstrip("/")
    _check_api_url(url)
    if environ is os.environ and "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()
    return url


def _check_api_url(url: str) -> None:
    """A URL httpx cannot send to (``http://[::1/api``, a port ``4200:99``) fails in one line, before
    Prefect loads (its settings choke on one too); it was a traceback from serve, deploy and run."""
    import httpx

    try:
        httpx.URL(f"{url}/health")
    except httpx.InvalidURL:
        fail(f"PREFECT_API_URL {shown_api_url(url)} is not a valid URL: set it to your Prefect server's API "
             f"(default {LOCAL_API_URL})")


def shown_api_url(url: str) -> str:
    """``url`` fit to print: its path kept (``/api``), a password in it shown as ``***``."""
    from models.db_url import mask_password

    return mask_password(url)


def connect_prefect() -> str:
    """Point Prefect at its server (see :func:`use_prefect_server`) and check that it answers; its API URL
    (print it through :func:`shown_api_url`: it may hold a password)."""
    import httpx

    from core.settings import get_settings

    get_settings().data_dir.mkdir(parents=True, exist_ok=True)  # PREFECT_HOME lives under it
    from flows.prefect_env import configure_prefect

    configure_prefect()  # umot's Prefect defaults (PREFECT_HOME, analytics off) before prefect loads

    url = use_prefect_server()
    try:
        httpx.get(f"{url}/health", timeout=5).raise_for_status()
    except httpx.HTTPError as exc:
        fail(
            f"no Prefect server answers at {shown_api_url(url)} ({type(exc).__name__}); start one with "
            "`prefect server start` or set PREFECT_API_URL to yours"
        )
    return url
