"""The key that signs session cookies: ``UMOT_SECRET_KEY`` or a file made once.

A generated key lives in the data directory (mode 0600) so that sessions
survive a restart and two workers of one install agree on it. Two processes
starting together on a fresh data directory must agree too: the key is written
whole to a file of its own, then linked to its name (a link fails where the name
exists, so exactly one key wins), and everyone reads the file under that name.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from core.settings import Settings

SECRET_FILE = "web-secret.key"
MIN_KEY_CHARS = 32  # a generated key has 64 (48 random bytes)


class SecretKeyError(ValueError):
    """The key cannot sign sessions (empty, too short, unreadable); the message names ``UMOT_SECRET_KEY`` or the file."""


def load_secret_key(settings: Settings) -> str:
    """``UMOT_SECRET_KEY``, else the key in ``<data_dir>/web-secret.key`` (created if missing).

    Either must hold :data:`MIN_KEY_CHARS` characters: a short key can be guessed, and
    whoever guesses it signs a session cookie as any user.
    """
    if settings.secret_key is not None:
        key = settings.secret_key.get_secret_value()
        if len(key.strip()) < MIN_KEY_CHARS:
            raise SecretKeyError(
                f"UMOT_SECRET_KEY holds {len(key.strip())} characters, at least {MIN_KEY_CHARS} are needed: set a "
                "longer random one (python -c 'import secrets; print(secrets.token_urlsafe(48))'), or unset it to "
                "have a key file made")
        return key
    path = Path(settings.data_dir) / SECRET_FILE
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create(path)
        except OSError as exc:
            raise SecretKeyError(f"cannot make the session key file {path}: {exc.strerror or exc}") from None
    return _read(path)


def _create(path: Path) -> None:
    """Write a new key to a temporary file beside ``path``, then link it there unless another process won."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process made it first: its key is the one
    finally:
        os.unlink(temp)


def _read(path: Path) -> str:
    """The key in ``path``; :class:`SecretKeyError` when it could not sign sessions safely."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise SecretKeyError(f"cannot read the session key file {path}: {reason}") from None
    if len(key) < MIN_KEY_CHARS:
        raise SecretKeyError(
            f"the session key file {path} holds {len(key)} characters, at least {MIN_KEY_CHARS} are needed: "
            "delete it to have a new key made (everyone is logged out), or set UMOT_SECRET_KEY")
    return key
