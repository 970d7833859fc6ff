"""Importing flows leaves the process environment alone (entry points configure Prefect)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import json, os
before = dict(os.environ)
import flows, flows.nightly, flows.weekly_export, flows.deployments
after = dict(os.environ)
print(json.dumps(sorted(set(after.items()) ^ set(before.items()))))
"""


def test_importing_flows_changes_no_environment_variable() -> None:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("PREFECT_")}
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
