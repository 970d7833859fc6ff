"""Prefect flows: the nightly run (crawl -> store -> score -> flag -> summarise ->
notify) and the weekly export, with their deployments.

Importing this package changes nothing in the process: entry points that run
flows here (``umot run``/``demo``/``serve``, the bench, the tests) call
:func:`flows.prefect_env.configure_prefect` first, because Prefect reads its
settings when it is imported. Nothing heavy is imported here:
``from flows.nightly import nightly``.
"""
