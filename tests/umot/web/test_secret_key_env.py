"""``UMOT_SECRET_KEY`` needs the key file's 32 characters (umot/web/secret.py).

Was: a key file under 32 characters was refused, but ``UMOT_SECRET_KEY=k`` signed every
session cookie as it was (a key that short can be guessed, then a cookie forged for anyone).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from core.settings import get_settings
from umot.cli import app as cli
from umot.web.secret import SECRET_FILE, SecretKeyError, load_secret_key


@pytest.mark.parametrize("value", ["k", "short-key", "x" * 31, " " * 40, "y" * 31 + "   "])
def test_a_short_environment_key_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("UMOT_SECRET_KEY", value)
    with pytest.raises(SecretKeyError) as caught:
        load_secret_key(get_settings())
    assert str(caught.value).startswith(
        f"UMOT_SECRET_KEY holds {len(value.strip())} characters, at least 32 are needed")
    assert len(value.strip()) < 9 or value.strip() not in str(caught.value)  # the key itself is never shown
    assert not (tmp_path / SECRET_FILE).exists()


def test_a_long_enough_environment_key_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("UMOT_SECRET_KEY", "z" * 32)
    assert load_secret_key(get_settings()) == "z" * 32


def test_umot_web_stops_in_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("served with a short key"))
    done = CliRunner().invoke(cli, ["web", "--database-url", f"sqlite:///{tmp_path}/u.db"],
                              env={"UMOT_DATA_DIR": str(tmp_path), "UMOT_SECRET_KEY": "hunter2"})
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "error: UMOT_SECRET_KEY holds 7 characters, at least 32 are needed: set a longer random one"), lines
