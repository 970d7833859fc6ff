"""``umot web``: an address it cannot listen on is one line and exit 2, before anything is announced."""

from __future__ import annotations

import socket

import pytest
import uvicorn
from typer.testing import CliRunner

from umot.cli import app as cli
from umot.cli.web import listen_error


@pytest.fixture
def busy_port():
    """A port on 127.0.0.1 that another program is listening on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.fixture
def served(monkeypatch) -> list:
    calls: list = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    return calls


def test_a_port_in_use_is_one_line_and_exit_2(busy_port, served, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["web", "--port", str(busy_port), "--database-url", f"sqlite:///{tmp_path}/u.db"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == f"error: cannot listen on 127.0.0.1:{busy_port}: Address already in use"
    assert "triage on" not in result.output and served == []


def test_a_port_out_of_range_is_refused(served, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["web", "--port", "99999", "--database-url", f"sqlite:///{tmp_path}/u.db"])
    assert result.exit_code == 2 and "Invalid value for '--port'" in result.output and "65535" in result.output
    assert served == []


def test_listen_error_names_what_is_wrong(busy_port) -> None:
    assert listen_error("127.0.0.1", busy_port) == "Address already in use"
    assert listen_error("192.0.2.1", 8000) == "Cannot assign requested address"  # TEST-NET-1: on no machine
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    assert listen_error("127.0.0.1", port) is None


def test_a_free_port_is_served(served, tmp_path) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    result = CliRunner().invoke(cli, ["web", "--port", str(port), "--database-url", f"sqlite:///{tmp_path}/u.db"])
    assert result.exit_code == 0, result.output
    assert f"umot triage on http://127.0.0.1:{port}/" in result.output
    assert served == [{"host": "127.0.0.1", "port": port, "log_level": "warning"}]


def test_an_ipv6_address_is_announced_in_brackets(served, tmp_path) -> None:
    """Was `http://::1:PORT/`, which no browser opens."""
    with socket.socket(socket.AF_INET6) as free:
        free.bind(("::1", 0))
        port = free.getsockname()[1]
    result = CliRunner().invoke(cli, ["web", "--host", "::1", "--port", str(port),
                                      "--database-url", f"sqlite:///{tmp_path}/u.db"])
    assert result.exit_code == 0, result.output
    assert f"umot triage on http://[::1]:{port}/  (Ctrl+C stops it)" in result.output
    assert served == [{"host": "::1", "port": port, "log_level": "warning"}]
