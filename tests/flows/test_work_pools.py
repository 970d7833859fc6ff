"""flows/work_pools.py: what `umot deploy` sends to a work pool, pinned to this folder's store."""

from __future__ import annotations

from flows.deployments import ScheduleConfig, build_deployments
from flows.work_pools import pool_deployments


def test_worker_deployments_pin_the_store_config_and_exports_as_absolute_paths(monkeypatch, tmp_path):
    """A process worker runs flows in a temporary directory: relative defaults must not reach it."""
    home = tmp_path.resolve()
    monkeypatch.chdir(home)
    for name in ("UMOT_DATA_DIR", "UMOT_EXPORT_DIR", "UMOT_CONFIG", "UMOT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    defaults = {"UMOT_DATA_DIR": str(home / "data"), "UMOT_EXPORT_DIR": str(home / "exports"),
                "UMOT_CONFIG": str(home / "umot.toml"), "UMOT_DEPLOYED_STORE": f"sqlite:///{home / 'data' / 'umot.db'}"}
    for deployment in pool_deployments(ScheduleConfig()):
        assert deployment.job_variables == {"env": defaults}, deployment.name

    monkeypatch.setenv("UMOT_EXPORT_DIR", "out/weekly")
    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:///db/umot.db")
    [nightly, weekly, crawl_unit, score_unit] = pool_deployments(ScheduleConfig())
    assert (crawl_unit.name, score_unit.name) == ("crawl-shard", "score-shard")  # a fanned-out night's units
    assert nightly.parameters == {}  # fan_out 0: one flow run does the night
    env = weekly.job_variables["env"]
    assert env["UMOT_EXPORT_DIR"] == str(home / "out" / "weekly")
    assert env["UMOT_DATABASE_URL"] == env["UMOT_DEPLOYED_STORE"] == f"sqlite:///{home / 'db' / 'umot.db'}"
    assert nightly.job_variables == weekly.job_variables

    # A server URL may hold a password: workers set it themselves, the deployment never shows it.
    monkeypatch.setenv("UMOT_DATABASE_URL", "postgresql://umot:s3cret@db.internal/umot")
    [nightly, *_] = pool_deployments(ScheduleConfig(), fan_out=3)
    assert nightly.parameters == {"fan_out": 3}
    assert "UMOT_DATABASE_URL" not in nightly.job_variables["env"]
    # ...but which store it is, so a worker without it (a new SQLite file) fails rather than fill another store
    assert nightly.job_variables["env"]["UMOT_DEPLOYED_STORE"] == "postgresql://db.internal:5432/umot schema public"
    assert "s3cret" not in str(nightly.job_variables)
    # `umot serve` runs the flows in its own process and folder: nothing to pin.
    assert all(d.job_variables == {} for d in build_deployments(ScheduleConfig()))


def test_a_deployer_with_umot_toml_says_so_to_its_workers(monkeypatch, tmp_path):
    """Its workers' nights warn when the file is missing there; a deployer without one (sources in the
    store only) pins no such marker, so its workers' nights say nothing."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("UMOT_CONFIG", raising=False)
    [nightly, *_] = pool_deployments(ScheduleConfig())
    assert "UMOT_DEPLOYED_CONFIG" not in nightly.job_variables["env"]
    (tmp_path / "umot.toml").write_text("", encoding="utf-8")
    [nightly, *_] = pool_deployments(ScheduleConfig())
    assert nightly.job_variables["env"]["UMOT_DEPLOYED_CONFIG"] == "1"


def test_the_fanned_out_night_starts_the_units_by_the_names_they_are_deployed_under() -> None:
    from flows.fanout import CRAWL_DEPLOYMENT, SCORE_DEPLOYMENT
    from flows.night_units import crawl_shard, score_shard

    *_, crawl_unit, score_unit = pool_deployments(ScheduleConfig())
    assert f"{crawl_shard.name}/{crawl_unit.name}" == CRAWL_DEPLOYMENT
    assert f"{score_shard.name}/{score_unit.name}" == SCORE_DEPLOYMENT
