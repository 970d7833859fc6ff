"""The key that signs session cookies: ``UMOT_SECRET_KEY`` or a file made once.

A generated key lives in the data directory (mode 0600) so that sessions
survive a restart and two workers of one install agree on it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from core.settings import Settings

SECRET_FILE = "web-secret.key"


def load_secret_key(settings: Settings) -> str:
    """``UMOT_SECRET_KEY``, else the key in ``<data_dir>/web-secret.key`` (created if missing)."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = Path(settings.data_dir) / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
