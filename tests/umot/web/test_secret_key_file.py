"""The session key file: made atomically (two `umot web` started together on a fresh data folder
agree on one key, never read an empty one), and a file that cannot sign sessions refused in one line."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from core.settings import get_settings
from umot.cli import app as cli
from umot.web.secret import SECRET_FILE, SecretKeyError, load_secret_key


def _load(data_dir: str, start: object, out: object) -> None:
    os.environ["UMOT_DATA_DIR"] = data_dir
    os.environ.pop("UMOT_SECRET_KEY", None)
    start.wait()  # type: ignore[attr-defined]
    out.put(load_secret_key(get_settings()))  # type: ignore[attr-defined]


def test_processes_starting_together_agree_on_one_whole_key(tmp_path: Path) -> None:
    """Was: the file created empty, then written; a second process read '' or wrote a key of its own."""
    ctx = multiprocessing.get_context("fork")
    for i in range(25):
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_load, args=(str(tmp_path / str(i)), start, out)) for _ in range(4)]
        for p in procs:
            p.start()
        start.set()
        keys = {out.get(timeout=60) for _ in procs}
        for p in procs:
            p.join(60)
        on_disk = (tmp_path / str(i) / SECRET_FILE).read_text()
        assert keys == {on_disk} and len(on_disk) == 64, f"run {i}: {keys!r}"
        assert (tmp_path / str(i) / SECRET_FILE).stat().st_mode & 0o777 == 0o600
        assert [f.name for f in (tmp_path / str(i)).iterdir()] == [SECRET_FILE]  # no temporary file left


@pytest.mark.parametrize("content", ["", "\n", "short-key"])
def test_an_empty_or_short_key_file_is_refused_naming_it(tmp_path: Path, monkeypatch, content: str) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("UMOT_SECRET_KEY", raising=False)
    (tmp_path / SECRET_FILE).write_text(content)
    with pytest.raises(SecretKeyError) as caught:
        load_secret_key(get_settings())
    assert str(caught.value).startswith(f"the session key file {tmp_path / SECRET_FILE} holds {len(content.strip())} "
                                        "characters, at least 32 are needed")


def test_umot_web_says_so_in_one_line(tmp_path: Path, monkeypatch) -> None:
    """Was: an empty key signed every cookie (anyone could forge a session) or, short, was used as is."""
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("served with a bad key"))
    (tmp_path / SECRET_FILE).write_text("")
    done = CliRunner().invoke(cli, ["web", "--database-url", f"sqlite:///{tmp_path}/u.db"],
                              env={"UMOT_DATA_DIR": str(tmp_path), "UMOT_SECRET_KEY": None})
    assert done.exit_code == 2
    assert done.stderr.strip().splitlines() == [
        f"error: the session key file {tmp_path / SECRET_FILE} holds 0 characters, at least 32 are needed: delete "
        "it to have a new key made (everyone is logged out), or set UMOT_SECRET_KEY"]
