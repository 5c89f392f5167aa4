"""The only Streamlit-aware code: URL and session state (`state`), cached data and memo (`data`), page chrome
(`chrome`), widgets (`widgets`) and page sections (`sections`, `quality`). It renders the view models of
`hbeu_dash.views` and escapes their text for Streamlit markdown.

May import: documents, views, graphics, the model, the store, intake, auth, i18n, Streamlit. Nothing imports
it but the pages (app_pages/) and app.py."""
