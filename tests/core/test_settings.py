"""core.settings: every UMOT_* variable parsed once, bad values named in one line."""

import re
from pathlib import Path

import pytest

from core.settings import Settings, SettingsError, get_settings


def test_defaults_without_any_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in __import__("os").environ if n.startswith("UMOT_")]:
        monkeypatch.delenv(name)
    settings = get_settings()
    assert settings.data_dir == Path("data") and settings.config_file == Path("umot.toml")
    assert settings.database_url == f"sqlite:///{Path('data/umot.db').resolve()}"
    assert settings.backend == "onnx" and settings.quantize is None and settings.threads == 0
    assert settings.httpcache_path == Path("data/httpcache").resolve()
    assert settings.reply_window_days == 30


def test_variables_are_read_and_typed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UMOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("UMOT_CONFIG", "~/brands.toml")
    monkeypatch.setenv("UMOT_QUANTIZE", "off")
    monkeypatch.setenv("UMOT_BACKEND", " Torch ")
    monkeypatch.setenv("UMOT_THREADS", "3")
    monkeypatch.setenv("UMOT_MODEL", "")  # empty counts as unset
    monkeypatch.setenv("UMOT_SECRET_KEY", "k3y")
    settings = get_settings()
    assert settings.database_url == f"sqlite:///{tmp_path / 'umot.db'}"
    assert settings.config_file == Path.home() / "brands.toml"
    assert (settings.quantize, settings.backend, settings.threads, settings.model) == (False, "torch", 3, None)
    assert settings.secret_key is not None and settings.secret_key.get_secret_value() == "k3y"
    assert "k3y" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("UMOT_QUANTIZE", "maybe", "UMOT_QUANTIZE='maybe': input should be a valid boolean"),
        ("UMOT_REPLY_WINDOW_DAYS", "-1", "UMOT_REPLY_WINDOW_DAYS='-1': input should be greater than or equal to 0"),
        # a million days back is before year 1: every schema.org, sitemap and platform page failed its crawl
        ("UMOT_REPLY_WINDOW_DAYS", "1000000", "UMOT_REPLY_WINDOW_DAYS='1000000': input should be less than or "
                                              "equal to 36500"),
        ("UMOT_BACKEND", "tensorflow", "UMOT_BACKEND='tensorflow': input should be 'onnx' or 'torch'"),
        # a hundred thousand threads failed to start (an ImportError traceback), then `umot score` hung
        ("UMOT_THREADS", "100000", "UMOT_THREADS='100000': input should be less than or equal to 1024"),
        ("UMOT_THREADS", "-1", "UMOT_THREADS='-1': input should be greater than or equal to 0"),
        # a misspelt zone dated every day-only review in UTC for good (crawlers.extract.dates)
        ("UMOT_TIMEZONE", "Europe/Berln", "UMOT_TIMEZONE='Europe/Berln': unknown timezone (use an IANA name such as "
                                          "Europe/Berlin)"),
    ],
)
def test_a_bad_value_names_its_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match="^" + re.escape(message)):
        get_settings()


def test_parsed_once_until_a_variable_changes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UMOT_THREADS", "2")
    first = get_settings()
    assert get_settings() is first  # one parse, shared
    monkeypatch.setenv("UMOT_THREADS", "5")
    assert get_settings().threads == 5  # a changed variable is read again
    monkeypatch.setenv("UMOT_THREADS", "2")
    assert get_settings().threads == 2
    assert get_settings(threads=7).threads == 7 and get_settings().threads == 2  # keywords are not cached


def test_keywords_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMOT_DATABASE_URL", "sqlite:///from-env.db")
    assert Settings(database_url_override="sqlite:///given.db").database_url == "sqlite:///given.db"


def test_only_umot_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """CONFIG_FILE and DATABASE_URL_OVERRIDE (the fields' own names, any case) chose the sources file and store."""
    for name in [n for n in __import__("os").environ if n.startswith("UMOT_")]:
        monkeypatch.delenv(name)
    for name, value in [("CONFIG_FILE", "/elsewhere/app.toml"), ("config_file", "/x.toml"),
                        ("DATABASE_URL_OVERRIDE", "sqlite:////tmp/other.db")]:
        monkeypatch.setenv(name, value)
    settings = get_settings()
    assert settings.config_file == Path("umot.toml") and settings.database_url_override is None
    assert Settings(config_file=Path("given.toml")).config_file == Path("given.toml")  # keywords still work


def test_every_setting_has_a_row_in_the_configuration_docs() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1] for line in docs.splitlines() if line.startswith("| `UMOT_")}
    documented = " ".join(rows)
    names = []
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.append(alias if isinstance(alias, str) else f"UMOT_{field_name.upper()}")
    missing = [name for name in names if f"`{name}`" not in documented]
    assert not missing, f"docs/configuration.md has no row for {missing}"
