"""The environment of a crawl process (``python -m crawlers.batch``).

Used by :mod:`crawlers.runner`, which starts crawl processes with
:func:`core.processes.die_with_parent`: a crawl process
ends when the process that started it does, killed or not, and never keeps
writing to the store for a run nobody waits for.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def crawl_env() -> dict[str, str]:
    """This process's environment plus Scrapy's settings module and the project on the path."""
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "crawlers.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return env
