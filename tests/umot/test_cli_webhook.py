"""``umot webhook``: a URL's secrets (user:password, path) never printed; a URL that cannot work refused at ``set``."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from umot.cli import app
from umot.cli.webhook import shown

runner = CliRunner()
SECRET_URL = "https://bot:s3cr3t-token@hooks.example.com/services/T000/B000/XXXX"


def _stored(db_url: str, brand: str) -> str | None:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        return crud.get_brand(session, brand).webhook_url


@pytest.fixture
def store(db_url: str) -> str:
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme Kitchen")
    return db_url


def test_set_and_list_show_the_host_only(store: str) -> None:
    """Were `https://bot:s3cr3t-token@hooks.example.com/…` (parts.netloc)."""
    done = runner.invoke(app, ["webhook", "set", "Acme Kitchen", SECRET_URL, "--database-url", store])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "Acme Kitchen: new detractors go to https://hooks.example.com/…"
    listed = runner.invoke(app, ["webhook", "list", "--database-url", store])
    assert listed.output.strip() == "Acme Kitchen\thttps://hooks.example.com/…"
    assert _stored(store, "Acme Kitchen") == SECRET_URL  # stored whole: the nightly run posts to it


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8080/hook/secret", "http://127.0.0.1:8080/…"),
    ("https://u:p@[::1]:9443/x", "https://[::1]:9443/…"),
    ("https://hooks.example.com", "https://hooks.example.com/…"),
    ("http://[::1/hook", "<invalid URL: set it again>"),
])
def test_shown_keeps_host_and_port(url: str, expected: str) -> None:
    assert shown(url) == expected


@pytest.mark.parametrize(("url", "message"), [
    ("http://[::1/hook", "webhook URL: not a valid URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:99999/hook", "webhook URL: port '99999' is not a port (give 1 to 65535, or none)"),
    ("http://127.0.0.1:0/hook", "webhook http://127.0.0.1:0/…: port '0' is not a port (give 1 to 65535, or none)"),
    ("http://hooks.example.com:abc/x", "webhook URL: port 'abc' is not a port (give 1 to 65535, or none)"),
    ("http://:80/x", "webhook URL: not an http(s) URL with a host (http://host/...)"),
    ("ftp://hooks.example.com/x", "webhook ftp://hooks.example.com/…: not an http(s) URL with a host (http://host/...)"),
    # was stored, then failed the whole nightly run (UnicodeError: encoding with 'idna' codec failed)
    ("https://hooks..slack.com/services/T/B/X", "webhook https://hooks..slack.com/…: host 'hooks..slack.com': "
                                                "a label (between dots) is empty or over 63 characters"),
])
def test_set_refuses_a_url_that_cannot_work_in_one_line(store: str, url: str, message: str) -> None:
    """Were a ValueError traceback (exit 1), or stored to fail only at `webhook test`."""
    runner.invoke(app, ["webhook", "set", "Acme Kitchen", "https://hooks.example.com/T/B/X", "--database-url", store])
    result = runner.invoke(app, ["webhook", "set", "Acme Kitchen", url, "--database-url", store])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == f"error: {message}"
    assert _stored(store, "Acme Kitchen") == "https://hooks.example.com/T/B/X"  # the working one kept


def test_test_of_a_stored_url_whose_host_cannot_be_encoded_is_one_line(store: str) -> None:
    """A URL stored before `set` refused it: was a UnicodeError traceback."""
    from models import crud
    from models.db import get_engine, session_scope

    with session_scope(get_engine(store)) as session:
        crud.get_brand(session, "Acme Kitchen").webhook_url = "https://hooks..slack.com/services/T/B/X"
    result = runner.invoke(app, ["webhook", "test", "Acme Kitchen", "--database-url", store])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not a UnicodeError
    assert result.stderr.strip().splitlines()[-1] == (
        "error: the webhook of 'Acme Kitchen' (https://hooks..slack.com/…) did not accept the message "
        "(see the log line above)")
