"""HBEU Dash: sourced figures of the Hohhot–Baotou–Ordos–Ulanqab integration programme.

The packages, top to bottom (each imports only those below it; pyproject.toml's import-linter contracts, run by
tests/test_layers.py, hold it):

  cli/        the `hbeu` command line                      cluster/   PostgreSQL, replicas and nginx for `hbeu cluster`
  ui/         Streamlit: the pages' sections and widgets (app_pages/ and app.py compose them)
  documents/  what a reader takes away: the briefing (HTML/PDF), exports (CSV/XLSX)
  intake/     new data in: uploads, change sets, a source's text, the article assistant (extract/)
  views/      pure view models of every screen              store/     where the data lives (CSV folder, PostgreSQL)
  auth.py     who may sign in (argon2id, OIDC allow-lists)
  graphics/   pure chart and map builders, the palette
  model/      the data model and its checks: schemas, loaders, problems, proof of evidence
  i18n/       every reader-facing word in zh and en, number and date formats
  settings.py, paths.py   deployment settings and every path
"""
