"""The spider loader imports the one spider a crawl runs; listing still finds them all."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from scrapy.settings import Settings

from crawlers.process import PROJECT_ROOT
from crawlers.spiderloader import ModuleSpiderLoader

ALL_SPIDERS = {"appstore", "feed", "googleplay", "hackernews", "reddit", "schemaorg", "sitemap", "trustpilot", "yelp"}


def _loader() -> ModuleSpiderLoader:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    return ModuleSpiderLoader.from_settings(settings)


def test_it_is_the_project_s_loader_and_lists_every_spider() -> None:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    assert settings["SPIDER_LOADER_CLASS"] == "crawlers.spiderloader.ModuleSpiderLoader"
    assert set(_loader().list()) == ALL_SPIDERS


def test_load_finds_a_spider_by_name_and_unknown_names_raise() -> None:
    loader = _loader()
    assert loader.load("schemaorg").name == "schemaorg"
    with pytest.raises(KeyError, match="Spider not found: no-such-spider"):
        loader.load("no-such-spider")


def test_loading_one_spider_imports_no_other_spider_module() -> None:
    code = (
        "import sys; from scrapy.settings import Settings; from crawlers.spiderloader import ModuleSpiderLoader\n"
        "s = Settings(); s.setmodule('crawlers.settings', priority='project')\n"
        "ModuleSpiderLoader.from_settings(s).load('schemaorg')\n"
        "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('crawlers.spiders.'))))\n"
        "print('bs4' in sys.modules, 'feedparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    modules, heavy = out.stdout.splitlines()
    imported = {name.rsplit(".", 1)[-1] for name in json.loads(modules)}
    assert "schemaorg" in imported and not imported & (ALL_SPIDERS - {"schemaorg"})
    assert heavy == "False False"  # mf2py (bs4) deferred; the feed spider's feedparser not imported


def test_the_deferred_microformats_parser_still_works_when_used() -> None:
    from extruct.microformat import MicroformatExtractor

    import crawlers.extract.schemaorg  # noqa: F401 - registers the stand-in

    items = MicroformatExtractor().extract('<div class="h-card"><span class="p-name">Ann</span></div>')
    assert items == [{"type": ["h-card"], "properties": {"name": ["Ann"]}}]
