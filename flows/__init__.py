"""Prefect flows: the nightly run (crawl -> store -> score -> flag -> summarise ->
notify) and the weekly export, with their deployments.

Importing this package first sets Prefect's offline defaults (a temporary local
API, no analytics, ``PREFECT_HOME`` under the data dir; see
:mod:`flows.prefect_env`), because Prefect reads its settings when it is
imported. Nothing heavy is imported here: ``from flows.nightly import nightly``.
"""

from flows.prefect_env import configure_prefect

configure_prefect()
