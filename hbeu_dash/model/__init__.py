"""The data model and its checks: the tables' schemas, reading data/, the problems found, numbers as articles write
them, units, quality checks, filtering, CSV cells, and the proof of evidence against sources.

May import: paths, settings, i18n. Nothing above it (no store, views, graphics, ui)."""
