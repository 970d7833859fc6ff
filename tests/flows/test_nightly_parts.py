"""The nightly flow's pure parts: severity, flag rows, report markdown, webhook text, Prefect env."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from flows.flagging import WARN_REASON, Scored, flag_rows, severity
from flows.notify import format_message, quote
from flows.outcomes import BrandReport, Detractor, NightlyResult
from flows.prefect_env import configure_prefect
from flows.report import render_report
from flows.report_format import change, md_escape, md_link
from flows.stage_outcomes import SourceOutcome, SourceSpec
from flows.webhook_post import post_webhook
from nlp.review_scoring import review_text


def spec(brand: str = "Acme", name: str = "shop") -> SourceSpec:
    return SourceSpec(source_id=1, name=name, brand_id=1, brand=brand, spider="schemaorg", urls=("http://x/",))


def detractor(i: int = 1, text: str = "Awful shoes, fell apart", url: str | None = "https://shop.test/r/1") -> Detractor:
    return Detractor(review_id=i, brand_id=1, severity=0.9, reasons=("rated 1★",), text=text, url=url, rating=1.0)


# -- severity and flags -------------------------------------------------------
def test_severity_orders_by_negativity_rating_and_warnings() -> None:
    assert severity(1.0, 1.0) == 1.0
    assert severity(0.0, 5.0) == 0.0
    assert severity(0.8, None) == 0.8  # only the text known
    assert severity(None, 2.0) == 0.75  # only the rating known
    assert severity(None, None) == 0.5
    assert severity(0.6, 3.0) < severity(0.6, 1.0) < severity(0.6, 1.0, "warn")
    assert severity(0.99, 1.0, "warn") == 1.0  # capped
    assert severity(0.8, 0.0) == severity(0.8, 7.0) == 0.8  # a rating off the 1-5 scale counts as none


def test_flag_rows_only_detractors_with_reasons_and_severity() -> None:
    rows = flag_rows([
        Scored(1, 7, 11, True, ("rated 1★",), 0.9, 1.0, "warn"),
        Scored(2, 7, 12, False, (), 0.1, 5.0, None),
        Scored(3, 7, 13, True, ("negative text (p_negative 0.70)",), 0.7, None, None),
    ])
    assert [r["review_id"] for r in rows] == [1, 3]
    assert rows[0] == {"review_id": 1, "score_id": 11, "brand_id": 7,
                       "reasons": ["rated 1★", WARN_REASON], "severity": 1.0}
    assert rows[1]["severity"] == 0.7 and rows[1]["reasons"] == ["negative text (p_negative 0.70)"]


def test_review_text_puts_the_title_first_once() -> None:
    assert review_text("Terrible", "Broke in a day") == "Terrible\nBroke in a day"
    assert review_text("Terrible", "Terrible. Broke") == "Terrible. Broke"
    assert review_text(None, " x ") == "x"
    assert review_text("Only a title", None) == "Only a title"


# -- report ---------------------------------------------------------------------
def test_change_formats_counts_shares_and_ratings() -> None:
    assert change(5, 3) == "+2"
    assert change(3, 0) == "new"
    assert change(0.25, 0.40, kind="share") == "-15 pts"
    assert change(4.2, 4.0, kind="rating") == "+0.20"
    assert change(None, None) == "–"


def test_untrusted_text_cannot_inject_markdown_or_links() -> None:
    assert md_escape("[click](http://evil) <b>x</b> | *") == r"\[click\]\(http://evil\) \<b\>x\</b\> \| \*"
    assert md_link("javascript:alert(1)") == ""
    assert md_link("https://a.test/x y(1)") == "[link](https://a.test/x%20y%281%29)"


def _result(**brand_kw) -> NightlyResult:
    started = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    brand = BrandReport(
        brand_id=1, brand="Acme", new_reviews=12, stored_reviews=40, scored=12,
        labels={"positive": 6, "neutral": 2, "negative": 4}, new_detractors=4,
        detractors=[detractor(1), detractor(2, text="Bad [link](http://evil)", url=None)],
        week={"new_reviews": 12, "detractors": 4, "share_negative": 0.3333, "share_positive": 0.5,
              "avg_rating": 3.5, "avg_stars": 3.4},
        previous_week={"new_reviews": 10, "detractors": 1, "share_negative": 0.1, "share_positive": 0.8,
                       "avg_rating": 4.5, "avg_stars": 4.4},
        **brand_kw,
    )
    return NightlyResult(
        started_at=started, finished_at=started + timedelta(seconds=42), model_version="minilm@abc",
        sources=[SourceOutcome(source=spec(name="shop"), ok=True, pages=3, items_scraped=30, items_new=12),
                 SourceOutcome(source=spec(name="forum"), ok=False, error_message="could not fetch http://x/: HTTP 503")],
        brands=[brand], scored=12, new_flags=4,
    )


def test_report_lists_failed_sources_split_week_change_and_quotes() -> None:
    md = render_report(_result())
    assert "12 new reviews; 28 already stored; 4 new detractors; 1 source failed: Acme/forum" in md
    assert "**Warning:** 1 of 2 sources failed" in md
    failed_row = md.index("Acme/forum")
    assert failed_row < md.index("| Acme/shop |")  # failures first
    assert "HTTP 503" in md
    assert "50% positive / 17% neutral / 33% negative" in md
    assert "| Negative share | 33% | 10% | +23 pts |" in md
    assert "| Average rating | 3.50 | 4.50 | -1.00 |" in md
    assert "“Awful shoes, fell apart” — [link](https://shop.test/r/1)" in md
    assert "Bad \\[link\\]\\(http://evil\\)" in md and "](http://evil)" not in md
    assert "…and 2 more in the triage queue." in md


def test_report_counts_read_right_for_one_and_the_duration_is_its_own_sentence() -> None:
    """It read "**1** new reviews … **1** new detractors" and "…failed: Acme/forum in 42 s."."""
    from dataclasses import replace

    result = _result()
    md = render_report(replace(result, brands=[replace(result.brands[0], new_reviews=1, new_detractors=1, scored=1,
                                                                   labels={"negative": 1})]))
    assert "**1** new review (40 stored in all), **1** new detractor; sentiment of the 1 review scored" in md
    assert "1 source failed: Acme/forum. The run took 42 s." in md
    assert "**12** new reviews" in render_report(_result())


def test_headline_for_a_run_with_nothing_new() -> None:
    result = NightlyResult(started_at=datetime.now(UTC),
                           sources=[SourceOutcome(source=spec(), ok=True, items_scraped=20, items_new=0)],
                           brands=[BrandReport(brand_id=1, brand="Acme", stored_reviews=240)])
    assert result.headline() == "0 new reviews; 240 already stored; 0 new detractors"


def test_headline_counts_read_right_for_one() -> None:
    result = NightlyResult(started_at=datetime.now(UTC),
                           sources=[SourceOutcome(source=spec(), ok=True, items_scraped=1, items_new=1),
                                    SourceOutcome(source=spec(name="forum"), ok=False, error_message="HTTP 503")],
                           brands=[BrandReport(brand_id=1, brand="Acme", stored_reviews=3, new_detractors=1)])
    assert result.headline() == "1 new review; 2 already stored; 1 new detractor; 1 source failed: Acme/forum"


# -- webhook --------------------------------------------------------------------
def test_message_quotes_the_top_detractors_with_links() -> None:
    report = _result().brands[0]
    text = format_message(report, top=1)
    assert text.splitlines()[0] == "*umot — Acme*: 4 new detractors in 12 new reviews"
    assert "> 1★ “Awful shoes, fell apart” https://shop.test/r/1" in text
    assert text.endswith("…and 3 more in the triage queue.")
    assert quote("word " * 100, 20).endswith("…") and len(quote("word " * 100, 20)) <= 20


def test_message_counts_what_was_scored_when_not_every_review_was_new() -> None:
    def first_line(new: int, scored: int, detractors: int) -> str:
        report = BrandReport(brand_id=1, brand="Acme", new_reviews=new, scored=scored, new_detractors=detractors,
                             detractors=[detractor(i) for i in range(detractors)])
        return format_message(report).splitlines()[0]

    # `umot import`, then `umot run`: nothing crawled, the imported reviews scored now
    assert first_line(0, 3, 2) == "*umot — Acme*: 2 new detractors among 3 reviews scored in this run"
    assert first_line(2, 5, 1) == "*umot — Acme*: 1 new detractor among 5 reviews scored in this run (2 newly crawled)"
    assert first_line(1, 1, 1) == "*umot — Acme*: 1 new detractor in 1 new review"
    assert first_line(0, 0, 1) == "*umot — Acme*: 1 new detractor"  # flags with nothing scored: no count to give


def test_post_webhook_sends_text_json_and_reports_failures(webhook_server, caplog) -> None:
    base, got = webhook_server
    assert post_webhook(f"{base}/hook", "hello") is True
    assert got == [("/hook", {"text": "hello"})]
    assert post_webhook(f"{base}/down", "x") is False
    assert post_webhook("http://127.0.0.1:9/secret-token", "x", timeout=2) is False  # nothing listens
    assert post_webhook("not a url", "x") is False
    assert "secret-token" not in caplog.text  # the secret part of a webhook URL is never logged


# -- Prefect environment -----------------------------------------------------------
def test_prefect_env_fills_only_what_the_user_left_unset(tmp_path: Path) -> None:
    env = {"PREFECT_HOME": "/mine"}
    applied = configure_prefect(tmp_path / "data", quiet=True, environ=env)
    assert env["PREFECT_HOME"] == "/mine" and "PREFECT_HOME" not in applied
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PREFECT_SERVER_EPHEMERAL_ENABLED"] == "true"
    assert env["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "WARNING"
    fresh: dict[str, str] = {}
    configure_prefect(tmp_path / "data", environ=fresh)
    assert fresh["PREFECT_HOME"] == str((tmp_path / "data" / "prefect").resolve())
    assert (tmp_path / "data" / "prefect").is_dir()
    assert "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL" not in fresh


def test_local_runs_send_no_heartbeats_to_a_temporary_api_only() -> None:
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.prefect_env import local_run_settings

    with temporary_settings(updates={PREFECT_API_URL: None, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 60}):
        with local_run_settings():  # the temporary API ends with the process: nobody reads them
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() is None
        assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() == 60
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api",
                                     PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 60}):
        with local_run_settings():  # a real server marks crashed runs by them: kept
            assert PREFECT_FLOWS_HEARTBEAT_FREQUENCY.value() == 60


def test_webhook_commands_set_test_list_and_remove(webhook_server, db_url: str) -> None:
    from typer.testing import CliRunner

    from models import crud
    from models.db import get_engine, session_scope
    from umot.cli import app

    base, got = webhook_server
    with session_scope(get_engine(db_url)) as session:
        crud.get_or_create_brand(session, "Acme")
    cli = lambda *args: CliRunner().invoke(app, ["webhook", *args, "--database-url", db_url])  # noqa: E731

    assert cli("set", "Acme", f"{base}/hooks/SECRET").exit_code == 0
    tested = cli("test", "Acme")
    assert tested.exit_code == 0 and got[-1][1]["text"].startswith("*umot — Acme*: test message")
    listed = cli("list")
    assert f"Acme\t{base}/…" in listed.output and "SECRET" not in listed.output
    assert cli("set", "Acme", f"{base}/down").exit_code == 0
    assert cli("test", "Acme").exit_code == 1
    bad = cli("set", "Nope", "https://hooks.example/x")
    assert bad.exit_code == 2 and "no brand named 'Nope'" in bad.output
    assert "not an http(s) URL" in cli("set", "Acme", "ftp://x").output
    assert cli("remove", "Acme").exit_code == 0 and "Acme\t–" in cli("list").output
