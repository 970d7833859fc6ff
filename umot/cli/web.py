"""``umot web`` (the triage app), ``umot users`` and ``umot detractors`` (triage from scripts)."""

from __future__ import annotations

from typing import Annotated

import typer

from umot.cli._store import DatabaseUrl


def listen_error(host: str, port: int) -> str | None:
    """Why the app could not listen on ``host:port`` (a name that does not resolve, an address
    this machine does not have, a port in use), or None; binds as uvicorn does, then lets go."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as exc:
        return exc.strerror or str(exc)
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def host_port(host: str, port: int) -> str:
    """``host:port``, an IPv6 address in brackets (``[::1]:8000``): ``::1:8000`` reads as another address."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def _port(port: int) -> int:
    """A TCP port, checked here rather than by ``min``/``max``: their ``[1<=x<=65535]`` took the room
    the help's options table needs for ``--no-secure-cookies`` at 80 columns."""
    if not 1 <= port <= 65535:
        raise typer.BadParameter(f"{port} is not a port (give 1 to 65535)")
    return port


def web(
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless behind a TLS proxy")] = "127.0.0.1",
    port: Annotated[int, typer.Option(callback=_port, help="Port to listen on, 1 to 65535")] = 8000,
    secure_cookies: Annotated[bool | None, typer.Option(
        "--secure-cookies/--no-secure-cookies",
        help="Mark the session cookie Secure (HTTPS only): use when served behind TLS \\[default: UMOT_SECURE_COOKIES or off]",
        show_default=False,
    )] = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Serve the detractor triage web app (log in with a user from `umot users add`)."""
    import uvicorn
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import Session, col, func, select

    from models.tables import User
    from umot.cli._errors import fail
    from umot.web.app import create_app
    from umot.web.secret import SecretKeyError

    try:
        app = create_app(database_url, secure_cookies=secure_cookies)
    except SecretKeyError as exc:
        fail(str(exc))
    except (SQLAlchemyError, OSError) as exc:
        fail(f"cannot open the store: {str(getattr(exc, 'orig', None) or exc).splitlines()[0]}")
    with Session(app.state.engine) as session:
        if not session.exec(select(func.count(col(User.id)))).one():
            typer.echo("No users yet: add one with `umot users add EMAIL --brand NAME` to log in.")
    why = listen_error(host, port)
    if why is not None:  # before announcing an address nobody can reach
        fail(f"cannot listen on {host_port(host, port)}: {why}")
    typer.echo(f"umot triage on http://{host_port(host, port)}/  (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
