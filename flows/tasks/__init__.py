"""The nightly flow's tasks, one module per stage; I/O here, pure logic beside the flow.

``plan`` syncs ``umot.toml`` into the store and picks the night's sources,
``crawl`` runs a source's spider (items reach the store through the crawl's
StorePipeline), ``score`` scores and flags a batch of unscored reviews,
``summarise`` reads per-brand figures back, ``notify`` posts to brand webhooks.
"""
