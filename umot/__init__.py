"""umot: review and referral sentiment pipeline (crawl -> store -> score -> flag -> export).

The ``umot`` package is the application shell around the pipeline folders
(``crawlers``, ``models``, ``nlp``, ``flows``): configuration, the CLI, the
weekly export and the triage web app.
"""

__version__ = "0.1.0"
