"""The `hbeu` command line: one parser (main.py), one module per group of commands, the terminal's renderers.

The top layer: it may import every package of hbeu_dash (model, store, intake, views, documents, auth, cluster,
i18n); nothing imports it but the `python -m` entry points. Its messages are in hbeu_dash/i18n/messages/cli.py.
"""
