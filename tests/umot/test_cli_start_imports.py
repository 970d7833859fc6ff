"""`umot --help` and every command start without the store, crawl or model libraries: they are imported by the
command that needs them. A constant imported from crawlers.sources_sync at the top of a CLI module once pulled in
sqlmodel and the sources config for every command (0.4 s more at each start)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlmodel", "sqlalchemy", "crawlers", "models", "nlp", "torch", "transformers", "onnxruntime", "scrapy",
         "prefect")


def test_importing_the_cli_loads_none_of_the_heavy_packages() -> None:
    code = ("import sys, umot.cli; print(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:])))")
    out = subprocess.run([sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
