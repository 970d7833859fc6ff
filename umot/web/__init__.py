"""The triage web app: brand teams work through flagged detractors.

Server-rendered (FastAPI + Jinja, autoescaped), session login, CSRF tokens on
every form, and every query limited to the brands the user belongs to.
Build it with :func:`umot.web.app.create_app`; ``umot web`` serves it.
"""
